"""A user walkthrough (walkB): `watchdesk evidence F-71882a6e --around 3` (Jeff Su passing on Charlie Chan's question
in TSMC's 2026-07-16 call) ran on into C.C. Wei's answer, "Well, let me say that. ... I'm jealousy about it.", with
nothing saying that Wei, not Su, spoke. The context now names the speaker wherever it changes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store import explore

SENTENCE = "Another one may have the U.S. government policy support."


def test_the_context_names_each_change_of_speaker(demo_folder: Path, shared_fixtures: Path) -> None:
    db = demo_folder / "demo.duckdb"
    (found,) = [r for r in explore.findings(db, ticker="TSM", kind="call") if r["sentence"] == SENTENCE]
    said = explore.evidence(db, found["finding_id"], around=3)
    assert said.speaker == "Jeff Su" and said.after_speakers[-2:] == ["C.C. Wei", "C.C. Wei"]
    assert said.after_speakers[0] == "Jeff Su" and len(said.before_speakers) == len(said.before) == 3
    printed = str(said)
    assert f">>> {SENTENCE} <<<" in printed
    assert "number one. C.C. Wei: Well, let me say that. Yes, one of my competitors" in printed
    assert "Jeff Su:" not in printed.splitlines()[2]  # Su speaks from the context's start: the head line names him
    result = CliRunner().invoke(cli, ["evidence", found["finding_id"], "--db", str(db), "--around", "3"])
    assert result.exit_code == 0 and "C.C. Wei: Well, let me say that." in result.stdout


def test_a_filings_context_names_no_one(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    first = explore.findings(db, ticker="NVDA", kind="filing", limit=1)[0]
    said = explore.evidence(db, first["finding_id"], around=2)
    assert said.speaker is None and set(said.before_speakers + said.after_speakers) <= {None}
    assert str(said).splitlines()[2].startswith(said.before[0] if said.before else ">>> ")
