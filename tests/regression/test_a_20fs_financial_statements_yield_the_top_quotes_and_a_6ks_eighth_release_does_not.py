"""Bug: the briefing's standing text (what yields the headline quotes and each topic's first slots to what is new) knew
a 10-K's financial statements (Item 8) and exhibits (Item 15) but not a 20-F's (Items 17 and 18, Item 19): the notes
of Plymouth Rock Technologies' 20-F (0001062993-21-003193) say of COVID-19 "This will impact demand for the Company's
products and services ... and will impact the Company's supply chains." (-0.99), and that note took the supply-chain
headline from Item 4's "Currently, the Company procuring materials to begin production of additional demonstration
units." (+0.84), what the year did. And a 6-K has no items: the press releases it lists are numbered 1, 2, ...
(sources/filing_items.py), so its 8th and 15th ranked as a 10-K's Item 8 and Item 15, below every other statement.
Sentences as `watchdesk flag` reads them in the fixture filing; the 6-K's titles are made up (no 6-K listing that many
releases is in the fixtures)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.test_briefing_render import briefing
from watchdesk.agents.briefing.headline import headline_quotes
from watchdesk.agents.briefing.model import FindingItem
from watchdesk.agents.briefing.render import top
from watchdesk.agents.briefing.text import is_boilerplate
from watchdesk.sources.form_items import TWENTY_F

URL = "https://www.sec.gov/Archives/edgar/data/0/000106299321003193/form20f.htm"  # where it stands plays no part
NOTE = ("This will impact demand for the Company's products and services and its ability to continue developing and "
        "testing their technologies in the near term and will impact the Company's supply chains.")
NEWS = "Currently, the Company procuring materials to begin production of additional demonstration units."


def said(n: int, sentence: str, score: float, section: str, form: str = "20-F") -> FindingItem:
    polarity = "negative" if score < 0 else "positive"
    return FindingItem(finding_id=f"{n:04d}f00d{n:04d}", ticker="PRTG", company="PLYMOUTH ROCK TECHNOLOGIES INC.",
                       topic="supply_chain", polarity=polarity, score=score, sentence=sentence, section=section,
                       speaker=None, doc_id=f"doc-{form}", doc_title=form, doc_url=URL, form=form,
                       filed_at=date(2021, 3, 31), kind="filing")  # fmt: skip


@pytest.mark.parametrize("item", ["17", "18", "19"])
def test_a_20fs_statements_and_exhibits_are_standing_text(item: str) -> None:
    assert is_boilerplate(said(1, NOTE, -0.99, f"{item} {TWENTY_F[item].upper()}"))


def test_what_the_year_did_takes_the_headline_from_a_note_to_the_statements() -> None:
    note = said(1, NOTE, -0.9945, "18 FINANCIAL STATEMENTS")
    news = said(2, NEWS, 0.8445, "4 INFORMATION ON THE COMPANY")
    assert [q.finding_id for q in headline_quotes(briefing(findings=[note, news]), n=1)] == [news.finding_id]


@pytest.mark.parametrize("number", ["8", "15", "18"])
def test_a_6ks_eighth_or_fifteenth_release_is_news_like_its_first(number: str) -> None:
    release = said(3, "Shipments were delayed by a shortage of substrates.", -0.6,
                   f"{number} TSMC reports a shortage of substrates", form="6-K")  # fmt: skip
    risk = said(4, "A shortage of substrates may harm our business.", -0.9, "3.D Risk Factors")
    assert not is_boilerplate(release)
    assert [f.finding_id for f in top([risk, release])][:1] == [release.finding_id]


def test_a_10ks_and_a_20fs_standing_items_stay_standing() -> None:
    for form, section in [("10-K", "8 Financial Statements and Supplementary Data"), ("10-K", "15 Exhibits"),
                          ("20-F", "3.D Risk Factors"), ("20-F", "8.A Consolidated Statements")]:  # fmt: skip
        assert is_boilerplate(said(5, NEWS, 0.5, section, form=form)), (form, section)
