"""Bug: the briefing ranked an 8-K's Item 8.01 (Other Events: what a company chooses to announce) as standing
boilerplate, below every other statement: agents/briefing/text.py's standing sections held "8" (a 10-K's financial
statements), and its "\\b" matched "8.01 Other Events" too. An item followed by ".digit" is an 8-K's, never news to
rank last; a 10-K's Item 8 and a 20-F's 8.A stay standing text."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.test_briefing_render import briefing, finding
from watchdesk.agents.briefing.headline import headline_quotes
from watchdesk.agents.briefing.text import is_boilerplate
from watchdesk.sources.form_items import EIGHT_K

# labelled as the pipeline labels an 8-K's items (agents/flagging/document.py: "ITEM TITLE")
ITEMS = [f"{item} {title}" for item, title in EIGHT_K.items()]


@pytest.mark.parametrize("section", ITEMS)
def test_no_8k_item_is_boilerplate(section: str) -> None:
    said = finding(1, "NVDA", "geopolitical", "negative", -0.5, "The company announced new export licences.",
                   section=section, form="8-K", filed_at=date(2025, 9, 2))  # fmt: skip
    assert not is_boilerplate(said)


@pytest.mark.parametrize("section", ["8 Financial Statements and Supplementary Data", "8.A Consolidated Statements"])
def test_a_10ks_item_8_and_a_20fs_8a_stay_standing_text(section: str) -> None:
    assert is_boilerplate(finding(1, "NVDA", "inventory", "negative", -0.5, "Inventory is stated at cost.",
                                  section=section))  # fmt: skip


def test_an_other_events_warning_takes_the_headline_from_a_risk_factor() -> None:
    news = finding(1, "NVDA", "geopolitical", "negative", -0.40, "The company received notice of new export rules.",
                   section="8.01 Other Events", form="8-K", filed_at=date(2025, 9, 2))  # fmt: skip
    risk = finding(2, "NVDA", "geopolitical", "negative", -0.98, "New export rules may harm our business.",
                   section="1A Risk Factors", form="10-K")  # fmt: skip
    assert [q.finding_id for q in headline_quotes(briefing(findings=[risk, news]), n=1)] == [news.finding_id]
