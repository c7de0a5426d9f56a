"""Bug (goals4): `watchdesk plan "watch Airbus"` watched EADSY (SEC's "Airbus SE/ADR") by SEC name, and `watchdesk run
"watch Airbus" --dry-run` planned EDGAR steps for it, as if filings would come: SEC knows Airbus only by its American
depositary receipts (a depositary bank's Form F-6), and Airbus files no 10-K, 10-Q or 20-F there. Now a company whose
entry in SEC's ticker map is its depositary receipts' alone (the name ends "/ADR", 48 entries in the shipped map) is
read as a company SEC does not list is, in lower case too ("monitor airbus and boeing deliveries" watched EADSY by
the start of its name until the last commit of the session): where a company stands the plan stops, saying it files
no reports with SEC and how its calls or news can still be read (a watchlist file written by hand, with the ticker
to use); elsewhere ("Boeing for Airbus competition") its words are read as the goal's."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.names import depositary_only, shipped_index
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


@pytest.mark.parametrize("command", [["plan"], ["run", "--dry-run"]])
def test_airbus_stops_saying_it_files_no_reports(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [command[0], "Watch Airbus filings for supply chain weekly", *command[1:],
                                      "--as-of", DAY.isoformat()])
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert ("'Airbus': Airbus (EADSY, Airbus SE/ADR) files no reports with SEC (its entry there holds only its "
            "depositary receipts: no filings to watch)") in said
    assert ("Airbus files no 10-K, 10-Q or 20-F with SEC (SEC knows Airbus only by its depositary receipts, EADSY), so "
            "watchdesk has none of its filings to read") in said
    assert '[[tickers]] symbol = "EADSY" with sources = ["transcripts"]' in said
    assert "fetch_filings" not in said


@pytest.mark.parametrize("goal", ["watch EADSY", "watch $EADSY", "watch Boeing and Airbus", "watch airbus",
                                  "monitor airbus and boeing deliveries"])
def test_its_ticker_or_a_list_stops_too(goal: str) -> None:
    with pytest.raises(ConfigError) as stop:
        parse_goal(goal, as_of=DAY)
    assert "files no reports with SEC" in str(stop.value)
    if "Boeing" in goal:
        assert "Or leave it out of the goal to plan the others." in str(stop.value)


def test_airbus_named_as_context_is_read_with_the_goals_words() -> None:
    plan = parse_goal("watch Boeing for Airbus competition", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["BA"]
    assert any(d.startswith("company 'Airbus' (EADSY, Airbus SE/ADR) files no reports with SEC") and
               d.endswith("not watched, read with the goal's words") for d in plan.decisions)
    assert [c.name for c in plan.watchlist.topics.custom] == ["airbus_competition"]


def test_only_depositary_entries_are_read_so() -> None:
    index = shipped_index()
    receipts = {r.ticker for r in index.by_ticker.values() if depositary_only(r)}
    assert {"EADSY", "GLNCY", "DSCSY"} <= receipts and len(receipts) == 102
    assert not receipts & {"TSM", "ASML", "NVO", "SONY", "TM", "BABA", "SAP", "UL", "SHEL"}  # they file 20-Fs
