"""A filing-diff review: Apple's Q3 FY2025 10-Q lists no risk factors ("no material changes" since the 10-K), yet
`edgar diff` of its Q2 10-Q against it printed risk-factor similarity 0.710 / Jaccard 0.143, the cross-reference
paragraph set against Q2's three factors; in a history table or a notebook it reads as a large change. Such a
section is now not compared: no number in `edgar diff` (JSON null, "Not compared: ..."), and "—" in the briefing's
history, which says no factor was listed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.agents.briefing.changes_part import _history_lines
from watchdesk.agents.filing_changes import markdown, report
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.filing_diff import compare


def test_edgar_diff_gives_no_number(edgar_fixtures: Path) -> None:
    diff = compare(parsed(edgar_fixtures, "AAPL Q2 FY2025"), parsed(edgar_fixtures, "AAPL Q3 FY2025"))
    risk = report(diff, topics=load_topics())["sections"][0]
    assert (risk["item"], risk["similarity"], risk["jaccard"]) == ("1A", None, None)
    assert risk["note"] == "the newer filing lists no risk factors: no material changes"
    text = markdown(report(diff, topics=load_topics()), old_name="Q2", new_name="Q3")
    assert "Not compared: the newer filing lists no risk factors: no material changes." in text
    assert "0.710" not in text


def test_the_briefing_history_gives_no_number() -> None:
    row = {"ticker": "AAPL", "form": "10-Q", "new_filed_at": date(2025, 8, 1), "old_filed_at": date(2025, 5, 2),
           "item": "1A", "similarity": 0.709625, "jaccard": 0.142589, "n_old": 3, "n_new": 0,
           "note": "the newer filing lists no risk factors: no material changes"}  # fmt: skip
    (line,) = _history_lines([row])[4:]
    assert line == ("| AAPL | 10-Q | 2025-08-01 | 2025-05-02 | Risk factors | — | — | none listed: no material "
                    "changes |")  # fmt: skip
