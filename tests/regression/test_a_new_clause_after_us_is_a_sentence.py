"""Bug: the filing comparison's splitter ended a sentence after "U.S." only before a function word ("The", "As",
"Because"), so Apple's Q2 FY2025 10-Q "... sourcing from partners and facilities located in the U.S. Restrictions on
international trade, such as tariffs ..." read as one sentence, and `edgar diff` against the FY2024 10-K quoted both
as one sentence the political-events factor gained, though the 10-K already held the second one. A capitalised word
after such an abbreviation now starts a sentence when lower-case words follow it and the filing writes the pair only
once; a name goes on in title case ("the U.S. Department of the Treasury") or comes again ("U.S. Tariffs", "U.S.
Holder", "U.S. Treasury yield ... U.S. Treasury notes")."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import compare
from watchdesk.sources.sentence_diff import sentences

LOCATED = "in addition to sourcing from partners and facilities located in the U.S."
RESTRICTIONS = "Restrictions on international trade, such as tariffs and other controls on imports or exports of goods"
POLITICAL = "The Company’s business can be impacted by political events"
NAMES = {  # a name after "U.S." stays inside its sentence
    "AAPL Q2 FY2025": [
        "delays to the U.S. Tariffs have been announced",
        "issued by the U.S. Department of the Treasury",
    ],
    "Plymouth Rock 20-F": [
        "a U.S. Holder will generally recognize",
        "provide U.S. Holders with the information",
        "the U.S. Government's Department of Defense",
    ],
    "TSLA FY2024": ["based on the U.S. Treasury yield for zero-coupon U.S. Treasury notes"],
}


def texts_of(edgar_fixtures: Path, name: str) -> list[str]:
    return [s.text for s in sentences(parsed(edgar_fixtures, name).text)]


def test_a_new_clause_after_us_starts_a_sentence(edgar_fixtures: Path) -> None:
    texts = texts_of(edgar_fixtures, "AAPL Q2 FY2025")
    assert any(t.endswith(LOCATED) for t in texts)
    assert any(t.startswith(RESTRICTIONS) for t in texts)


def test_a_name_after_us_stays_in_its_sentence(edgar_fixtures: Path) -> None:
    missing = [part for name, parts in NAMES.items() for part in parts
               if not any(part in t for t in texts_of(edgar_fixtures, name))]  # fmt: skip
    assert missing == []


def test_edgar_diff_no_longer_quotes_the_two_as_one_gained_sentence(edgar_fixtures: Path) -> None:
    diff = compare(parsed(edgar_fixtures, "AAPL FY2024"), parsed(edgar_fixtures, "AAPL Q2 FY2025"), items=("1A",))
    political = next(c for c in diff.sections[0].changes if c.new is not None and c.new.heading.startswith(POLITICAL))
    assert political.kind == "expanded"
    added = [s.text for s in political.gained.added]
    assert not [t for t in added if RESTRICTIONS in t]  # the 10-K's own sentence is no gain
    inserted = [i.sentence.text for i in political.gained.inserted]
    assert not [t for t in inserted if RESTRICTIONS in t]
