"""Bug: a CANNOT-RUN notice of a watchlist named "ASML - calls, filings" was `CANNOT-RUN-ASML---calls-filings.md`:
each character but letters, digits, dot, dash and underscore became a dash of its own beside the dash kept, so a
space-dash-space made three. It is now named by the slug its briefings' files take (`briefing-asml-calls-filings-...`):
one dash for any run of other characters. A real replayed scheduled run through the CLI, stopped by an unknown
ticker."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, run_args
from watchdesk.agents.briefing.agent import slug
from watchdesk.graph.cli import cli

NAMED = WATCHLIST.replace('name = "nvda 10-q"', 'name = "ASML - calls, filings"')


def test_a_cannot_run_notice_has_one_dash_between_words(tmp_path: Path) -> None:
    unknown = NAMED.replace('symbol = "NVDA"', 'symbol = "NVDAX"')
    result = CliRunner().invoke(cli, [*run_args(tmp_path, text=unknown), "--scheduled"])
    assert result.exit_code == 2, result.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["CANNOT-RUN-asml-calls-filings.md"]
    assert slug("ASML - calls, filings") == "asml-calls-filings"  # as its briefings: briefing-asml-calls-filings-...
