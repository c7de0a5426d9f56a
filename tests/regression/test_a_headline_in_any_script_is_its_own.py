"""A review: the news agent's headline key kept only a-z and 0-9, so two different Chinese headlines about TSMC on
one day both keyed to "tsmc" and the second was counted a duplicate, never stored (a TSMC watchlist reading a
Chinese- or Japanese-language feed). And its " - Outlet" rule cut any headline after its last dash, from any feed:
Seeking Alpha's "Apple's Agentic Moment Is Here - But It Isn't Siri" keyed as "apple s agentic moment is here".
Now the key keeps letters of every script, and drops only the outlet an aggregator's item names (Google News's
" - Reuters"), so that item still meets the same headline from the outlet's own feed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from watchdesk.agents import news
from watchdesk.sources.news.feeds import NewsItem, parse_feed
from watchdesk.sources.news.match import terms_for
from watchdesk.store.store import Store

CNBC = "https://www.cnbc.com/id/100727362/device/rss/rss.html"
SA = "https://seekingalpha.com/api/sa/combined/AAPL.xml"
GOOGLE = "https://news.google.com/rss/search?q=site:reuters.com+markets"
REUTERS = "https://www.reuters.com/markets/rss"
TSMC = terms_for("TSM", sec_name="TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD", aliases=["TSMC"])


def feed(shared_fixtures: Path, name: str, url: str) -> list[NewsItem]:
    return parse_feed((shared_fixtures / "feeds" / name).read_bytes(), feed_url=url)


def test_two_different_chinese_headlines_of_one_day_are_both_stored(shared_fixtures: Path) -> None:
    items = feed(shared_fixtures, "cnbc_2026-03.rss.xml", CNBC)
    # two real items of one day, as a Taiwanese outlet titles them (TSMC named in Latin letters, as such headlines do)
    a = replace(items[0], title="台積電 TSMC 第一季營收創新高", summary="")
    b = replace(items[1], title="TSMC 美國亞利桑那廠延後量產", summary="", published=items[0].published)
    req = news.NewsRequest(tickers=(TSMC,), ciks={}, feeds=(news.FeedSpec(url=CNBC, tier="established"),))
    result = news.NewsResult()
    seen: set[tuple[str, str]] = set()
    heads: dict = {}
    with Store.open(":memory:") as store:
        for item in (a, b, a):
            news._consider(item, feed=req.feeds[0], req=req, store=store, run_id="r1", seen=seen, heads=heads,
                           result=result)  # fmt: skip
    assert (len(result.new_doc_ids), result.duplicates) == (2, 1)


def test_a_headline_with_a_dash_is_kept_whole(shared_fixtures: Path) -> None:
    (apple,) = [i for i in feed(shared_fixtures, "seekingalpha_2026-03.rss.xml", SA) if "Agentic" in i.title]
    assert apple.title == "Apple's Agentic Moment Is Here - But It Isn't Siri"
    assert news.headline_key(apple.title) == "apple s agentic moment is here but it isn t siri"


def test_an_aggregators_outlet_is_left_out_of_the_key(shared_fixtures: Path) -> None:
    google = feed(shared_fixtures, "google_2026-03.rss.xml", GOOGLE)[0]
    assert google.title.endswith(" - Reuters") and google.source_name == "Reuters"
    own = google.title.removesuffix(" - Reuters")  # the same headline in Reuters' own feed
    assert news.headline_key(google.title, outlet="Reuters") == news.headline_key(own)
    assert news.headline_key(google.title) != news.headline_key(own)  # from any other feed, the words are its own
