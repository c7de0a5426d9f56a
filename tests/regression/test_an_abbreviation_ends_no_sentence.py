"""Bug: the filing comparison's sentence splitter broke after every period, abbreviations too, so "the U.S.
Department of Commerce's U.S. Entity List" or "Huawei Technologies Co. Ltd." read as two or three sentences. On
Tesla's FY2023 -> FY2024 10-K, the recall factor's sentence that gained "or provide certain functionalities"
("... such as U.S. Federal Motor Vehicle Safety Standards, or provide certain functionalities.") was quoted as an added
sentence from its tail, "Federal Motor Vehicle Safety Standards, or provide certain functionalities.", and the
Musk factor's added sentence began "Musk also currently holds ...". The splitter now keeps flagging's abbreviations
(sources/abbreviations.py) inside the sentence, as flagging's splitter does."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import FactorChange, compare
from watchdesk.sources.sentence_diff import sentences

RECALLS = "We may choose to or be compelled to undertake product recalls"
MUSK = "We are highly dependent on the services of Elon Musk"


def factor(changes: tuple[FactorChange, ...], heading: str) -> FactorChange:
    return next(c for c in changes if c.new is not None and c.new.heading.startswith(heading))


def test_an_abbreviation_is_inside_its_sentence(edgar_fixtures: Path) -> None:
    texts = [s.text for s in sentences(parsed(edgar_fixtures, "NVDA FY2025").text)]
    assert any("Department of Commerce’s U.S. Entity List or other USG restricted" in t for t in texts)
    assert any("Huawei Technologies Co. Ltd., or Huawei, and Intel Corporation" in t for t in texts)
    assert "Colette M. Kress joined NVIDIA in 2013 as Executive Vice President and Chief Financial Officer." in texts
    # a lone capital ends a sentence where it is no initial: "Form 10-K." and "Item 1A." end sentences in filings
    assert "The contents of our website are not a part of this Annual Report on Form 10-K." in texts


def test_a_clause_added_after_us_is_no_sentence_of_its_own(edgar_fixtures: Path) -> None:
    changes = compare(parsed(edgar_fixtures, "TSLA FY2023"), parsed(edgar_fixtures, "TSLA FY2024"), items=("1A",))
    recalls = factor(changes.sections[0].changes, RECALLS).gained
    assert recalls.added == ()
    inserted = [(i.part.text, i.sentence.text[:46]) for i in recalls.inserted]
    assert ("or provide certain functionalities", "In the future, we may voluntarily or involunta") in inserted
    musk = factor(changes.sections[0].changes, MUSK).gained
    assert [s.text[:40] for s in musk.added] == ["For example: Mr. Musk also currently hol"]
