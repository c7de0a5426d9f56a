"""Bug (goals3): `watchdesk plan "watch nvda h20 demand"` said "'h20': not understood, ignored (a fiscal period; to read
filings back to it, say how far back ...)": a period's pattern took "H2" and one more digit as a half-year and its
year. H20 is NVIDIA's China chip, and so is H100, which "for H100 and H200 supply" said was a fiscal period too
(flagging only 'H200 supply'). A period's year is now two digits (10-39) or four, so these are codes: said as such
("to flag it as written, name it as a topic"), or flagged as topics where the goal names them as topics. Real periods
are said as before."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.goal.unsaid import PERIOD

DAY = date(2026, 12, 3)


def test_h20_is_said_as_a_code_not_a_period() -> None:
    said = parse_goal("watch nvda h20 demand", as_of=DAY).not_understood
    assert said == ("'h20': not understood, ignored (to flag it as written, name it as a topic: 'flag h20')",)


def test_h100_and_h200_are_topics_where_named_as_topics() -> None:
    custom = parse_goal("Watch NVDA for H100 and H200 supply", as_of=DAY).watchlist.topics.custom
    assert [c.name for c in custom] == ["h100", "h200_supply"]


@pytest.mark.parametrize(("word", "period"), [
    ("Q3", True), ("3Q25", True), ("FY2025", True), ("FY25", True), ("1H", True), ("H2", True), ("Q4'24", True),
    ("1H25", True), ("H20", False), ("h20", False), ("H100", False), ("H200", False), ("B200", False),
])  # fmt: skip
def test_which_codes_are_periods(word: str, period: bool) -> None:
    assert bool(PERIOD.fullmatch(word)) is period
