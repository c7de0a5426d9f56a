"""The briefing's Method said only "A document belongs to the period of its event date", while since session 40 a
document first stored after a briefing of its period was written on or after the period's last day counts in the
period after it, marked late, and no longer in its own (store/queries.py PERIOD_DAY): a reader meeting "(late: first
stored ...)" beside a quote, or missing a call from the week it was held in, found no word of why. The Method now says
the late rule in one clause, with the mark it gives. Since session 44 it says "first stored after a briefing", no
longer "on a later day than" one (test_a_call_stored_after_the_weeks_briefing_the_same_day_is_briefed_next.py);
since session 45 one written by a run or sent by `brief --deliver`, not one `brief` wrote for a person to look at
(test_a_brief_only_looked_at_leaves_its_week_to_the_run_that_delivers_it.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from tests.regression.test_late_arrivals_are_briefed import LAST_WEEK, WEEK, _briefed, _stored
from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.html import render_html
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.store.store import Store

RULE = ("unless it is late: first stored after a briefing of that period was written by a run (or sent by "
        "watchdesk brief --deliver) on or after the period's last day, it counts from the day after the latest "
        "period briefed before it was stored instead (when that is up to 14 days after its date), marked "
        '"(late: first stored …)" where cited, so each document counts in one period.')  # fmt: skip


def test_the_method_says_when_a_document_counts_late_and_how_it_is_marked() -> None:
    with Store.open(":memory:") as store:
        _briefed(store, LAST_WEEK, closed_on=date(2026, 3, 8))
        _stored(store, "late", date(2026, 3, 4), datetime(2026, 3, 11, 7, tzinfo=UTC))
        data = gather(store, BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["inventory"],
                                             period=WEEK, out_dir=Path(".")))  # fmt: skip
    markdown, html = render_markdown(data), render_html(data)
    method = markdown[markdown.index("## Method") :]
    assert "A document belongs to the period of its event date" in method and RULE in method
    assert "10-Q, filed 2026-03-04 (late: first stored 2026-03-11)" in markdown  # the mark the Method names
    assert RULE.replace('"', "&quot;") in html
