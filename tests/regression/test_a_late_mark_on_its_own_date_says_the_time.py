"""Bug (periods45, session 45): a document first stored on its own date after its period's briefing was written
(since session 44 it is late: test_a_call_stored_after_the_weeks_briefing_the_same_day_is_briefed_next.py) was
marked "filed 2026-03-09 (late: first stored 2026-03-09)": the same day twice, which reads as a contradiction. The
mark now says the time, UTC, to the minute, when the day is the document's own date: "(late: first stored
2026-03-09 20:07 UTC)", after the 06:00 briefing; a document stored on a later day keeps the day alone."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from tests.regression.test_a_call_stored_after_the_weeks_briefing_the_same_day_is_briefed_next import (
    MONDAY,
    NEXT_RUN_WEEK,
    RUN_WEEK,
)
from tests.regression.test_late_arrivals_are_briefed import _briefed, _stored
from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.html import render_html
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store.store import Store

SAME_DAY = "NVDA 10-Q, filed 2026-03-09 (late: first stored 2026-03-09 20:07 UTC)"
NEXT_DAY = "NVDA 10-Q, filed 2026-03-09 (late: first stored 2026-03-10)"


def test_a_document_late_on_its_own_date_is_marked_with_the_time_it_was_stored() -> None:
    with Store.open(":memory:") as store:
        _briefed(store, RUN_WEEK, closed_on=MONDAY)  # at 06:00 UTC
        _stored(store, "evening", MONDAY, datetime(2026, 3, 9, 20, 7, 31, tzinfo=UTC))
        _stored(store, "tuesday", MONDAY, datetime(2026, 3, 10, 1, 30, tzinfo=UTC))
        data = gather(store, BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                             period=NEXT_RUN_WEEK, out_dir=Path(".")))  # fmt: skip
    markdown, html = render_markdown(data), render_html(data)
    assert SAME_DAY in markdown  # in Sources; before: "(late: first stored 2026-03-09)"
    assert "— 10-Q, filed 2026-03-09 (late: first stored 2026-03-09 20:07 UTC) [" in markdown  # beside its finding
    assert NEXT_DAY in markdown and "2026-03-10 01:30" not in markdown  # another day: the day alone, as before
    assert SAME_DAY in re.sub(r"<[^>]+>", "", html)  # the page, its tags left out
