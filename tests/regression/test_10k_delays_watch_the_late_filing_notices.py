"""Bug (goals6's review): `watchdesk plan "track SMCI for 10-K delays"` planned forms = ["10-K"] and a custom topic
'delays' (every delay a 10-K mentions): a 10-K that is late is not in the listing, so the plan would watch nothing
until the filing came, and the notice that says it is late (an NT 10-K, SEC's Form 12b-25) and the 8-Ks about it (an
auditor resigning, the exchange's notice) were never fetched. Now "10-K delays", "late 10-K", "delayed 10-Q", "late
filings", "NT 10-K" are read as late filings: the notices of late filing (NT 10-K, NT 10-Q as named), the filing
itself and 8-Ks, and a custom topic whose phrases are those such filings use ("Form 12b-25", "unable to file", ...),
said in one decision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.edgar_parse import parse_submissions, select_filings

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "forms"), [
    ("track SMCI for 10-K delays", ("NT 10-K", "10-K", "8-K")),
    ("Watch SMCI for a late 10-K", ("NT 10-K", "10-K", "8-K")),
    ("watch smci for delayed 10-Q filings", ("NT 10-Q", "10-Q", "8-K")),
    ("Watch SMCI for late filings", ("NT 10-K", "NT 10-Q", "10-K", "10-Q", "8-K")),
    ("Watch SMCI NT 10-K filings", ("NT 10-K", "10-K", "8-K")),
])  # fmt: skip
def test_a_delay_of_a_filing_watches_its_late_filing_notices(goal: str, forms: tuple[str, ...]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["SMCI"]
    assert plan.watchlist.filings.forms == forms, plan.decisions
    assert [c.name for c in plan.watchlist.topics.custom] == ["late_filing"], plan.decisions
    assert "Form 12b-25" in plan.watchlist.topics.custom[0].phrases
    assert not plan.not_understood, plan.not_understood
    assert any(d.startswith("filing forms: " + ", ".join(forms) + " (late filings, from ") for d in plan.decisions), (
        plan.decisions)


def test_other_delays_are_still_a_topic() -> None:
    """A delay of something else is what it was: the shipped topic or the phrase."""
    plan = parse_goal("Watch SMCI 10-K filings for shipping delays", as_of=DAY)
    assert plan.watchlist.filings.forms == ("10-K",)
    assert plan.watchlist.topics.watch == ("supply_chain",)


def test_the_goals_dry_run_plans_the_notices(tmp_path: Path) -> None:
    args = ["run", "track SMCI for 10-K delays", "--dry-run", "--db", str(tmp_path / "w.duckdb"),
            "--out", str(tmp_path / "o")]  # fmt: skip
    result = CliRunner().invoke(cli, args, env={"WATCHDESK_SEC_IDENTITY": "Desk desk@example.com"})
    assert result.exit_code == 0, result.output
    assert "filing forms: NT 10-K, 10-K, 8-K (late filings" in " ".join(result.output.split())


def test_the_planned_forms_pick_a_real_notice_of_late_filing(edgar_fixtures: Path) -> None:
    """Tesla's older filings page (SEC's submissions JSON) lists its NT 10-K of 2013-03-04 beside the 10-K after it:
    the forms the goal plans select both, as a run's listing does."""
    page = edgar_fixtures / "submissions" / "CIK0001318605-submissions-001_TESLA_page.json"
    filings = parse_submissions(page.read_bytes(), cik=1318605).filings
    forms = parse_goal("track TSLA for 10-K delays", as_of=DAY).watchlist.filings.forms
    picked = select_filings(filings, forms=forms, since=date(2013, 2, 1), until=date(2013, 3, 31))
    assert [(f.form, f.filing_date.isoformat()) for f in picked if f.form != "8-K"] == [
        ("10-K", "2013-03-07"), ("NT 10-K", "2013-03-04")]
