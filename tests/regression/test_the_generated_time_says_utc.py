"""A review: the briefing's header said when it was written as "**Generated:** 2026-12-05T20:35+00:00", an ISO
stamp with a "T" and an offset for a reader to decode, beside plain dates everywhere else. It now reads "2026-12-05
20:35 UTC", in UTC whatever zone the time was given in (the README's "Two clocks": a briefing's days are UTC days)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tests.unit.test_briefing_render import briefing
from watchdesk.agents.briefing.render import render_markdown


def test_the_header_says_when_in_utc() -> None:
    assert "**Generated:** 2025-09-01 06:00 UTC" in render_markdown(briefing())
    new_york = datetime(2025, 8, 31, 22, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert "**Generated:** 2025-09-01 02:30 UTC" in render_markdown(briefing(generated_at=new_york))
