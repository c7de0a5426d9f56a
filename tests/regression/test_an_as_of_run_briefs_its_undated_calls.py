"""A user walkthrough (walkB): `watchdesk run w.toml --as-of 2025-08-10` read an undated call from its transcripts
folder ("1 new", 19 findings) and its own briefing said "0 findings from 0 of 0 documents": an undated document was
placed by the day it was first stored, the real clock, not the run's as-of day. It is placed on the as-of day now,
and the briefing says how many documents were placed so, in words that agree in number."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.agents.briefing.headline import undated_said
from watchdesk.graph.cli import cli

WATCHLIST = """
name = "amd-calls"

[[tickers]]
symbol = "AMD"
cik = 2488
sources = ["transcripts"]
transcripts = [{ kind = "folder", path = "transcripts/AMD" }]

[topics]
watch = ["inventory"]

[policy]
approval = "never"
"""


def test_an_as_of_run_briefs_the_undated_call_it_read(tmp_path: Path, shared_fixtures: Path) -> None:
    call = (shared_fixtures / "transcripts/plaintext_2023_2025/AMD_2025_Q2.txt").read_text()
    folder = tmp_path / "transcripts/AMD"
    folder.mkdir(parents=True)
    # the call's opening and its part on inventory (a plain-text copy names no date); a part keeps the test fast
    at = call.index("Excluding the $800 million inventory write-down")
    (folder / "AMD_2025_Q2.txt").write_text(call[:at + 400])
    (tmp_path / "w.toml").write_text(WATCHLIST.replace("transcripts/AMD", str(folder)))
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--db", str(tmp_path / "d.duckdb"), "--out",
                                      str(tmp_path / "b"), "--as-of", "2025-08-10", "--yes"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "this run: 1 document," in result.output
    (md,) = (tmp_path / "b").glob("*.md")
    text = md.read_text()
    coverage = text.split("**Coverage:** ", 1)[1].split(";", 1)[0]
    assert coverage.endswith("from 1 of 1 document dated in this period") and not coverage.startswith("0 ")
    assert undated_said(1) in text


def test_documents_placed_by_their_storage_day_are_said_in_agreement() -> None:
    assert undated_said(1) == ("- 1 document had no date from its source and is placed by the day it was first "
                               "stored (in an --as-of run, its as-of day).")
    assert undated_said(14) == ("- 14 documents had no date from their source and are placed by the day they were "
                                "first stored (in an --as-of run, its as-of day).")
