"""Bug: `watchdesk changes` listed, as sentences a filing added, text its older filing held and text said again. On
Alphabet's Q2 -> Q3 2023 10-Qs (MD&A): "Growth was adversely affected by changes in foreign currency exchange rates
for the nine months ended September 30, 2023, particularly during the first six months of the year." three times (the
10-Q says it under three revenue lines), the estimated tax payment of October 16, 2023 twice, and the two halves of
"We may incur additional charges in the future as we further evaluate our real estate needs.", which Q2 says word for
word, as "sentences" of their own ("For the three and nine months" and "incur additional charges in the future ..."):
the Q3 10-Q's page break ("Table of Contents | Alphabet Inc.") cut them. On NVIDIA's FY2024 -> FY2025 10-K, "This has
created and may in the future create increased aftermarket sales of our GPUs, ..." was a "sentence added to a factor",
though FY2024's factors hold it, broken over two lines. Now a sentence said again is added once, where first said; a
sentence the older filing holds whole, read across its line and page breaks, is not added, nor a piece a page break
cut off that it holds; a sentence found only inside a longer one there still is."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import compare

GROWTH = ("Growth was adversely affected by changes in foreign currency exchange rates for the nine months ended "
          "September 30, 2023, particularly during the first six months of the year.")  # fmt: skip
TAX = ("On October 16, 2023, we made an estimated income tax payment to the IRS of $10.5 billion that will be "
       "reflected in our fourth quarter operating cash flow.")  # fmt: skip
AFTERMARKET = "This has created and may in the future create increased aftermarket sales of our GPUs"


def _mdna_added(edgar_fixtures: Path, old: str, new: str) -> list[str]:
    """Sentences added, and the new side of those rewritten (each one statement, listed once)."""
    (mdna,) = compare(parsed(edgar_fixtures, old), parsed(edgar_fixtures, new), items=("7",)).sections
    return [s.text for s in mdna.added_sentences] + [n.text for _, n in mdna.rewritten]


def test_a_sentence_said_again_is_added_once(edgar_fixtures: Path) -> None:
    added = _mdna_added(edgar_fixtures, "GOOG Q2 2023", "GOOG Q3 2023")
    assert added.count(GROWTH) == 1
    assert added.count(TAX) == 1
    # a shorter sentence of the same start is another sentence, and is added too
    assert "On October 16, 2023, we made an estimated income tax payment to the IRS of $10.5 billion." in added


def test_a_sentence_a_page_break_cut_is_no_addition(edgar_fixtures: Path) -> None:
    added = _mdna_added(edgar_fixtures, "GOOG Q2 2023", "GOOG Q3 2023")
    assert "For the three and nine months" not in added
    assert not [s for s in added if "incur additional charges in the future" in s]
    # a sentence Q2 holds only inside a longer one ("... to the six months ended June 30, 2023 and increased ...") is
    # still added: it is no sentence of Q2's
    assert ("Google Services operating income increased $6.7 billion from the nine months ended September 30, 2022 to "
            "the nine months ended September 30, 2023.") in added  # fmt: skip


def test_a_sentence_the_older_factors_hold_over_a_line_break_is_no_gain(edgar_fixtures: Path) -> None:
    diff = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025"), items=("1A",))
    gained = [s.text for c in diff.sections[0].changes for s in (*c.gained.added, *(n for _, n in c.rewritten))]
    assert not [s for s in gained if s.startswith(AFTERMARKET)]
    assert len(gained) == 109  # 110 before: that sentence alone (86 added, 23 of them rewritten: 109)
