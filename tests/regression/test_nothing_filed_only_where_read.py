"""A review: `watchdesk brief --week 2026-W10` of the demo database said "No new documents for TSM ... (nothing filed,
called or published 2026-03-02 to 2026-03-08)" while its Gaps said "TSM · filings · older filings of CIK 1046179:
filings before 2026-04-10 not listed": no filing of TSM's from that week could have been read. The same for weeks
outside the watchlist's filing window (filings.since/until/lookback): 2025-W35 said TSM filed nothing, though the
demo lists filings from 2026-01-01 only. An absence of documents is now "nothing filed" only where every source of
the ticker was read for the period; otherwise the briefing names the source whose absence is not known, and why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.regression.demo_briefs import FEEDS, brief_md, missing


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path_factory.mktemp("read"))


def said(db: Path, week: str, out: Path) -> str:
    return missing(brief_md(db, out, "--week", week))


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_week_the_listing_did_not_reach_is_not_said_to_be_quiet(db: Path, tmp_path: Path) -> None:
    lines = said(db, "2026-W10", tmp_path)
    assert "No new documents for TSM in this period (nothing filed" not in lines
    assert ("- No new documents for TSM in this period, but whether anything was filed, called or published 2026-03-02 "
            "to 2026-03-08 is not known: its filings before 2026-04-10 were not listed (see Gaps); the runs read only "
            "the newest filing of each form (limit_per_form = 1); its calls are read from local folders only, which "
            f"hold no call of those days; {FEEDS}.") in lines  # fmt: skip


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_week_outside_the_filing_window_is_not_said_to_be_quiet(db: Path, tmp_path: Path) -> None:
    lines = said(db, "2025-W35", tmp_path)
    assert ("- No new documents for TSM in this period, but whether anything was filed, called or published "
            "2025-08-25 to 2025-08-31 is not known: the runs looked at its filings for 2026-01-01 to 2026-09-01 only "
            "(the watchlist's filing window); its calls are read from local folders only, which hold no call of those "
            "days; the runs looked at news on it for 2026-01-01 to 2026-09-01 only.") in lines
    assert "Nothing read for ASML" in lines


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_week_every_source_read_is_still_quiet(db: Path, tmp_path: Path) -> None:
    # after the oldest filing listed (2026-04-10) and the oldest the limit_per_form kept (a 6-K of 2026-07-16: 2026-W20
    # was not wholly read, test_a_limit_per_form_is_no_nothing_filed.py), no filing of TSM's failed that week, and no
    # 6-K of a kind left out was filed in it (2026-W30 holds one of 2026-07-24: test_a_6k_left_out_is_no_nothing_filed)
    # the demo reads calls from folders, so whether a call was held is never known from it (a folder holds what
    # someone put in it: test_briefing_coverage.py::test_calls_read_from_folders_alone_are_not_known_to_be_quiet)
    assert ("- No new documents for TSM in this period, but whether anything was called or published 2026-07-27 to "
            "2026-08-02 is not known: its calls are read from local folders only, which hold no call of those days; "
            f"{FEEDS}. Nothing was filed in it.") in said(db, "2026-W31", tmp_path)


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_company_with_new_documents_still_says_what_was_not_read(db: Path, tmp_path: Path) -> None:
    """A walkthrough (session 27): in 2026-W29 TSMC's call is new, and What is missing said nothing of its filings, one
    of which could not be fetched, or of the news after the feeds' recording; only companies with no documents were
    said to be partly unread. A call found is not said to be missing from the folders."""
    lines = said(db, "2026-W29", tmp_path)
    assert ("- TSM: beyond its new documents, whether anything was filed or published 2026-07-13 to 2026-07-19 is not "
            "known: 1 filing of it dated in this period could not be fetched (see Gaps); the runs read only the newest "
            f"filing of each form (limit_per_form = 1); {FEEDS}.") in lines  # fmt: skip
