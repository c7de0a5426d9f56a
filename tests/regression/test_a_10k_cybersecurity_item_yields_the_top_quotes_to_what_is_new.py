"""Bug: a 10-K's Item 1C (Cybersecurity), the account of how cybersecurity risk is managed that every 10-K has given
yearly since fiscal 2023, ranked as news in the briefing: Tesla's FY2024 10-K says in it "We describe whether and how
risks from identified cybersecurity threats ... have materially affected ..." (a regulation_litigation warning, -0.44),
and that standing sentence took the headline quote and its topic's first slot from the MD&A's "Gross margin for total
automotive decreased from 19.4% to 18.4% ..." (-0.37), which is what the year changed. Item 1C (and a 20-F's 16K) is
now standing text like the risk factors (agents/briefing/text.py); an 8-K's EX-99 press release is still news."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from watchdesk.agents.briefing.headline import headline_quotes
from watchdesk.agents.briefing.model import BriefingInput, FindingItem
from watchdesk.agents.briefing.render import top
from watchdesk.agents.briefing.text import is_boilerplate
from watchdesk.agents.flagging.document import Document, Part, flag_document
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.edgar_parse import archive_url
from watchdesk.sources.filing_parse import parse_filing

TESLA_FY2024 = "filings/TSLA_10-K_FY2024_filed-2025-01-30.html"
URL = archive_url(1318605, "0001628280-25-003063", "tsla-20241231.htm")
STANDING = "We describe whether and how risks from identified cybersecurity threats"
NEW = "Gross margin for total automotive decreased from 19.4% to 18.4%"


@pytest.fixture(scope="module")
def warnings(edgar_fixtures: Path) -> list[FindingItem]:
    """The regulation_litigation warnings flagged in the 10-K's Items 1C and 7, as a briefing is given them."""
    if not (edgar_fixtures / TESLA_FY2024).is_file():
        pytest.skip(f"{TESLA_FY2024} is not in the fixtures")
    sections = {s.item: s for s in parse_filing((edgar_fixtures / TESLA_FY2024).read_bytes()).sections}
    text, parts = "", []
    for item in ("1C", "7"):  # the two items alone: flagging the whole 10-K costs ~10 s of CPU
        section = sections[item]
        parts.append(Part(len(text), len(text) + len(section.text), f"{item} {section.title}"))
        text += section.text + "\n\n"
    flags = flag_document(Document(kind="filing", text=text, parts=tuple(parts), form="10-K"),
                          topics=load_topics(["regulation_litigation"]))  # fmt: skip
    return [FindingItem(finding_id=f"{n:016x}", ticker="TSLA", company="Tesla, Inc.", topic=f.topic,
                        polarity=f.polarity, score=f.score, sentence=f.sentence, section=f.section, speaker=None,
                        doc_id="tsla-10k-fy2024", doc_title="10-K", doc_url=URL, form="10-K",
                        filed_at=date(2025, 1, 30), kind="filing")
            for n, f in enumerate(flags) if f.polarity == "negative"]  # fmt: skip


def _the(warnings: list[FindingItem], start: str) -> FindingItem:
    (found,) = [f for f in warnings if f.sentence.startswith(start)]
    return found


def test_the_cybersecurity_items_warning_is_standing_text(warnings: list[FindingItem]) -> None:
    standing, new = _the(warnings, STANDING), _the(warnings, NEW)
    assert standing.section == "1C CYBERSECURITY" and new.section is not None and new.section.startswith("7 ")
    assert abs(standing.score) > abs(new.score), "the standing sentence is the stronger warning"
    assert is_boilerplate(standing) and not is_boilerplate(new)


def test_what_is_new_takes_the_headline_quote_and_ranks_first(warnings: list[FindingItem]) -> None:
    pair = [_the(warnings, STANDING), _the(warnings, NEW)]
    data = BriefingInput(title="w", period_start=date(2025, 1, 25), period_end=date(2025, 2, 5),
                         generated_at=datetime(2025, 2, 5, tzinfo=UTC), run_id="r", watchlist_name="w",
                         tickers=["TSLA"], topics=["regulation_litigation"], findings=pair, gaps=[],
                         documents=[])  # fmt: skip
    assert [q.sentence.startswith(NEW) for q in headline_quotes(data, n=1)] == [True]
    ranked = [f.sentence for f in top(warnings)]
    assert ranked.index(next(s for s in ranked if s.startswith(NEW))) < ranked.index(
        next(s for s in ranked if s.startswith(STANDING)))  # fmt: skip


@pytest.mark.parametrize("section", ["16K CYBERSECURITY", "16.K Cybersecurity [Cybersecurity]"])
def test_a_20fs_cybersecurity_item_is_standing_text_too(warnings: list[FindingItem], section: str) -> None:
    assert is_boilerplate(replace(_the(warnings, STANDING), section=section))


@pytest.mark.parametrize("section", ["EX-99.1 Press release", "1.05 Material Cybersecurity Incidents"])
def test_a_press_release_or_an_incident_stays_news(warnings: list[FindingItem], section: str) -> None:
    assert not is_boilerplate(replace(_the(warnings, NEW), section=section))
