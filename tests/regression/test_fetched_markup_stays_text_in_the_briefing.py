"""Session 44's attack on the briefing, as it held: markup in whatever fetched text a briefing quotes (a transcript's
sentence and speaker, a filing's section and title, a document's address, a gap's target and reason, a headline)
reaches the Markdown escaped and the HTML as text: no tag, no event handler, no javascript: or data: link, no image
that would call a server when the mail is opened."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from tests.unit.test_briefing_render import FINDINGS, briefing
from watchdesk.agents.briefing.html import render_html
from watchdesk.agents.briefing.model import DocumentItem, GapItem
from watchdesk.agents.briefing.render import render_markdown

PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", "[click](javascript:alert(3))",
    "<javascript:alert(4)>", "![i](http://evil.test/p.png)", '<a href="http://evil.test">y</a>',
    "<svg onload=alert(5)>", "data:text/html,<script>alert(6)</script>", "<!-- hide the rest",
]
# markup that would act: a tag of the payloads, a link or image to them, an event handler in a tag
ACTIVE = re.compile(r"<(?:script|img|svg|a\s+href=\"(?:javascript|data|http://evil))|<[^>]*\bon(?:error|load)=|"
                    r"src=\"http://evil", re.IGNORECASE)  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_fetched_text_is_shown_not_run(payload: str) -> None:
    findings = [replace(f, sentence=f"Inventory rose {payload} today.", speaker=f"Jo {payload}", section=payload,
                        doc_title=payload) for f in FINDINGS]  # fmt: skip
    documents = [
        DocumentItem(doc_id="doc-nvda-10q", ticker="NVDA", form="10-Q", title=payload, url=payload,
                     filed_at=date(2025, 8, 27)),
        DocumentItem(doc_id="news-1", ticker="NVDA", form="news", title=payload, url=f"javascript:alert(7)//{payload}",
                     filed_at=date(2025, 8, 27)),
    ]  # fmt: skip
    data = briefing(findings=findings, documents=documents,
                    gaps=[GapItem(ticker="NVDA", agent="news", target=payload, reason=payload)])  # fmt: skip
    html = str(render_html(data))
    assert ("alert(" in html or "hide the rest" in html) and "Jo " in html, "the payload is quoted, as text"
    assert not ACTIVE.search(html), ACTIVE.search(html)
    assert html.count("<script") == 0 and "javascript:alert(7)" not in re.findall(r'href="([^"]*)"', html)
    markdown = render_markdown(data)
    assert not re.search(r"(?<!\\)<(?!https?://)[a-z!/]", markdown, re.IGNORECASE), "raw markup in the Markdown"
