"""The briefing's parts, in reading order. Each takes the render context and returns a Section (or None to
stay out). To add a part (news, what changed in filings), write `def my_part(ctx) -> Section | None` in its
own module, put its data in `BriefingInput.extras` from a gatherer in `GATHERERS` (agent.py), and list it here."""

from __future__ import annotations

from watchdesk.agents.briefing.changes_part import filing_changes_part
from watchdesk.agents.briefing.headline import headline_part
from watchdesk.agents.briefing.news_part import news_part
from watchdesk.agents.briefing.render import (
    Part,
    findings_part,
    gaps_part,
    method_part,
    sources_part,
    summary_part,
    tone_part,
)

PARTS: list[Part] = [
    headline_part,
    filing_changes_part,
    summary_part,
    tone_part,
    findings_part,
    news_part,
    gaps_part,
    sources_part,
    method_part,
]
