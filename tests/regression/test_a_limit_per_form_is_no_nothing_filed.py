"""A review: `watchdesk brief --week 2026-W04` of the demo database said "No new documents for NVDA in this period
(nothing filed, called or published 2026-01-19 to 2026-01-25)", though NVDA filed an 8-K on 2026-01-23 (recorded
listing): the demo's watchlist has `[filings] limit_per_form = 1`, so the filings step read only the newest 8-K of its
window (2026-02-25) and nothing recorded where it cut. The same for TSM in 2026-W20 (its newest 6-K read is of
2026-07-16). The days before the oldest filing the limit kept are now "not known", with the limit named; the limit is
the watchlist's choice, not a failure: no gap, the run is not partial, the demo still records its 8 gaps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.regression.demo_briefs import FEEDS, brief_md, missing


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path_factory.mktemp("limit"))


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_week_the_limit_left_unread_is_not_said_to_be_quiet(db: Path, tmp_path: Path) -> None:
    lines = missing(brief_md(db, tmp_path, "--week", "2026-W04"))
    assert "No new documents for NVDA in this period (nothing filed" not in lines
    # the demo's feeds were recorded from 2026-01-09 on: what they hold after is not known either
    assert ("- No new documents for NVDA in this period, but whether anything was filed, called or published "
            "2026-01-19 to 2026-01-25 is not known: the runs read only the newest filing of each form "
            "(limit_per_form = 1); its calls are read from local folders only, which hold no call of those days; "
            f"{FEEDS}.") in lines  # fmt: skip
    assert "see Gaps" not in lines.split("NVDA", 1)[1].split("\n", 1)[0]  # a limit is no gap


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_tsm_in_2026_w20_is_not_said_to_be_quiet(db: Path, tmp_path: Path) -> None:
    lines = missing(brief_md(db, tmp_path, "--week", "2026-W20"))
    assert "No new documents for TSM in this period (nothing filed" not in lines
    assert "whether anything was filed, called or published 2026-05-11 to 2026-05-17 is not known: the runs read " \
        "only the newest filing of each form (limit_per_form = 1)" in lines


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_limit_is_no_gap_and_no_failure(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM gaps").fetchall()[0][0] == 8
        assert con.execute("SELECT status, error FROM runs").fetchall() == [("done", None)]
    finally:
        con.close()
