"""Risk factors as units, on the real consecutive filings in ../shared/fixtures (MANIFEST "Consecutive filings").

Counts were made by reading each filing: the NVIDIA 10-Ks list their factors in a "Risk Factors Summary"
(24 bullets in FY2024, 23 in FY2025, one per factor); the Tesla 10-Ks set 40 headings in bold italic each
year under four groups; Apple's Q2 FY2025 10-Q adds three factors (business interruptions and tariffs,
quarterly fluctuation, stakeholder expectations) and its Q3 refers back ("no material changes"); Alphabet's
10-Qs only refer to the annual report; NVIDIA's Q2 FY2026 10-Q lists the two factors it updated (acquisitions;
complex laws and export controls) and says the others did not change materially.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from watchdesk.sources.filing_parse import ParsedFiling, parse_filing
from watchdesk.sources.html_emphasis import emphasis_map
from watchdesk.sources.risk_factors import LISTS_CHANGES_ONLY

FILES = {
    "NVDA FY2024": "NVDA_10-K_FY2024_filed-2024-02-21.html",
    "NVDA FY2025": "NVDA_10-K_FY2025_filed-2025-02-26.html",
    "TSLA FY2023": "TSLA_10-K_FY2023_filed-2024-01-29.html",
    "TSLA FY2024": "TSLA_10-K_FY2024_filed-2025-01-30.html",
    "GOOG Q2 2023": "GOOG_10-Q_Q2-2023_0001652044-23-000070.html",
    "GOOG Q3 2023": "GOOG_10-Q_Q3-2023_0001652044-23-000094.html",
    "AAPL Q2 FY2025": "AAPL_10-Q_Q2FY2025_aapl-20250329.htm",
    "AAPL Q3 FY2025": "AAPL_10-Q_Q3FY2025_filed-2025-08-01.html",
    "NVDA Q2 FY2026": "NVDA_10-Q_Q2FY2026_filed-2025-08-27.html",
    "AAPL FY2024": "AAPL_10-K_FY2024_filed-2024-11-01.html",
    "Plymouth Rock 20-F": "PlymouthRock_20-F_0001062993-21-003193.html",
}
COUNTS = {
    "NVDA FY2024": 24,
    "NVDA FY2025": 23,
    "TSLA FY2023": 40,
    "TSLA FY2024": 40,
    "GOOG Q2 2023": 0,
    "GOOG Q3 2023": 0,
    "AAPL Q2 FY2025": 3,
    "AAPL Q3 FY2025": 0,
    "NVDA Q2 FY2026": 2,  # "Other than the risk factors listed below, there have been no material changes"
    "AAPL FY2024": 28,  # bold italic headings under five groups (Macroeconomic and Industry Risks ... General Risks)
    # Item 3.D: 40 italic headings, some without a period ("Competition", "Litigation", "Financing Risks and
    # Dilution to Shareholders"), under bold groups; one bold italic sentence with no body of its own (officers'
    # outside activities) is not a factor.
    "Plymouth Rock 20-F": 40,
}


@cache
def parsed(folder: Path, name: str) -> ParsedFiling:
    return parse_filing((folder / "filings" / FILES[name]).read_bytes())


@pytest.mark.parametrize("name", list(FILES))
def test_risk_factor_count_matches_reading(edgar_fixtures: Path, name: str) -> None:
    risk = parsed(edgar_fixtures, name).risk
    assert risk is not None
    assert len(risk.factors) == COUNTS[name]


def test_headings_bodies_and_groups_nvidia(edgar_fixtures: Path) -> None:
    risk = parsed(edgar_fixtures, "NVDA FY2025").risk
    assert risk is not None
    first = risk.factors[0]
    assert first.group == "Risks Related to Our Industry and Markets"
    assert first.heading.startswith("Failure to meet the evolving needs of our industry and markets")
    assert first.body.startswith("Our accelerated computing platforms experience rapid changes")
    groups = list(dict.fromkeys(f.group for f in risk.factors))
    assert groups == [
        "Risks Related to Our Industry and Markets",
        "Risks Related to Demand, Supply, and Manufacturing",
        "Risks Related to Our Global Operating Business",
        "Risks Related to Regulatory, Legal, Our Stock and Other Matters",
    ]


def test_headings_without_a_period_when_groups_are_set_apart(edgar_fixtures: Path) -> None:
    risk = parsed(edgar_fixtures, "Plymouth Rock 20-F").risk
    assert risk is not None and risk.item == "3.D"
    by_heading = {f.heading: f.group for f in risk.factors}
    assert by_heading["Competition"] == "Risks Associated with Our Business"
    assert by_heading["Financing Risks and Dilution to Shareholders"] == "Risks Associated with Our Business"
    assert list(dict.fromkeys(by_heading.values())) == [
        "Risks Associated with Our Business",
        "Risks Relating to the Common Shares",
        "Risks Relating to Management",
    ]


def test_offsets_point_into_the_clean_text(edgar_fixtures: Path) -> None:
    filing = parsed(edgar_fixtures, "TSLA FY2024")
    assert filing.risk is not None
    for f in filing.risk.factors:
        assert filing.text[f.start : f.heading_end] == f.heading
        assert f.body.split("\n")[0] in filing.text[f.heading_end : f.end]


def test_quarterly_reports_that_refer_back_have_none_and_say_so(edgar_fixtures: Path) -> None:
    apple = parsed(edgar_fixtures, "AAPL Q3 FY2025").risk
    google = parsed(edgar_fixtures, "GOOG Q2 2023").risk
    assert apple is not None and apple.note == "no material changes"
    assert google is not None and google.note == "refers to the risk factors of an earlier report"


def test_a_quarterly_report_listing_only_changed_factors_says_so(edgar_fixtures: Path) -> None:
    risk = parsed(edgar_fixtures, "NVDA Q2 FY2026").risk
    assert risk is not None and risk.note == LISTS_CHANGES_ONLY
    assert [f.heading[:40] for f in risk.factors] == [
        "We may not be able to realize the potent",
        "We are subject to complex laws, rules, r",
    ]


def test_emphasis_map_finds_bold_italic_headings(edgar_fixtures: Path) -> None:
    data = (edgar_fixtures / "filings" / FILES["AAPL Q2 FY2025"]).read_bytes()
    found = emphasis_map(data)
    heading = "The Company expects its quarterly net sales and results of operations to fluctuate."
    assert found[heading].lead == len(heading)
    assert found[heading].style == (True, True, False)


def test_inline_lead_sentence_is_a_heading() -> None:
    html = (
        b"<html><body><div>Item 1A. Risk Factors</div><div><b>Risks Related to Supply</b></div>"
        b"<p><b>We depend on a few suppliers.</b> A long body that explains the dependency in detail.</p>"
        b"<p><i>Our stock price may be volatile</i>.</p><p>Prices moved a great deal in the past and may again.</p>"
        b"<div>Item 1B. Unresolved Staff Comments</div><p>None.</p></body></html>"
    )
    risk = parse_filing(html, form="10-K").risk
    assert risk is not None
    assert [(f.group, f.heading) for f in risk.factors] == [
        ("Risks Related to Supply", "We depend on a few suppliers."),
        ("Risks Related to Supply", "Our stock price may be volatile."),
    ]
    assert risk.factors[0].body == "A long body that explains the dependency in detail."


def test_bold_leads_inside_bodies_are_not_headings_when_headings_stand_alone() -> None:
    body = b"<p>Several sentences of explanation, long enough to be a paragraph of body text here.</p>"
    html = (
        b"<html><body><div>Item 1A. Risk Factors</div>"
        b"<p><b>We face trade restrictions.</b></p>" + body + b"<p><b>Tariffs and export rules.</b> New duties on "
        b"chips could raise our costs.</p><p><b>Our suppliers may fail us.</b></p>" + body + b"<p><b>Demand may "
        b"fall.</b></p>" + body + b"<div>Item 1B. Unresolved Staff Comments</div><p>None.</p></body></html>"
    )
    risk = parse_filing(html, form="10-K").risk
    assert risk is not None
    assert [f.heading for f in risk.factors] == [
        "We face trade restrictions.",
        "Our suppliers may fail us.",
        "Demand may fall.",
    ]
    assert "Tariffs and export rules. New duties" in risk.factors[0].body


def test_headings_styled_by_css_classes() -> None:
    html = (
        b"<html><head><style>.rh { font-weight: bold } p.rb { font-style: italic }</style></head><body>"
        b"<div>Item 1A. Risk Factors</div><p class='x rh'>Demand for our products may fall.</p>"
        b"<p>A body paragraph that explains why demand may fall, at some length.</p>"
        b"<p class='rh' style='font-weight: normal'>Not a heading, inline style wins.</p><p>More body text.</p>"
        b"<div>Item 1B. Unresolved Staff Comments</div><p>None.</p></body></html>"
    )
    risk = parse_filing(html, form="10-K").risk
    assert risk is not None
    assert [f.heading for f in risk.factors] == ["Demand for our products may fall."]
