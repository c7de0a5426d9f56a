"""A document fetched more than a period late counted in a period whose briefing had been written without it (session
40 left it, 84bb1b5): late, it counted from the day after the latest briefed period holding its date, even when the
period after that had been briefed too before it was stored. With TSMC's call of 2026-07-16, 2026-W29 briefed on its
Sunday and W30 on its Sunday, the call fetched on Wednesday 2026-07-29 counted in W30, whose briefing lacked it, and
in no briefing to come. Now it counts from the day after the latest period briefed (closed) before it was stored, when
that is up to LATE_DAYS after its date: in W31, marked late. Fetched later than that, it is history and counts by its
date (store/queries.py LATE_DAYS_OF)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.regression.demo_briefs import brief_md
from tests.regression.test_a_document_counts_in_one_iso_week_not_two import _calls
from watchdesk.store.queries import LATE_DAYS

SUNDAYS = {"2026-W29": "2026-07-19", "2026-W30": "2026-07-26", "2026-W31": "2026-08-02"}


def _briefed_then_fetched(demo_store: Callable[[Path], Path], folder: Path, *, weeks: list[str], fetched: str) -> Path:
    """The demo's store where each of `weeks` was briefed (closed) on its Sunday at 18:00 UTC, and TSMC's call of
    2026-07-16 was first stored at `fetched`."""
    db = demo_store(folder)
    for week in weeks:
        brief_md(db, folder / week, "--week", week)
    with duckdb.connect(str(db)) as con:
        for week in weeks:
            con.execute("UPDATE briefings SET closed_at = CAST(? AS TIMESTAMP) WHERE period_end = CAST(? AS DATE)",
                        [f"{SUNDAYS[week]} 18:00", SUNDAYS[week]])  # fmt: skip
        (moved,) = con.execute("UPDATE documents SET first_stored_at = CAST(? AS TIMESTAMP) WHERE ticker = 'TSM' AND "
                               "source = 'transcript' AND filed_at = DATE '2026-07-16'", [fetched]).fetchone() or (0,)
    assert moved == 1
    return db


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_call_fetched_after_two_weeks_were_briefed_is_in_the_third(demo_store: Callable[[Path], Path],
                                                                      tmp_path: Path) -> None:  # fmt: skip
    db = _briefed_then_fetched(demo_store, tmp_path, weeks=["2026-W29", "2026-W30"], fetched="2026-07-29 07:00")
    assert [_calls(db, w) for w in ("2026-W29", "2026-W30", "2026-W31")] == [0, 0, 52]
    w31 = brief_md(db, tmp_path / "w31", "--week", "2026-W31")
    assert "earnings call, held 2026-07-16 (late: first stored 2026-07-29)" in w31


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_call_fetched_later_than_the_late_days_counts_by_its_date(demo_store: Callable[[Path], Path],
                                                                    tmp_path: Path) -> None:  # fmt: skip
    """W29, W30 and W31 briefed before it was fetched: the next briefing to be written starts 18 days after its date,
    beyond LATE_DAYS, so it counts in its own week (history, `findings --week 2026-W29` lists it), not in a week whose
    briefing was written without it."""
    assert LATE_DAYS == 14
    db = _briefed_then_fetched(demo_store, tmp_path, weeks=list(SUNDAYS), fetched="2026-08-05 07:00")
    assert [_calls(db, w) for w in ("2026-W29", "2026-W30", "2026-W31", "2026-W32")] == [52, 0, 0, 0]


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
@pytest.mark.parametrize("fetched", ["2026-07-22 07:00", "2026-07-26 07:00"])
def test_a_call_fetched_before_the_next_week_was_briefed_is_in_it(demo_store: Callable[[Path], Path], tmp_path: Path,
                                                                  fetched: str) -> None:  # fmt: skip
    """W30 briefed on its Sunday, the call fetched before (on its Wednesday, or that Sunday before the briefing was
    written): in W30, as before."""
    db = _briefed_then_fetched(demo_store, tmp_path, weeks=["2026-W29", "2026-W30"], fetched=fetched)
    assert [_calls(db, w) for w in ("2026-W29", "2026-W30", "2026-W31")] == [0, 52, 0]
