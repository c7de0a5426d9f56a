"""A review: a news item was dated by its UTC day, so one a US outlet published in the evening was briefed as the
next day's. Seeking Alpha's "Top 50 High-Quality Dividend Growth Stocks For March 2026" ("Tue, 03 Mar 2026
20:04:12 -0500" in its feed; its page says March 3) was stored and shown as published 2026-03-04, and counted in
that day's week: a reader checking the article found another date. An item now keeps the day its feed gives, in
the feed's own time zone (what the outlet's page shows), and the News section says so; a feed that gives UTC
("+0000", "GMT") is dated in UTC as before."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from watchdesk.agents import news
from watchdesk.agents.briefing.news_part import gather_news, render_news
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.news.feeds import parse_feed
from watchdesk.sources.news.match import terms_for
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

SA = "https://seekingalpha.com/api/sa/combined/AAPL.xml"
NYT = "https://rss.nytimes.com/services/xml/rss/nyt/Business.xml"
TITLE = "Top 50 High-Quality Dividend Growth Stocks For March 2026"


@pytest.fixture
def feeds(shared_fixtures: Path) -> dict[str, bytes]:
    names = {SA: "seekingalpha_2026-03.rss.xml", NYT: "nytimes_2026-03.rss.xml"}
    paths = {url: shared_fixtures / "feeds" / name for url, name in names.items()}
    if not all(p.is_file() for p in paths.values()):
        pytest.skip("the 2026 news feeds are not in ../shared/fixtures/feeds")
    return {url: p.read_bytes() for url, p in paths.items()}


def test_an_item_is_dated_in_its_feeds_time_zone(feeds: dict[str, bytes]) -> None:
    (item,) = [i for i in parse_feed(feeds[SA], feed_url=SA) if i.title == TITLE]
    assert item.published is not None
    assert item.published.date() == date(2026, 3, 3) and item.published.utcoffset() == timedelta(hours=-5)
    # a feed that says UTC stays in UTC: the Times' "Thu, 05 Mar 2026 21:05:52 +0000"
    times = {i.title: i.published for i in parse_feed(feeds[NYT], feed_url=NYT)}
    oil = times["Oil Jumps, Stocks Drop as Investors Grapple With Iran War’s Impact"]
    assert oil is not None and oil.utcoffset() == timedelta(0) and oil.date() == date(2026, 3, 5)


def test_the_briefing_shows_the_feeds_day_and_says_so(feeds: dict[str, bytes], tmp_path: Path) -> None:
    writer = PackWriter(tmp_path / "pack")
    writer.add(SA, 200, {"content-type": "application/rss+xml"}, feeds[SA], source="fixture")
    writer.save()
    # a watchlist on dividend-growth stocks: the item names no company, its headline names the theme
    req = news.NewsRequest(tickers=(terms_for("SCHD", aliases=["Dividend Growth Stocks"]),), ciks={},
                           feeds=(news.FeedSpec(url=SA, tier="established"),))  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=tmp_path / "pack", allowed_domains=("seekingalpha.com",))
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        news.collect(req, fetcher=gw, store=store, run_id="r1")
        stored = store.query("SELECT title, filed_at FROM documents")
        entries = gather_news(store, tickers=["SCHD"], start=date(2026, 3, 2), end=date(2026, 3, 8))
    assert stored == [(TITLE, date(2026, 3, 3))]
    body = render_news(entries, tickers=["SCHD"])
    assert f"- 2026-03-03 · **seekingalpha.com** (established outlet) · {TITLE}" in body, body
    assert "dated by the day its feed gives, in the feed's own time zone" in body, body
