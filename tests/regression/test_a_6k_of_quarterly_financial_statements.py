"""TSMC's quarterly financial statements 6-K (tsm-fsx20260814x6k.htm, 4.9 MB, filed 2026-08-14 on the quarter to
2026-06-30: 45 days after it, as Taiwan's rules have them) was classed "other", with the notices, in `watchdesk edgar
list` and a run's 6-K kinds: the listing row's shape knew only the results package, filed within six weeks. A large
6-K filed six to nine weeks after the quarter end it reports on is now the quarter's financial statements, and a
description naming financial statements says so too. Tests on TSMC's real recorded listing."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from watchdesk.sources.edgar_parse import parse_submissions
from watchdesk.sources.six_k import classify_6k

LISTING = "submissions/CIK0001046179_TSMC_first200.json"
STATEMENTS = {"0001046179-26-000541": "tsm-fsx20260814x6k.htm", "0001046179-26-000278": "tsm-fsx20260515x6k.htm"}


def kinds(edgar_fixtures: Path) -> dict[str, str]:
    subs = parse_submissions((edgar_fixtures / LISTING).read_bytes())
    return {f.accession: classify_6k(description=f.description, filename=f.primary_document, size=f.size,
                                     report_date=f.report_date, filing_date=f.filing_date).kind
            for f in subs.filings if f.form == "6-K"}  # fmt: skip


def test_tsmcs_quarterly_financial_statements_are_classed_so(edgar_fixtures: Path) -> None:
    found = kinds(edgar_fixtures)
    assert {a for a, k in found.items() if k == "financial_statements"} == set(STATEMENTS)
    # the results packages (filed 16 days after their quarter) and the small notices keep their kinds
    assert Counter(found.values()) == {"other": 17, "monthly_revenue": 5, "earnings_release": 2,
                                       "financial_statements": 2}


def test_a_description_naming_financial_statements_says_so() -> None:
    found = classify_6k(exhibits=["EX-99.1 Consolidated Financial Statements for the Six Months Ended June 30, 2026"])
    assert (found.kind, found.label) == ("financial_statements", "quarterly financial statements")
    # results and management reports keep their kinds when they also name statements
    assert classify_6k(exhibits=["Press release: Q2 2026 financial results and financial statements"]).kind == (
        "earnings_release")
