"""A review: a run whose every source failed (no network) was `done`, exited 0 and briefed "No new documents for
NVDA ... nothing filed": a cron job read a dead week as a quiet one. Now it exits 1 and the briefing says nothing
could be read, while a run with one source answering is still a success."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.agents.briefing.coverage import unread_tickers
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

# ASML's submissions are not in the demo's recording: its filings step fails, as it would with no network.
WATCHLIST = """
name = "dead week"
[[tickers]]
symbol = "ASML"
cik = 937966
sources = ["edgar"]
[filings]
forms = ["20-F"]
since = 2026-01-01
until = 2026-09-01
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
    assert "Nothing read for ASML: one of its sources failed or was left out of this run (see Gaps)" in text
    assert "No new documents for ASML" not in text


def plan(*ids: str) -> list[dict[str, str]]:
    return [{"id": i, "agent": i.split(":")[0], "target": f"target of {i}"} for i in ids]


def gap(step_id: str, target: str | None = None) -> dict[str, str]:
    return {"agent": step_id.split(":")[0], "target": target or f"target of {step_id}"}


def test_a_ticker_is_unread_when_a_fetching_step_of_its_own_failed_or_none_ran() -> None:
    steps = plan("filings:ASML", "transcripts:ASML", "filings:NVDA", "transcripts:NVDA", "filings:TSM", "news")
    # a failed or refused step stores a gap naming its own target; a step that ran names what it missed
    gaps = [gap("filings:ASML"), gap("transcripts:ASML"), gap("filings:NVDA"), gap("filings:TSM", "10-K 0001-26-1")]
    # NVDA's filings failed though its calls were read; AMD ran no step of its own and the news step failed (an edit
    # left it out); TSM's filings step ran and missed one filing
    assert unread_tickers(steps, [*gaps, gap("news")], ["ASML", "NVDA", "TSM", "AMD"]) == ("ASML", "NVDA", "AMD")
    # the news feeds reading fine says nothing about ASML's failed filings (a new user's walkthrough, session 22: the
    # demo said "nothing filed" for ASML); a news-only ticker is read by the news step
    assert unread_tickers(steps, gaps, ["ASML", "AMD"]) == ("ASML",)
