"""A walkthrough (session 27): a run approved with `--edit` keeping the fetch and the briefing but not the flagging
stored NVIDIA's 10-Q unflagged, and the briefing said "NVDA: 1 new document, no mentions of the watched topics."
(flagged later, such a 10-Q holds dozens). A stored document not yet flagged is now said as such."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_approval import WATCHLIST, settings
from watchdesk.graph import runner
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store


def test_a_document_stored_but_not_flagged_is_said_so(tmp_path: Path) -> None:
    s = settings(tmp_path)
    edit = {"decision": "edit", "keep": ["1", "3"]}  # the fetch and the briefing: flagging left out
    outcome = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: edit)
    assert outcome.status == "done"
    with Store.open(s.db_path, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents")[0][0] == 1
        assert store.query("SELECT count(*) FROM doc_flags")[0][0] == 0
    text = _brief(s.db_path, tmp_path / "b", week="2025-W35")
    assert "NVDA: 1 new document, no mentions" not in text
    assert ("NVDA: 1 document stored but not yet flagged (the run that stored it left flagging out), so its mentions "
            "are not in this briefing; the next run flags it.") in text


def _brief(db: Path, out: Path, *, week: str) -> str:
    from click.testing import CliRunner

    from watchdesk.graph.cli import cli

    done = CliRunner().invoke(cli, ["brief", "--db", str(db), "--week", week, "--out", str(out)])
    assert done.exit_code == 0, done.output
    return next(out.glob("*.md")).read_text(encoding="utf-8")
