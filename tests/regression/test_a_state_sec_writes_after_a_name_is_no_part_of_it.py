"""Bug (goals5): SEC writes some companies' names with the state they are incorporated in ("PROGRESSIVE CORP/OH/",
"PACIFICORP /OR/", "WELLS FARGO & COMPANY/MN", "BANK OF MONTREAL /CAN/", "KEYCORP /NEW/"), and names.name_key kept that
tag as a word ("progressive corp oh"): the company's name was then never its whole SEC name. `watchdesk plan "watch
Cardinal Health and Progressive for pricing"` watched CAH alone and dropped 'Progressive' unsaid; "watch Progressive"
said the goal names no company; "watch PacifiCorp" stopped ("not a company in SEC's ticker map; close matches: PPWLM
(PACIFICORP /OR/)"); KeyCorp and Lennar were read only "by start of SEC name". Now a trailing "/XX/", "/NEW/", "/CAN/"
or "/FI" is no part of the compared name (168 entries of the shipped map); "Progressive" is an alias of PGR
(lower-case "progressive" stays the word), and a one-word whole name is said with the well-known companies whose
names start with it ("Brookfield": BN, also named so: BEP, BAM, BPYPP)."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.names import name_key
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("sec_name", "key"), [
    ("PROGRESSIVE CORP/OH/", "progressive"), ("PACIFICORP /OR/", "pacificorp"), ("KEYCORP /NEW/", "keycorp"),
    ("BANK OF MONTREAL /CAN/", "bank of montreal"), ("Core Scientific, Inc./tx", "core scientific"),
    ("SAIPEM S P A /FI", "saipem s p a"), ("AC/DC Holdings", "ac dc"), ("NVIDIA CORP", "nvidia"),
])  # fmt: skip
def test_the_state_is_no_part_of_the_name(sec_name: str, key: str) -> None:
    assert name_key(sec_name) == key


@pytest.mark.parametrize(("goal", "watched"), [
    ("watch Cardinal Health and Progressive for pricing", ["CAH", "PGR"]),
    ("watch Progressive", ["PGR"]),
    ("Watch Allstate, Progressive and Travelers for auto claims", ["ALL", "PGR", "TRV"]),
    ("watch PacifiCorp", ["PPWLM"]),
])  # fmt: skip
def test_the_company_is_watched(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == watched


def test_keycorp_is_its_whole_sec_name() -> None:
    said = parse_goal("watch KeyCorp and Lennar", as_of=DAY).decisions
    assert "company 'KeyCorp' -> KEY (KEYCORP /NEW/, CIK 91576) by SEC name" in said
    assert "company 'Lennar' -> LEN (LENNAR CORP /NEW/, CIK 920760) by SEC name" in said


def test_brookfield_is_said_with_the_companies_its_name_starts() -> None:
    said = parse_goal("watch Brookfield", as_of=DAY).decisions
    assert ("company 'Brookfield' -> BN (BROOKFIELD Corp /ON/, CIK 1001085) by SEC name; also named so: BEP, BAM, "
            "BPYPP") in said


def test_progressive_in_lower_case_is_the_word() -> None:
    plan = parse_goal("watch AMD for progressive price cuts", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["AMD"]
