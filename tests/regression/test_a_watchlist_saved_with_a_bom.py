"""Bug: a watchlist saved as "UTF-8 with BOM" (Windows Notepad's UTF-8 until 2019, and several editors' choice) was
refused with "TOML syntax error: Invalid statement (at line 1, column 1)", though every line of it is right. The byte
order mark is read past, as `watchdesk sentiment` and the transcript parsers already do."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.offline import GIVE_UP_AT_ONCE
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import load_watchlist


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_bytes('[[tickers]]\nsymbol = "NVDA"\n'.encode("utf-8-sig"))
    assert [t.symbol for t in load_watchlist(path).tickers] == ["NVDA"]
    sec = {"WATCHDESK_SEC_IDENTITY": "Test Desk desk@example.com"}  # a run needs it
    result = CliRunner().invoke(cli, ["run", str(path), "--dry-run", "--db", str(tmp_path / "w.duckdb")],
                                env={**sec, **GIVE_UP_AT_ONCE})  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "fetch_filings -> NVDA" in result.output
