"""A review of 061fd36: `watchdesk findings` lists a sentence said again in its document once, with the citations of
its other places in said_again, "which `watchdesk evidence` shows"; but evidence on such a citation (NVIDIA's FY2025
10-K says its export-control sentence in Items 1, 1A and 7) printed the copy as any finding, with no word that it is
not counted or where it is. Now evidence on a later place says it is counted under its first and names that
citation, and on the first place names the citations of the later ones."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store import explore

REPEATED = "Given the increasing strategic importance of AI and rising geopolitical tensions, the USG has changed"


def test_evidence_on_a_copy_names_the_citation_it_is_counted_under(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    day = ["--since", "2025-02-26", "--until", "2025-02-26"]
    listed = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "NVDA", "--topic", "geopolitical",
                                      *day, "--format", "jsonl"])  # fmt: skip
    (first,) = [r for r in map(json.loads, listed.stdout.splitlines()) if r["sentence"].startswith(REPEATED)]
    in_1a, in_7 = first["said_again"]
    result = CliRunner().invoke(cli, ["evidence", "--db", str(db), in_1a, in_7, first["citation"], "--around", "0"])
    assert result.exit_code == 0, result.output
    copy_1a, copy_7, counted = result.stdout.split("\n\n")
    said = f"Said again in its document: a briefing counts it once, under its first place [{first['citation']}] (1 "
    assert copy_1a.startswith(f"[{in_1a}] NVDA 10-K, 2025-02-26, 1A Risk Factors") and said in copy_1a
    assert copy_7.startswith(f"[{in_7}] NVDA 10-K, 2025-02-26, 7 Management") and said in copy_7
    assert "not counted here." in copy_7
    assert (f"Said again in its document, at [{in_1a}] (1A Risk Factors), [{in_7}] (7 Management's Discussion"
            in counted)  # fmt: skip
    assert counted.rstrip().endswith("a briefing counts it once, here, where it is first said.")
    # the notebook's evidence says the same in its fields
    e = explore.evidence(db, in_7)
    assert (e.counted_under, e.said_again) == (first["citation"], [])
    assert explore.evidence(db, first["finding_id"]).said_again == [in_1a, in_7]


def test_evidence_on_a_sentence_said_once_says_nothing_of_copies(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    listed = explore.findings(db, ticker="NVDA", topic="inventory", limit=20)
    once = next(r for r in listed if not r["said_again"])
    e = explore.evidence(db, once["citation"])
    assert (e.counted_under, e.said_again) == (None, []) and "Said again" not in str(e)
