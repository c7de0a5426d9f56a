"""Bug: a sentence added to or removed from a filing was listed without where it stands, and a sentence moved between
risk factors and MD&A stored no destination: `watchdesk changes` listed "Demand for our Hopper architecture drove our
significant growth for the full year." as "sentence added" to NVIDIA's FY2025 MD&A with no subheading, a sentence a
factor gained without the factor, and "sentence moved to MD&A" was read from the row's own section (the destination
only implied). Now each row stores the heading its text sits under in the filing it is quoted from (under_heading: a
factor's heading, or the MD&A subheading above it), and a moved row the section it went to and its heading there
(moved_to, moved_to_heading; migration 025): `changes` shows "under", says "sentence moved from risk factors to
MD&A", and the briefing and `edgar diff` name both places."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import duckdb
from click.testing import CliRunner

from tests.unit.test_risk_factors import FILES
from watchdesk.agents.briefing.changes_part import _paired_line
from watchdesk.graph.cli import cli
from watchdesk.store import explore
from watchdesk.store.changes import period_changes
from watchdesk.store.db import apply_step, migrate, migrations
from watchdesk.store.store import Store

SUPPLY = ("We continue to increase our supply and capacity purchases with existing and new suppliers to support our "
          "demand projections and increasing complexity of our data center products.")  # fmt: skip
HOPPER = "Demand for our Hopper architecture drove our significant growth for the full year."
NETWORKING = ("We believe our global supply chain for our networking products has not experienced any significant "
              "impact.")  # fmt: skip
DISRUPTIONS = "Business disruptions could harm our operations, lead to a decline in revenue and increase our costs."
LEAD_TIMES = "Long manufacturing lead times and uncertain supply and component availability, combined with a failure"


def test_changes_say_the_heading_a_sentence_sits_under(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = explore.changes(db, ticker="NVDA")
    (hopper,) = [r for r in rows if r["text"] == HOPPER]
    assert (hopper["change"], hopper["under"]) == ("sentence added", "Demand and Supply")
    factor = [r for r in rows if r["change"] == "sentence added to a factor"]
    assert factor and all(r["under"] and r["under"] != r["text"] for r in factor)  # the factor's heading
    assert all(r["under"] is None for r in rows if r["change"].endswith("risk factor"))  # a factor is its heading
    moved = {r["text"]: r for r in rows if r["change"].startswith("sentence moved")}
    assert moved[NETWORKING]["change"] == "sentence moved from risk factors to MD&A"
    assert moved[NETWORKING]["under"] == DISRUPTIONS
    (back,) = [r for t, r in moved.items() if t != NETWORKING]
    assert back["change"] == "sentence moved from MD&A to risk factors"
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT item, moved_to, moved_to_heading FROM filing_changes WHERE kind = 'moved' "
                             "ORDER BY item").fetchall()  # fmt: skip
    assert [(i, to) for i, to, _ in stored] == [("1A", "7"), ("7", "1A")]
    assert stored[0][2] == "Israel and Regional Conflicts" and stored[1][2].startswith(LEAD_TIMES)
    table = CliRunner().invoke(cli, ["changes", "--db", str(db), "--ticker", "NVDA", "--format", "table"]).stdout
    assert re.search(r"  sentence added(?:  [^\n]+)?\n    under: Demand and Supply\n", table)  # a line of its own


def test_the_briefing_and_edgar_diff_say_where(demo_folder: Path, edgar_fixtures: Path) -> None:
    db = demo_folder / "demo.duckdb"
    out = demo_folder / "where"
    briefed = CliRunner().invoke(cli, ["brief", "--db", str(db), "--since", "2025-02-20", "--until", "2025-03-01",
                                       "--format", "md", "--out", str(out)])  # fmt: skip
    assert briefed.exit_code == 0, briefed.output
    (page,) = out.glob("*.md")
    assert f"“{SUPPLY}” (under “Demand and Supply”) [10-K filed 2025-02-26]" in page.read_text()
    with Store.open(db, read_only=True) as store:  # past the five the part shows: the line it would show
        rows = period_changes(store, tickers=["NVDA"], start=date(2025, 2, 20), end=date(2025, 3, 1))
    (moved,) = [_paired_line(r) for r in rows if r["kind"] == "moved" and r["item"] == "1A"]
    assert moved.startswith(f"- moved from risk factors (under “{DISRUPTIONS}”) to MD&A (under “Israel and Regional "
                            f"Conflicts”): “{NETWORKING}”")  # fmt: skip
    old, new = (str(edgar_fixtures / "filings" / FILES[name]) for name in ("NVDA FY2024", "NVDA FY2025"))
    data = json.loads(CliRunner().invoke(cli, ["edgar", "diff", old, new]).stdout)
    risk, mdna = data["sections"]
    assert {"heading": "demand", "text": HOPPER, "in_sentence": None, "under": "Demand and Supply"} in mdna["added"]
    (moved,) = [m for c in risk["changed"] for m in c["moved_sentences"]]
    assert (moved["to"], moved["to_heading"]) == ("7", "Israel and Regional Conflicts")


def test_a_store_of_before_learns_where_its_moved_sentences_went(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
        for version, name, step in migrations():
            if version < 25:
                apply_step(con, step)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
        for item in ("1A", "7"):
            con.execute("INSERT INTO filing_changes (old_doc_id, new_doc_id, item, seq, kind, created_at) "
                        "VALUES ('a', 'b', ?, 0, 'moved', now())", [item])  # fmt: skip
        con.execute("INSERT INTO filing_changes (old_doc_id, new_doc_id, item, seq, kind, created_at) "
                    "VALUES ('a', 'b', '7', 1, 'added', now())")  # fmt: skip
        assert 25 in migrate(con)
        got = con.execute("SELECT item, kind, moved_to, under_heading FROM filing_changes ORDER BY item, seq")
        rows = got.fetchall()
    assert rows == [("1A", "moved", "7", None), ("7", "moved", "1A", None), ("7", "added", None, None)]
