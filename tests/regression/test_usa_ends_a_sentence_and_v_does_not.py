"""Bug: the filing comparison's splitter read "U.S.A." as an abbreviation that never ends a sentence, though "U.S."
and "U.S.A." end sentences alike ("... located outside the U.S.A. As a result, ..." was one sentence), and it ended
a sentence at the "v." of a case name: NVIDIA's FY2025 10-K "... District of Delaware, Lipchitz v. Huang, et al. (Case
No. ...)" read as "... Lipchitz v." and "Huang, et al. ...", Tesla's FY2023 10-K "... in a case captioned Diaz v."
and "Tesla, a jury ...". "U.S.A." now ends a sentence where "U.S." does, and "v." never does (the comparison's
splitter only: flagging's follows the labelled set's list, which has no "v")."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.sentence_diff import sentences

CASES = {
    "NVDA FY2025": "District of Delaware, Lipchitz v. Huang, et al. (Case No. 1:19-cv-01795-MN) and Nelson v. Huang",
    "TSLA FY2023": "in a case captioned Diaz v. Tesla, a jury in the Northern District of California",
}
# No fixture filing writes "U.S.A."; Apple's FY2024 10-K sentences, with "U.S.A." where they have "U.S.".
APPLE = (
    "In addition, the Company’s global supply chain is large and complex and a majority of the Company’s supplier "
    "facilities, including manufacturing and assembly sites, are located outside the U.S.A. As a result, the "
    "Company’s operations and performance depend significantly on global and regional economic conditions."
)


def test_a_case_name_is_inside_its_sentence(edgar_fixtures: Path) -> None:
    missing = [part for name, part in CASES.items()
               if not any(part in s.text for s in sentences(parsed(edgar_fixtures, name).text))]  # fmt: skip
    assert missing == []


def test_usa_ends_a_sentence_as_us_does() -> None:
    for country in ("U.S.", "U.S.A."):
        texts = [s.text for s in sentences(APPLE.replace("U.S.A.", country))]
        assert len(texts) == 2 and texts[0].endswith(f"located outside the {country}"), texts
        assert texts[1].startswith("As a result, the Company’s operations")
