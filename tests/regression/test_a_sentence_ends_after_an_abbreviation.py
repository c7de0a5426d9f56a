"""Bug: since the filing comparison's splitter kept abbreviations inside their sentence (b207349), two real sentences
read as one where the first ends in an abbreviation that can also end a sentence, or in "R&D." or "OI&E." (whose last
letter was taken for a lone initial): Apple's FY2024 10-K "... outside the U.S. As a result, ..." and "... significant
investments in R&D. There can be no assurance ...", Alphabet's 10-Q "... into the U.S. Because the U.S. is ..." and
"... component of OI&E. See Note 6 ...". A letter after "&" or "/" is no initial now, and after "U.S.", "Inc.", "Co.",
"Ltd.", "etc." and the like a word that starts sentences ("As", "Because", "The") starts one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.sentence_diff import sentences

ENDS = {
    "AAPL FY2024": [
        "are located outside the U.S.",
        "As a result, the Company’s operations and performance depend significantly",
        "the Company must make significant investments in R&D.",
        "There can be no assurance these investments will achieve expected returns",
        "and in various places outside the U.S.",
        "The Company believes its existing facilities and equipment",
    ],
    "GOOG Q2 2023": [
        "a prohibition on importing infringing products into the U.S.",
        "Because the U.S. is an important market, a prohibition on importation could",
        "is included within the \"other\" component of OI&E.",
        "See Note 6 for further details on OI&E.",
    ],
}


def starting_or_ending(texts: list[str], part: str) -> bool:
    return any(t.endswith(part) or t.startswith(part) for t in texts)


@pytest.mark.parametrize("name", list(ENDS))
def test_a_sentence_ends_after_an_abbreviation_or_r_and_d(edgar_fixtures: Path, name: str) -> None:
    texts = [s.text for s in sentences(parsed(edgar_fixtures, name).text)]
    assert [part for part in ENDS[name] if not starting_or_ending(texts, part)] == []


def test_r_and_d_ends_a_sentence() -> None:
    text = ("As a result, the Company must make significant investments in R&D. There can be no assurance these "
            "investments will achieve expected returns.")
    assert [s.text for s in sentences(text)] == [
        "As a result, the Company must make significant investments in R&D.",
        "There can be no assurance these investments will achieve expected returns.",
    ]
