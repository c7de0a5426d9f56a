"""A security review (session 23): any feed could raise its items' credibility tier, and name their outlet, by
writing `<source url="https://www.sec.gov/">SEC</source>` on each item: the tier was read from the outlet an item
names, whatever feed it came from, so an "other" feed's items passed min_tier = "established" (or read as primary,
"SEC") in the briefing. The README says this is an aggregator's item naming its outlet (Google News' <source>): only
an aggregator's feed is now read so; any other feed's items take the feed's own tier and name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from watchdesk.agents import news
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.news.match import terms_for
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

GOOGLE = "https://news.google.com/rss/search?q=site:reuters.com+markets"
COPY = "https://feeds.example.com/markets.rss"  # the same bytes, from a feed that is no aggregator


def collect(shared_fixtures: Path, tmp_path: Path, url: str, min_tier: str) -> list[tuple[str, str]]:
    writer = PackWriter(tmp_path / "pack")
    body = (shared_fixtures / "feeds" / "google_2026-03.rss.xml").read_bytes()
    writer.add(url, 200, {"content-type": "application/rss+xml"}, body, source="fixture")
    writer.save()
    req = news.NewsRequest(
        tickers=(terms_for("META", sec_name="META PLATFORMS INC", aliases=["Meta"]),), ciks={"META": 1326801},
        feeds=(news.FeedSpec(url=url, name="markets"),), since=date(2026, 3, 1), min_tier=min_tier,  # type: ignore[arg-type]
    )  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=tmp_path / "pack", allowed_domains=("google.com", "example.com"))
    with Store.open(tmp_path / f"{min_tier}.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        news.collect(req, fetcher=gw, store=store, run_id="r1")
        return [(r[0], r[1]) for r in store.query("SELECT tier, provider FROM documents WHERE source = 'news'")]


def test_an_aggregators_item_takes_the_tier_of_the_outlet_it_names(shared_fixtures: Path, tmp_path: Path) -> None:
    assert collect(shared_fixtures, tmp_path, GOOGLE, "established") == [("established", "Reuters")]


def test_another_feed_cannot_claim_an_outlet(shared_fixtures: Path, tmp_path: Path) -> None:
    assert collect(shared_fixtures, tmp_path, COPY, "established") == []
    assert collect(shared_fixtures, tmp_path, COPY, "other") == [("other", "markets")]
