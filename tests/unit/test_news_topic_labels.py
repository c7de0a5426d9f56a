"""The hand-labelled news items (tests/labels/news_topics/, see its README.md): rows well formed and still the
items of fixtures/feeds/ they were read as, and the flagger's measured figures as floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.labels import news_topics as news

TOPICS = {"inventory", "supply_chain", "geopolitical"}
POLARITIES = {"positive", "negative", "neutral"}
FEEDS = {
    "held": {"cnbc_2026-03.rss.xml", "nytimes_2026-03.rss.xml", "seekingalpha_2026-03.rss.xml"},
    "tune": {"google_2026-03.rss.xml"},
    "blind": {"cnbc_top_news_2014-03-13.rss.xml", "cnnmoney_latest_2014.rss.xml", "sec_pressreleases.rss.xml",
              "thestreet_market_strategy_2014.rss.xml", "thestreet_mutual_fund_etf_report_2014.rss.xml"},
}  # fmt: skip


@pytest.mark.fixtures
@pytest.mark.parametrize("part", ["held", "tune", "blind", "held_second_reader"])
def test_rows_are_every_item_of_their_feeds_and_their_text_unchanged(shared_fixtures: Path, part: str) -> None:
    rows = news.rows(part)
    for r in rows:
        assert set(r) == {"feed", "link", "sha", "topics"}  # no third-party text in the repository
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES
        news.text_of(shared_fixtures, r)  # raises when the text is not the one labelled
    feeds = FEEDS[part.removesuffix("_second_reader")]
    assert sorted((r["feed"], r["link"]) for r in rows) == sorted(
        (feed, link) for feed in feeds for link in news.item_texts(shared_fixtures, feed)
    )


@pytest.mark.fixtures
def test_flagging_reads_news_as_measured(shared_fixtures: Path) -> None:
    """tests/labels/news_topics/README.md's figures as floors. Before flagging v0.22 geopolitics were 0.93 / 0.42 /
    0.50 on the held-out items and 1.00 / 0.06 / 0.50 on the TUNE part (wars named by their place were no mention).
    The 2014 items hold 117 with no topic and three mentions the flagger misses: no item is flagged."""
    held = news.measured(shared_fixtures, "held")
    assert all(f >= low for f, low in zip(held["geopolitical"][:3], (0.84, 0.92, 0.66), strict=True)), held
    # supply chain: v0.22-v0.24 and v0.27 0.75 / 0.25, v0.25-v0.26 0.83 / 0.42 (tests/labels/news_topics/README.md)
    assert held["supply_chain"][:3] == pytest.approx((0.80, 0.33, 1.0), abs=0.01), held
    tune = news.measured(shared_fixtures, "tune")
    assert all(f >= low for f, low in zip(tune["geopolitical"][:3], (0.98, 0.79, 0.77), strict=True)), tune
    assert sum(bool(news.flagged(news.text_of(shared_fixtures, r))) for r in news.rows("blind")) == 0


def test_the_second_reader_agrees_with_the_labels() -> None:
    first, second = news.rows("held"), news.rows("held_second_reader")
    agreement = news.scores([(x["topics"], y["topics"]) for x, y in zip(first, second, strict=True)])
    geo = agreement["geopolitical"][:3]
    assert all(f >= low for f, low in zip(geo, (1.0, 0.96, 0.93), strict=True)), geo
    assert agreement["supply_chain"][:3] == (1.0, 1.0, 1.0)


@pytest.mark.fixtures
def test_the_briefings_method_text_quotes_the_news_figures(shared_fixtures: Path) -> None:
    from watchdesk.agents.briefing.render import NEWS_MEASURED

    held = news.measured(shared_fixtures, "held")
    for topic, name in (("geopolitical", "geopolitics"), ("supply_chain", "supply chain")):
        assert f"{name} {' / '.join(f'{x:.2f}' for x in held[topic][:3])}" in NEWS_MEASURED
