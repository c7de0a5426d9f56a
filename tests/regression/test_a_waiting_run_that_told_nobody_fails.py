"""Bug (a compliance walkthrough): a scheduled run that stopped for approval exited 0 when every approval notice
failed (the mail server down): "delivery email pm@fund.test: failed" in cron's log, and a cron monitor saw a success
while nobody had been told that a run waits. It now exits 1, as a failed delivery does, says that nobody was told,
and the AWAITING-APPROVAL file stays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, approved_before, status_of
from tests.integration.test_delivery import free_port
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import parse_watchlist


class _Refusing:  # a mail server that turns every recipient away: an answer, so nothing is tried again
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        return "550 5.7.1 relaying denied"


def test_a_scheduled_run_whose_every_notice_failed_exits_1(tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "always"\nallowed_recipients = ["@fund.test"]')
                  + '[[delivery]]\nkind = "email"\nto = ["pm@fund.test"]\n')  # fmt: skip
    approved_before(db, parse_watchlist(wl.read_text()))
    port = free_port()
    controller = Controller(_Refusing(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = {"WATCHDESK_REPLAY": str(demo_pack()), "WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=d@fund.test"}
        result = CliRunner(env=env).invoke(cli, ["run", str(wl), "--scheduled", "--db", str(db), "--out", str(out)])
    finally:
        controller.stop()
    said = " ".join(result.output.split())
    assert "delivery email pm@fund.test: failed" in said, said
    assert result.exit_code == 1, said
    run_id = said.split("watchdesk approve ", 1)[1].split()[0]
    assert "the approval notice reached nobody" in said and status_of(db, run_id) == "awaiting_approval"
    assert (out / f"AWAITING-APPROVAL-{run_id}.md").is_file()
