"""Bug (a user's walkthrough): a second run in the same period printed "delivery file briefings: skipped" and
"delivery email pm@example.com: skipped" with no reason (the target had already received this period's briefing).
Each skipped delivery now says why, and how to send it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from tests.integration.test_delivery import smtp, watchlist, written  # noqa: F401  (smtp: a fixture)
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

WHY = "skipped (this period's briefing was already sent there; `watchdesk brief {} --deliver` sends it again)"


def test_a_second_run_in_the_period_says_why_its_file_delivery_is_skipped(tmp_path: Path) -> None:
    wl, copy = tmp_path / "w.toml", tmp_path / "briefings"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "never"')
                  + f'[[delivery]]\nkind = "file"\npath = "{copy}"\n')  # fmt: skip
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(tmp_path / "w.duckdb"), "--out",
            str(tmp_path / "out")]  # fmt: skip
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0 and f"delivery file {copy}: sent" in first.output, first.output
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    said = " ".join(second.output.split())
    # the command, as every resend is said: the watchlist file, the database and the folder whole (before: a bare
    # `watchdesk brief --deliver`, which briefed the latest period of ./watchdesk.duckdb)
    period = said.split(f"delivery file {copy}: skipped")[1].split(" --since ")[1].split(" --out ")[0]
    assert f"delivery file {copy}: " + WHY.format(f"{wl} --db {tmp_path / 'w.duckdb'} --since {period} --out "
                                                  f"{tmp_path / 'out'}") in said, said  # fmt: skip


def delivered_twice(port: int, tmp_path: Path, *, between: str | None = None) -> list[str]:
    """What the second delivery of one briefing to an e-mail target reports; `between` runs on the store first."""
    wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
    settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
    said: list[str] = []
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
        if between:
            store.con.execute(between)
        deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r2", report=said.append)
    return said


def test_a_skipped_email_says_why(smtp: tuple[int, list[Any]], tmp_path: Path) -> None:  # noqa: F811
    why = WHY.format(f"--name chips --since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'}")
    assert f"delivery email pm@example.com: {why}" in delivered_twice(smtp[0], tmp_path)


def test_a_skip_after_an_unconfirmed_send_says_it_may_have_arrived(
    smtp: tuple[int, list[Any]], tmp_path: Path  # noqa: F811
) -> None:
    """A code review: after a send the server never confirmed (recorded "unconfirmed"), the next run said the briefing
    "was already sent there", which nobody knows."""
    said = delivered_twice(smtp[0], tmp_path, between="UPDATE deliveries SET status = 'unconfirmed'")
    assert f"delivery email pm@example.com: skipped (this period's briefing was handed over there before with no " \
           "confirmation, so it may have arrived; check with the recipient, then `watchdesk brief --name chips " \
           f"--since 2025-08-25 --until 2025-08-31 --out {tmp_path / 'out'} --deliver --undelivered` sends it to " \
           "each target it may not have reached)" in said, said
