"""The briefing's first screen: quotes ranked for a reader, trend against previous weeks, gaps said plainly,
and parts that plug in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.unit.test_briefing_render import FINDINGS, briefing, finding
from watchdesk.agents.briefing.headline import headline_quotes, headline_text, missing_lines
from watchdesk.agents.briefing.model import DocumentItem, WeekPoint
from watchdesk.agents.briefing.parts import PARTS
from watchdesk.agents.briefing.render import RenderContext, Section, render_markdown


def test_company_statements_outrank_analyst_questions_and_boilerplate() -> None:
    question = finding(10, "NVDA", "geopolitical", "negative", -0.99, "How worried are you about export rules?",
                       speaker="An Analyst", speaker_kind="analyst")  # fmt: skip
    boiler = finding(11, "NVDA", "geopolitical", "negative", -0.98, "Export controls could adversely affect us.")
    said = finding(12, "NVDA", "geopolitical", "negative", -0.40, "Export rules cut our China sales in half.",
                   speaker="CFO", speaker_kind="management")  # fmt: skip
    quotes = headline_quotes(briefing(findings=[question, boiler, said]), n=1)
    assert [q.finding_id for q in quotes] == [said.finding_id]


def test_quotes_are_never_repeated_and_spread_over_pairs() -> None:
    twin = replace(FINDINGS[0], finding_id="9999beefcafe9999", doc_id="doc-nvda-10k")
    quotes = headline_quotes(briefing(findings=[*FINDINGS, twin]))
    assert len(quotes) == 3 and len({q.sentence for q in quotes}) == 3
    assert len({(q.ticker, q.topic) for q in quotes}) == 3


def test_no_new_documents_is_not_no_mentions() -> None:
    data = briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], gaps=[],
                    documents=[DocumentItem(doc_id="d", ticker="ASML", form="6-K", title=None, url="u",
                                            filed_at=date(2025, 8, 28))])  # fmt: skip
    lines = missing_lines(data)
    assert any(line.startswith("- No new documents for TSM in this period") for line in lines), lines
    assert "- ASML: 1 new document, no mentions of the watched topics." in lines


def test_trend_compares_with_the_previous_weeks() -> None:
    history = [WeekPoint(week=date(2025, 6, 30), ticker="NVDA", topic="geopolitical", mentions=4, positive=2,
                         negative=0)]  # fmt: skip
    md = render_markdown(briefing(history=history))
    row = next(line for line in md.splitlines() if line.startswith("| NVDA | Geopolitical | 1 |"))
    assert row.endswith("| -1.00 | +0.50 | down ▼ |"), row
    assert "trend down ▼" in headline_text(briefing(history=history))


def test_a_part_plugs_in_at_its_place() -> None:
    def news_part(ctx: RenderContext) -> Section | None:
        return Section("news", "News", f"{len(ctx.data.findings)} findings seen by the news part.")

    md = render_markdown(briefing(), parts=[PARTS[0], news_part, *PARTS[1:]])
    assert md.index("## What changed") < md.index("## News\n\n4 findings seen by the news part.") < md.index(
        "## Summary")
