"""A review: news of a company was dropped when another company's run had read the same feed into the same store.
An item stored for Microsoft counted as a duplicate for Amazon and Alphabet when a later run (or a second watchlist)
watched them too, so their documents were never stored; and the feed's ETag was kept for the whole store, so a
second watchlist sent the first one's, got 304, and read none of the feed. Now an item is a duplicate only of what
is stored for the same company, and a feed's validators are kept per set of companies (and tiers) read from it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.loopback import Reply, conditional, serving
from watchdesk.agents import news
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.news.match import TickerTerms, terms_for
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

CNBC = "https://www.cnbc.com/id/100727362/device/rss/rss.html"
MSFT = terms_for("MSFT", sec_name="MICROSOFT CORP", aliases=["Microsoft"])
GOOGL = terms_for("GOOGL", sec_name="Alphabet Inc.", aliases=["Google"])
AMZN = terms_for("AMZN", sec_name="AMAZON COM INC", aliases=["Amazon"])


def news_docs(store: Store) -> list[tuple[str, str]]:
    return store.query("SELECT ticker, title FROM documents WHERE source = 'news' ORDER BY 1, 2")


def test_an_item_stored_for_one_company_is_stored_for_another(shared_fixtures: Path, tmp_path: Path) -> None:
    writer = PackWriter(tmp_path / "pack")
    body = (shared_fixtures / "feeds/cnbc_2026-03.rss.xml").read_bytes()
    writer.add(CNBC, 200, {"content-type": "application/rss+xml"}, body, source="fixture")
    writer.save()
    config = GatewayConfig(mode="replay", replay_dir=tmp_path / "pack", allowed_domains=("cnbc.com",))
    with Gateway(config, audit=AuditBuffer()) as gw:

        def collect(store: Store, tickers: tuple[TickerTerms, ...], run_id: str) -> news.NewsResult:
            req = news.NewsRequest(tickers=tickers, ciks={}, feeds=(news.FeedSpec(url=CNBC),), since=date(2026, 3, 1))
            return news.collect(req, fetcher=gw, store=store, run_id=run_id)

        with Store.open(tmp_path / "together.duckdb") as store:
            collect(store, (MSFT, GOOGL, AMZN), "r1")
            together = news_docs(store)
        with Store.open(tmp_path / "apart.duckdb") as store:
            collect(store, (MSFT,), "r1")  # a watchlist of Microsoft alone, or this one before it added the others
            later = collect(store, (MSFT, GOOGL, AMZN), "r2")
            apart = news_docs(store)
    assert {t for t, _ in together} == {"MSFT", "GOOGL", "AMZN"}  # the items name each company, some several
    assert apart == together
    # the second run stores the other companies' documents only: Microsoft's were stored by the first
    assert len(later.new_doc_ids) == len([t for t, _ in together if t != "MSFT"])


@pytest.fixture()
def feed_url(shared_fixtures: Path) -> Iterator[str]:
    """A loopback feed host that answers 304 when the ETag it gave is sent back."""
    body = (shared_fixtures / "feeds/cnbc_2026-03.rss.xml").read_bytes()
    with serving() as server:
        yield server.on("/rss.xml", conditional(Reply(body=body, headers={"Content-Type": "application/rss+xml",
                                                                          "ETag": '"v1"'})))  # fmt: skip


def test_a_second_watchlist_reads_a_feed_the_first_has_read(feed_url: str, tmp_path: Path) -> None:
    config = GatewayConfig(mode="live", allowed_domains=("127.0.0.1",), rate_limits={"127.0.0.1": 100.0})
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:

        def collect(tickers: tuple[TickerTerms, ...], run_id: str) -> news.NewsResult:
            req = news.NewsRequest(tickers=tickers, ciks={}, feeds=(news.FeedSpec(url=feed_url, tier="established"),),
                                   since=date(2026, 3, 1))  # fmt: skip
            return news.collect(req, fetcher=gw, store=store, run_id=run_id)

        collect((MSFT,), "watchlist-a")
        b = collect((AMZN,), "watchlist-b")
        amazon = news_docs(store)
        b_again = collect((AMZN,), "watchlist-b-later")  # the same watchlist again: unchanged, 304
        a_again = collect((MSFT,), "watchlist-a-later")  # its own validators kept beside B's
    assert b.not_modified == 0 and len(b.new_doc_ids) == 1
    assert ("AMZN", "Amazon says Anthropic’s Claude still OK for AWS customers to use outside defense work") in amazon
    assert b_again.not_modified == 1 and a_again.not_modified == 1


def test_a_feeds_token_cannot_be_recovered_from_its_cursor_key() -> None:
    """A review (session 27): the cursor key hashed the feed's URL with its ?token= and everything else in the key,
    all of which the database holds, so a 6-digit token came back from the key by trial in 9 s. The key now hashes the
    redacted URL: two tokens of one feed give one key, which holds nothing of either."""
    from watchdesk.agents import news
    from watchdesk.sources.news.match import terms_for

    req = news.NewsRequest(tickers=(terms_for("AAPL", sec_name="Apple Inc.", aliases=()),), ciks={"AAPL": 320193},
                           feeds=())  # fmt: skip
    feed = news.FeedSpec(url="https://feeds.example.com/rss?token=483920")
    one = news._feed_key("https://feeds.example.com/rss?token=483920", feed=feed, req=req)
    other = news._feed_key("https://feeds.example.com/rss?token=111111", feed=feed, req=req)
    assert one == other and "483920" not in one


def test_an_old_stores_feed_cursor_keeps_no_token(tmp_path: Path) -> None:
    """Watchdesk before d4c58d4 kept a feed's ETag under 'feed:' and its URL, ?token= in clear; later runs no longer
    read that row (each feed was read in full once more, its validators kept under the redacted key), and the token
    stayed in the database. Opening the store now drops such rows; a cursor without a secret stays."""
    from watchdesk.sources.news.fetch import FeedState

    db, token = tmp_path / "old.duckdb", "483920"
    with Store.open(db) as store:  # as the news agent wrote it then: store.set_cursor(source=f"feed:{url}")
        store.set_cursor(ticker="-", source=f"feed:https://feeds.example.com/rss?token={token}",
                         value=FeedState(etag='"v1"').dumps())  # fmt: skip
        store.set_cursor(ticker="-", source=f"feed:{CNBC}", value=FeedState(etag='"v2"').dumps())
        store.set_cursor(ticker="NVDA", source="transcripts", value="NVDA:2025-Q1:2024-05-22")
        req = news.NewsRequest(tickers=(MSFT,), ciks={"MSFT": 789019}, feeds=())
        today = news._feed_key(url := "https://feeds.example.com/rss?sid=42.", feed=news.FeedSpec(url=url), req=req)
        store.set_cursor(ticker="-", source=today, value=FeedState(etag='"v3"').dumps())  # its digest ends it
    with Store.open(db) as store:
        kept = store.query("SELECT ticker, source FROM cursors ORDER BY source")
    assert token not in str(kept)
    assert kept == sorted([("-", f"feed:{CNBC}"), ("-", today), ("NVDA", "transcripts")], key=lambda r: r[1])
