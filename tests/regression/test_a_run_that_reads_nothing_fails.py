"""A review: a run whose every source failed (no network) was `done`, exited 0 and briefed "No new documents for
NVDA ... nothing filed": a cron job read a dead week as a quiet one. Now it exits 1 and the briefing says nothing
could be read, while a run with one source answering is still a success."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

# ASML's submissions are not in the demo's recording: its filings step fails, as it would with no network. The window
# runs to the run's day, so the week briefed is one the failed step should have read (a window ending before it
# leaves it unread whatever the step did, and the briefing says that instead: test_nothing_filed_only_where_read).
WATCHLIST = """
name = "dead week"
[[tickers]]
symbol = "ASML"
cik = 937966
sources = ["edgar"]
[filings]
forms = ["20-F"]
since = 2026-01-01
[policy]
approval = "never"
"""


def test_every_source_failing_exits_1_and_the_briefing_says_unknown(tmp_path: Path) -> None:
    wl = tmp_path / "dead.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(tmp_path / "d.duckdb"), "--out",
            str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "every source of this run failed" in result.stderr
    (md,) = (tmp_path / "out").glob("*.md")
    text = " ".join(md.read_text().split())
    assert "Nothing read for ASML: its filings could not be listed (see Gaps)" in text
    assert "No new documents for ASML" not in text
