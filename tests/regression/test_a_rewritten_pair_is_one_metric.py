"""Bug: Alphabet's Q2 2023 10-Q sentence "The decrease in cost-per-impression from the three months ended June 30, 2022
..." was listed as rewritten into Q3's "Cost-per-click decreased from the nine months ended September 30, 2022 ...",
another metric, while Q3's "The increase in cost-per-impression from the three months ended September 30, 2022 ..."
(the same statement, its direction turned with the figures) was listed as a sentence added. A direction now goes with
the figures ("increase" and "decrease", "higher" and "lower" read as one word), and two sentences naming sibling
metrics one in place of the other ("cost-per-impression", "cost-per-click") are two statements."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import compare
from watchdesk.sources.sentence_diff import Sentence
from watchdesk.sources.sentence_pairs import rewritten

CPI_Q2 = "The decrease in cost-per-impression from the three months ended June 30, 2022 to the three months ended"
CPI_Q3 = "The increase in cost-per-impression from the three months ended September 30, 2022 to the three months ended"
CPC_Q3 = "Cost-per-click decreased from the nine months ended September 30, 2022 to the nine months ended September 30"


def test_a_metric_is_rewritten_as_itself_not_as_its_sibling(edgar_fixtures: Path) -> None:
    _, mdna = compare(parsed(edgar_fixtures, "GOOG Q2 2023"), parsed(edgar_fixtures, "GOOG Q3 2023")).sections
    on_cost = [(o.text, n.text) for o, n in mdna.rewritten if "cost-per" in o.text + n.text]
    assert [(o[: len(CPI_Q2)], n[: len(CPI_Q3)]) for o, n in on_cost] == [(CPI_Q2, CPI_Q3)]
    added = [s.text for s in mdna.added_sentences]
    assert not [s for s in added if s.startswith(CPI_Q3)]  # once, as rewritten
    assert [s for s in added if s.startswith(CPC_Q3)]  # a sentence of its own


def test_sibling_metrics_are_two_statements(edgar_fixtures: Path) -> None:
    _, mdna = compare(parsed(edgar_fixtures, "GOOG Q2 2023"), parsed(edgar_fixtures, "GOOG Q3 2023")).sections
    old = next(s for s in mdna.rewritten if s[0].text.startswith(CPI_Q2))[0]
    new = next(s for s in mdna.added_sentences if s.text.startswith(CPC_Q3))
    pairs, left_old, left_new = rewritten([old], [new])  # alone, their words are alike enough (Jaccard 0.74)
    assert pairs == [] and left_old == [old] and left_new == [new]


def test_a_direction_turned_with_the_figures_is_the_same_statement() -> None:
    def said(text: str) -> list[Sentence]:
        return [Sentence(0, len(text), text)]

    # NVIDIA's FY2024 and FY2025 10-K (their gross-margin sentences), and Tesla's R&D driver: now pairs
    old = "The overall increase was primarily driven by additional costs in the current year related to the " \
          "pre-production phase for Cybertruck, AI and other programs."  # fmt: skip
    new = "The overall increases were primarily driven by additional costs year over year related to AI programs."
    assert [(o.text, n.text) for o, n in rewritten(said(old), said(new))[0]] == [(old, new)]
    # a definition is no statement of what drove a change, though the words are alike (NVIDIA FY2024 -> FY2025)
    define = "Interest income consists of interest earned on cash, cash equivalents and marketable securities."
    driver = "The increase in interest income was primarily due to growth in cash, cash equivalents, and marketable " \
             "securities."  # fmt: skip
    assert rewritten(said(define), said(driver))[0] == []
