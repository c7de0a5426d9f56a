"""A review: `watchdesk brief --week 2026-W29` of the demo database (the README's featured week) said "No new
documents for NVDA in this period (nothing filed, called or published 2026-07-13 to 2026-07-19)", and 2026-W22 the same
for 2026-05-25 to 2026-05-31, though the only NVIDIA listing the demo replays was served by SEC on 2026-03-05 (fixtures
MANIFEST: a VCR cassette's answer, "HTTP 200, Thu, 05 Mar 2026 11:20:23 GMT") and the demo runs as of 2026-09-01: the
listing cannot hold a later filing, so those weeks are not known, not quiet. A pack now keeps each answer's Date header
(the demo pack's from the fixtures' MANIFEST, a `--record` pack's as served), and the filings step stores the days
after a listing's Date as a read cut: no gap, no failure."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.regression.demo_briefs import brief_md, demo_db, missing
from tests.unit.test_replay import TICKERS, TICKERS_BODY, CountingServer, live_gateway, replay_gateway
from watchdesk.sources.edgar import served_on

STALE = "the runs replayed a listing served on 2026-03-05, which holds no later filing"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_db(tmp_path_factory.mktemp("served_on"))


@pytest.mark.parametrize(("week", "span"), [("2026-W29", "2026-07-13 to 2026-07-19"),
                                            ("2026-W22", "2026-05-25 to 2026-05-31")])  # fmt: skip
def test_weeks_after_the_recorded_listing_are_not_said_to_be_quiet(db: Path, tmp_path: Path, week: str,
                                                                   span: str) -> None:  # fmt: skip
    lines = missing(brief_md(db, tmp_path, "--week", week)).splitlines()
    line = next(line for line in lines if "for NVDA" in line)
    assert "(nothing filed" not in line, line
    assert f"whether anything was filed or called {span} is not known: {STALE};" in line, line


def test_a_week_the_listing_covers_still_says_what_it_knows(db: Path, tmp_path: Path) -> None:
    """2026-W05 is before the listing's day: its limit_per_form cut is said, not the listing's age."""
    line = next(x for x in missing(brief_md(db, tmp_path, "--week", "2026-W05")).splitlines() if "for NVDA" in x)
    assert STALE not in line and "limit_per_form = 1" in line, line


def test_a_recorded_pack_keeps_the_date_it_was_served(tmp_path: Path) -> None:
    fake = CountingServer({TICKERS: (200, TICKERS_BODY)})
    with live_gateway(fake, [], record_dir=tmp_path / "rec") as gw:
        gw.get(TICKERS, agent="filings")
    with replay_gateway(tmp_path / "rec", [], []) as gw:
        assert served_on(gw.get(TICKERS, agent="filings").headers) == date(2024, 1, 1)


@pytest.mark.parametrize(("headers", "day"), [({"Date": "Thu, 05 Mar 2026 23:59:59 GMT"}, date(2026, 3, 5)),
                                              ({"date": "Fri, 06 Mar 2026 01:00:00 +0200"}, date(2026, 3, 5)),
                                              ({"date": "not a date"}, None), ({}, None)])  # fmt: skip
def test_served_on_reads_the_http_date_as_a_utc_day(headers: dict[str, str], day: date | None) -> None:
    assert served_on(httpx.Headers(headers) if headers.get("Date") else headers) == day


def test_only_a_replayed_listing_is_dated(tmp_path: Path, shared_fixtures: Path) -> None:
    """A live listing is today's whatever its Date says (a clock ahead of the server's, a window ending later)."""
    from watchdesk.sources.edgar import fetch_submissions
    from watchdesk.sources.edgar_parse import submissions_url

    listing = (shared_fixtures / "edgar/submissions/CIK0000320193_APPLE.json").read_bytes()
    fake = CountingServer({submissions_url(320193): (200, listing)})
    with live_gateway(fake, [], record_dir=tmp_path / "rec") as gw:
        assert fetch_submissions(gw, 320193, agent="filings").served_on is None
    with replay_gateway(tmp_path / "rec", [], []) as gw:
        assert fetch_submissions(gw, 320193, agent="filings").served_on == date(2024, 1, 1)
