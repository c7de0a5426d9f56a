"""Should a custom `brief --since/--until` briefing close its period as a weekly one does (session 40 left the question,
84bb1b5)? Yes: written on or after its last day, it was read without what was stored later, and the late rule brings
that to the next period instead. It never takes a document out of the week or run period that will hold it: the day
it moves a document to is the day after the custom period's end, and a document of a period is dated in it, so it
stays in the ISO week and the Monday run's period of its date unless one of those was briefed before it too. Pinned
here on the demo's real TSMC call of Thursday 2026-07-16, first stored on Monday 2026-07-20, after `brief --since
2026-07-06 --until 2026-07-17` was written on Friday 07-17 (store/queries.py LATE_DAYS_OF)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.regression.demo_briefs import brief_md
from tests.regression.test_a_document_counts_in_one_iso_week_not_two import _calls
from watchdesk.store import explore


def _span_calls(db: Path, start: date, end: date) -> int:
    return sum(r["ticker"] == "TSM" and r["document"] == "earnings call"
               for r in explore.findings(db, start=start, end=end, as_briefed=True))  # fmt: skip


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_custom_period_closed_before_the_fetch_sends_the_call_to_the_day_after_it(
    demo_store: Callable[[Path], Path], tmp_path: Path
) -> None:
    db = demo_store(tmp_path)
    brief_md(db, tmp_path / "custom", "--since", "2026-07-06", "--until", "2026-07-17")
    with duckdb.connect(str(db)) as con:
        (closed,) = con.execute("UPDATE briefings SET closed_at = TIMESTAMP '2026-07-17 06:00' WHERE period_start = "
                                "DATE '2026-07-06' AND period_end = DATE '2026-07-17'").fetchone() or (0,)  # fmt: skip
        (moved,) = con.execute("UPDATE documents SET first_stored_at = TIMESTAMP '2026-07-20 07:00' WHERE ticker = "
                               "'TSM' AND source = 'transcript' AND filed_at = DATE '2026-07-16'"
                               ).fetchone() or (0,)  # fmt: skip
    assert (closed, moved) == (1, 1)
    custom, after = (date(2026, 7, 6), date(2026, 7, 17)), (date(2026, 7, 18), date(2026, 7, 24))
    assert (_span_calls(db, *custom), _span_calls(db, *after)) == (0, 52)
    after_md = brief_md(db, tmp_path / "after", "--since", "2026-07-18", "--until", "2026-07-24")
    assert "earnings call, held 2026-07-16 (late: first stored 2026-07-20)" in after_md
    # the week of its date and the Monday run's period of its date hold it still (unmarked: dated in them)
    assert (_calls(db, "2026-W29"), _calls(db, "2026-W30")) == (52, 0)
    assert _span_calls(db, date(2026, 7, 14), date(2026, 7, 20)) == 52
