"""Bug: the plan shown for approval lost its agent names ("[filings]", "[briefing]") because the
console read them as style tags; any bracketed text in a message or error vanished the same way."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_plan_shows_agent_names(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--db", str(tmp_path / "x.duckdb"), "--replay", str(demo_pack()), "--out", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "[filings] fetch_filings" in result.output and "[briefing] write_briefing" in result.output
