"""Risk factors name risks (agents/flagging/risk_reading.py): a neutral inventory or supply-chain mention in a
filing's risk-factor section is a warning; other topics, other sections and transcripts are left as read."""

from __future__ import annotations

import pytest

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.risk_reading import RISK_ITEMS, in_risk_factors, read_as_risk


def flag(topic: str, polarity: str, score: float = 0.02) -> Flag:
    return Flag(topic, polarity, score, "Our expanding product portfolio may lead to increased inventory levels.",  # type: ignore[arg-type]
                0, 71)  # fmt: skip


def test_the_risk_items_are_the_filing_parsers() -> None:
    from watchdesk.sources.filing_parse import RISK_ITEM

    assert set(RISK_ITEM.values()) == RISK_ITEMS


@pytest.mark.parametrize(
    ("section", "risk"),
    [("1A Risk Factors", True), ("II-1A Risk Factors", True), ("3.D Risk Factors", True), ("1A", True),
     ("7 Management's Discussion and Analysis", False), ("I-2 Management's Discussion", False),
     ("1 Business", False), ("prepared", False), ("qa", False), (None, False), ("", False)],
)  # fmt: skip
def test_which_sections_are_risk_factors(section: str | None, risk: bool) -> None:
    assert in_risk_factors(section) is risk


def test_neutral_stock_and_supply_in_risk_factors_become_warnings() -> None:
    for topic in ("inventory", "supply_chain"):
        read = read_as_risk(flag(topic, "neutral"), "1A Risk Factors")
        assert (read.polarity, read.score) == ("negative", -0.5)
    assert read_as_risk(flag("inventory", "neutral", -0.8), "II-1A Risk Factors").score == -0.8


def test_everything_else_is_left_as_read() -> None:
    for topic, polarity, section in [
        ("geopolitical", "neutral", "1A Risk Factors"),  # descriptions of rules are neutral there
        ("inventory", "positive", "1A Risk Factors"),  # good news stays good news
        ("supply_chain", "negative", "1A Risk Factors"),
        ("inventory", "neutral", "7 Management's Discussion and Analysis"),
        ("supply_chain", "neutral", "qa"),
        ("demand", "neutral", "1A Risk Factors"),
    ]:
        original = flag(topic, polarity)
        assert read_as_risk(original, section) is original
