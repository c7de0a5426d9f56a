"""Bug: a run whose delivery failed (a mail server down, a recipient refused) ended "the briefing is written and
stored, `watchdesk brief WATCHLIST --deliver` sends it again": typed as said, with the watchlist's file for WATCHLIST,
it read ./watchdesk.duckdb rather than the run's --db, and briefed the latest period rather than the run's. Now the
hint names the file, the database and the period, and run as it is it sends the run's briefing."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import free_port, smtp  # noqa: F401 (the loopback mail server fixture)
from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.store.store import Store

MAILED = WATCHLIST.replace('approval = "never"', 'approval = "never"\nallowed_recipients = ["pm@example.com"]') + """
[[delivery]]
kind = "email"
to = ["pm@example.com"]
"""


def test_the_hint_after_a_failed_delivery_sends_the_runs_briefing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp: tuple[int, list[Any]]  # noqa: F811 (the fixture)
) -> None:
    port, received = smtp
    monkeypatch.setenv("WATCHDESK_SMTP_URL", f"smtp://127.0.0.1:{free_port()}")  # nobody listens: delivery fails
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(MAILED, encoding="utf-8")
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(db), "--out",
            str(tmp_path / "out")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_ERROR, said
    hint = re.search(r"not delivered \(email pm@example.com: failed\); the briefing is written and stored, `([^`]*)` "
                     r"sends it again", said)  # fmt: skip
    assert hint, said
    command = shlex.split(hint[1])
    assert command[:2] == ["watchdesk", "brief"] and "--deliver" in command, command
    monkeypatch.setenv("WATCHDESK_SMTP_URL", f"smtp://127.0.0.1:{port}")
    resent = CliRunner().invoke(cli, command[1:])
    assert resent.exit_code == 0, resent.output
    assert len(received) == 1 and received[0].rcpt_tos == ["pm@example.com"]
    with Store.open(db, read_only=True) as store:
        sent = store.query("SELECT period_start, period_end FROM deliveries WHERE status = 'sent'")
        failed = store.query("SELECT period_start, period_end FROM deliveries WHERE status = 'failed'")
    assert sent == failed, "the run's own period was sent"
