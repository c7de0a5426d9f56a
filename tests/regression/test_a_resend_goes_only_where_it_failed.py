"""Bug (a user walkthrough): after a run whose Slack message failed while its e-mail went, the command it printed,
"`watchdesk brief ... --deliver` sends it again", e-mailed the PM the same briefing a second time; and a target the
policy refused got the same hint, though sending again cannot help. The command printed now ends `--deliver
--undelivered`, which sends only to the targets the briefing has not reached (the e-mail is skipped, Slack is sent),
and a refusal alone gets no such hint."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.integration.test_delivery import loopback_smtp, watchlist, written
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli_outcome import exit_on_failure
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.runner import RunOutcome
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

BOTH = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'


def delivered_once(tmp_path: Path, wl: Watchlist, env: dict[str, str]) -> Path:
    """A finished run `r1` of `wl` whose briefing was delivered once; its database."""
    from datetime import UTC, datetime

    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id="r1", watchlist=wl.name, watchlist_hash=wl.fingerprint(), mode="replay",
                                 watchlist_json=wl.redacted().model_dump_json(), status="done",
                                 started_at=datetime.now(UTC), out_dir=str(tmp_path / "out")))  # fmt: skip
        settings = Settings(env=env, smtp_url=env.get("WATCHDESK_SMTP_URL"))
        deliver_briefing(written(store, tmp_path), watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
    return db


def said_after(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exited:
        exit_on_failure(RunOutcome(run_id="r1", status="done"), Settings(db_path=db))
    assert exited.value.code == 1
    return " ".join(capsys.readouterr().err.split())


def test_the_resend_command_skips_the_targets_that_got_it(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]], capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    port, posts, statuses = webhook
    statuses += [500, 500, 500]  # Slack fails its three attempts; the e-mail goes
    with loopback_smtp() as (smtp_port, received):
        env = {"HOOK": f"http://127.0.0.1:{port}/services/x",
               "WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{smtp_port}?from=desk@example.com"}  # fmt: skip
        db = delivered_once(tmp_path, watchlist(BOTH), env)
        said = said_after(db, capsys)
        assert "not delivered (slack webhook $HOOK: failed)" in said, said
        command = said.split("`watchdesk ", 1)[1].split("`", 1)[0]
        assert command.endswith("--deliver --undelivered"), said
        again = CliRunner(env=env).invoke(cli_module.cli, shlex.split(command))
    assert again.exit_code == 0, again.output
    assert len(received) == 1, "the PM was e-mailed the same briefing a second time"
    assert len(posts) == 4 and "delivery email pm@example.com: skipped" in again.output


def test_a_refusal_alone_gets_no_resend_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = delivered_once(tmp_path, watchlist('[[delivery]]\nkind = "email"\nto = ["x@evil.example"]\n'), {})
    said = said_after(db, capsys)
    assert "email x@evil.example: refused (not in the policy's allowed_recipients)" in said, said
    # the command is given only as what follows allowing the target in the policy: as it stands, it would be refused
    assert "sends it again" not in said and said.index("allow it there") < said.index("--deliver"), said
