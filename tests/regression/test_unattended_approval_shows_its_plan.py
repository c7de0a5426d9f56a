"""Bug (a user's walkthrough): unattended approval was blind. The AWAITING-APPROVAL notice (file and e-mail/Slack)
said only "Review and approve it with: watchdesk approve RUN_ID": no plan, and no reason (the reason, e.g. "approval
asked again: the watchlist changed since its last approved run", went only to cron's log). And `watchdesk approve
RUN_ID` at a terminal resumed the run at once, with no view of the plan. The notice now carries the reason and the
plan (steps, companies, sources, delivery targets; no secrets), `approve RUN_ID --show` prints a stored plan, and at
a terminal `approve` shows the plan and asks unless --yes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.integration.test_approval import WATCHLIST, status_of
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"\n'
CHANGED = "approval asked again: the watchlist changed since its last approved run"


def waiting_run(tmp_path: Path, port: int) -> tuple[str, Path, Path, dict[str, str | None]]:
    """A scheduled run asking again after its watchlist changed: (run id, database, briefing folder, env)."""
    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    policy = 'approval = "first:1"\nallowed_domains = ["sec.gov", "127.0.0.1"]'
    wl.write_text(WATCHLIST.replace('approval = "first:1"', policy) + SLACK)
    env = {"WATCHDESK_REPLAY": str(demo_pack()), "DESK_HOOK": f"http://127.0.0.1:{port}/hook?token=hook-secret"}
    args = ["run", str(wl), "--db", str(db), "--out", str(out)]
    assert CliRunner(env=env).invoke(cli, [*args, "--yes"]).exit_code == 0
    wl.write_text(wl.read_text().replace("limit_per_form = 1", "limit_per_form = 2"))
    waiting = CliRunner(env=env).invoke(cli, [*args, "--scheduled"])
    assert waiting.exit_code == 0 and "awaiting approval" in waiting.output, waiting.output
    return waiting.output.split("watchdesk approve ", 1)[1].split()[0], db, out, env


def test_the_notice_carries_the_reason_and_the_plan(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    port, posts, _ = webhook
    run_id, _db, out, _env = waiting_run(tmp_path, port)
    notice = (out / f"AWAITING-APPROVAL-{run_id}.md").read_text()
    for text in (notice, posts[-1]["text"]):
        assert CHANGED in text
        assert 'fetch_filings -> NVDA (CIK 1045810, "NVIDIA CORP")' in text
        assert "deliver to: slack webhook $DESK_HOOK" in text
        assert "period " in text and f"watchdesk approve {run_id}" in text and "--show" in text
        assert "hook-secret" not in text


def test_approve_show_prints_the_stored_plan_and_changes_nothing(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    run_id, db, _out, env = waiting_run(tmp_path, webhook[0])
    shown = CliRunner(env=env).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    assert "fetch_filings -> NVDA" in shown.output and CHANGED in shown.output and "awaiting approval" in shown.output
    assert status_of(db, run_id) == "awaiting_approval"


def test_approve_at_a_terminal_shows_the_plan_and_asks(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]], monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    run_id, db, _out, env = waiting_run(tmp_path, webhook[0])
    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    unsure = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)], input="")  # end of input: no
    assert unsure.exit_code == 0, unsure.output
    assert "fetch_filings -> NVDA" in unsure.output and "stays awaiting approval" in unsure.output
    assert status_of(db, run_id) == "awaiting_approval"
    yes = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db), "--yes"], input="")  # asks nothing
    assert yes.exit_code == 0, yes.output
    assert status_of(db, run_id) == "done"



def test_approve_show_takes_no_other_answer_and_says_a_device_is_no_database() -> None:
    """A code review: `approve RUN --show --reject` exited 0 and ignored --reject, and `--show --db /dev/null` said "no
    database at /dev/null" where approve without --show says it is a device."""
    from click.testing import CliRunner

    from watchdesk.graph.cli import cli

    both = CliRunner().invoke(cli, ["approve", "x", "--show", "--reject"])
    assert both.exit_code == 2 and "--show changes nothing" in both.output
    device = CliRunner().invoke(cli, ["approve", "x", "--show", "--db", "/dev/null"])
    assert device.exit_code == 2 and "/dev/null is a device, not a database" in device.stderr
