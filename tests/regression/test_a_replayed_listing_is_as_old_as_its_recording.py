"""A review: `watchdesk brief --week 2026-W29` of the demo database (the README's featured week) said "No new
documents for NVDA in this period (nothing filed, called or published 2026-07-13 to 2026-07-19)", and 2026-W22 the same
for 2026-05-25 to 2026-05-31, though the only NVIDIA listing the demo replays was served by SEC on 2026-03-05 (fixtures
MANIFEST: a VCR cassette's answer, "HTTP 200, Thu, 05 Mar 2026 11:20:23 GMT") and the demo runs as of 2026-09-01: the
listing cannot hold a later filing, so those weeks are not known, not quiet. A pack now keeps each answer's Date header
(the demo pack's from the fixtures' MANIFEST, a `--record` pack's as served), and the filings step stores the days
after a listing's Date as a read cut: no gap, no failure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.regression.demo_briefs import FEEDS, brief_md, missing
from tests.unit.test_replay import TICKERS, TICKERS_BODY, CountingServer, live_gateway, replay_gateway
from watchdesk.graph.demo import demo_fixtures
from watchdesk.sources.edgar import served_on

STALE = "the runs replayed a listing served on 2026-03-05, which holds no filing made after it"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path_factory.mktemp("served_on"))


@pytest.mark.parametrize(("week", "span"), [("2026-W29", "2026-07-13 to 2026-07-19"),
                                            ("2026-W22", "2026-05-25 to 2026-05-31")])  # fmt: skip
@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_weeks_after_the_recorded_listing_are_not_said_to_be_quiet(db: Path, tmp_path: Path, week: str,
                                                                   span: str) -> None:  # fmt: skip
    lines = missing(brief_md(db, tmp_path, "--week", week)).splitlines()
    line = next(line for line in lines if "for NVDA" in line)
    assert "(nothing filed" not in line, line
    assert f"whether anything was filed, called or published {span} is not known: {STALE};" in line, line
    # the news the demo replays is as old as its feeds (a walkthrough, session 27: "Nothing was published in it")
    if (demo_fixtures() / "feeds").is_dir():  # without the fixtures the demo reads no feed
        assert line.endswith(f"; {FEEDS}."), line
    assert "Nothing was published" not in line


def test_a_week_the_listing_covers_still_says_what_it_knows(db: Path, tmp_path: Path) -> None:
    """2026-W05 is before the listing's day: its limit_per_form cut is said, not the listing's age."""
    line = next(x for x in missing(brief_md(db, tmp_path, "--week", "2026-W05")).splitlines() if "for NVDA" in x)
    assert STALE not in line and "limit_per_form = 1" in line, line


def test_a_recorded_pack_keeps_the_date_it_was_served(tmp_path: Path) -> None:
    fake = CountingServer({TICKERS: (200, TICKERS_BODY)})
    with live_gateway(fake, [], record_dir=tmp_path / "rec") as gw:
        gw.get(TICKERS, agent="filings")
    with replay_gateway(tmp_path / "rec", [], []) as gw:
        assert served_on(gw.get(TICKERS, agent="filings").headers) == date(2023, 12, 31)  # 19:00 in New York


@pytest.mark.parametrize(("headers", "day"), [({"Date": "Thu, 05 Mar 2026 23:59:59 GMT"}, date(2026, 3, 5)),
                                              ({"date": "Fri, 06 Mar 2026 01:00:00 +0200"}, date(2026, 3, 5)),
                                              # a code review: Marvell's listing, 21:14 on 06-07 in New York
                                              ({"date": "Mon, 08 Jun 2026 01:14:09 GMT"}, date(2026, 6, 7)),
                                              ({"date": "not a date"}, None), ({}, None)])  # fmt: skip
def test_served_on_reads_the_http_date_as_edgars_day(headers: dict[str, str], day: date | None) -> None:
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
        assert fetch_submissions(gw, 320193, agent="filings").served_on == date(2023, 12, 31)


def test_the_day_it_was_served_is_not_known_either() -> None:
    """A code review: NVIDIA's listing was served at 06:20 in New York on 2026-03-05; a filing later that day is not
    in it, so the cut starts on that day, not the next."""
    from watchdesk.agents.filings import listing_age
    from watchdesk.sources.models import Filing, Submissions

    filing = Filing(cik=1045810, accession="0001045810-26-000024", form="8-K", filing_date=date(2026, 3, 4),
                    report_date=None, primary_document="x.htm")  # fmt: skip
    served = Submissions(cik=1045810, name="NVIDIA", tickers=("NVDA",), filings=(filing,), replayed=True,
                         served_on=date(2026, 3, 5))  # fmt: skip
    assert listing_age(served) == (date(2026, 3, 5), "replayed a listing served on 2026-03-05, which holds no "
                                                     "filing made after it")  # fmt: skip
    undated = Submissions(cik=1045810, name="NVIDIA", tickers=("NVDA",), filings=(filing,), replayed=True)
    assert listing_age(undated) == (date(2026, 3, 5), "replayed a listing recorded without its date, whose newest "
                                                      "filing is of 2026-03-04: later ones are not known")  # fmt: skip
    assert listing_age(Submissions(cik=1045810, name="NVIDIA", tickers=("NVDA",), filings=(filing,))) is None


def test_a_pack_recorded_without_dates_is_as_old_as_its_newest_filing(tmp_path: Path) -> None:
    """A code review: a pack recorded before packs kept the Date said 'nothing filed' for 2026-W29 again; its listing
    is now known only up to its newest filing (NVIDIA's of early March 2026)."""
    import json
    import shutil
    from datetime import timedelta

    from watchdesk.agents.filings import listing_age
    from watchdesk.graph.demo import demo_pack
    from watchdesk.sources.edgar import fetch_submissions
    from watchdesk.sources.gateway import Gateway, GatewayConfig

    pack = tmp_path / "pack"
    shutil.copytree(demo_pack(), pack)
    index = json.loads((pack / "index.json").read_text())
    for entry in index["responses"]:
        entry["headers"].pop("date", None)
    (pack / "index.json").write_text(json.dumps(index))
    with Gateway(GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",))) as gw:
        subs = fetch_submissions(gw, 1045810, agent="filings")
    assert subs.replayed and subs.served_on is None
    newest = max(f.filing_date for f in subs.filings)
    assert listing_age(subs) == (newest + timedelta(days=1), "replayed a listing recorded without its date, whose "
                                 f"newest filing is of {newest.isoformat()}: later ones are not known")  # fmt: skip
