"""News: which watched company an item names (look-alikes rejected) and how credible its source is."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.sources.news.feeds import discover_feeds, parse_feed
from watchdesk.sources.news.match import company_name, match_tickers, terms_for
from watchdesk.sources.news.tiers import at_least, tier_for

TERMS = [
    terms_for("NVDA", sec_name="NVIDIA CORP", aliases=["Nvidia"]),
    terms_for("TSM", sec_name="TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD", aliases=["TSMC", "Taiwan Semiconductor"]),
    terms_for("ASML", sec_name="ASML HOLDING NV"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nvidia's H20 sales to China halted", ["NVDA"]),
        ("NVIDIA Corporation", ["NVDA"]),
        ("Shares of $NVDA rose 3%", ["NVDA"]),
        ("NASDAQ:NVDA closed higher", ["NVDA"]),
        ("results (NYSE: TSM).", ["TSM"]),
        ("TSMC raises capex; ASML's EUV orders jump", ["TSM", "ASML"]),
        ("Taiwan Semiconductor Manufacturing Co. said", ["TSM"]),
        ("Nvidia-backed startup raises $1bn", ["NVDA"]),
    ],
)
def test_names_aliases_and_ticker_forms_match(text: str, expected: list[str]) -> None:
    assert match_tickers(text, TERMS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "$NVDAX fund flows",  # another symbol that starts with NVDA
        "NVDAL, a leveraged ETF, fell",
        "ASMLF trades over the counter",  # not ASML's own listing
        "ASM International beat estimates",  # a different lithography-adjacent company
        "the nvidia-smi tool",  # a command, lower case
        "tsmc-style packaging in lower case",
        "GraniteShares 2x Long NVDA Daily ETF",  # a bare symbol in prose is too ambiguous
        "see www.nvidia.com for details",
    ],
)
def test_look_alikes_are_rejected(text: str) -> None:
    assert match_tickers(text, TERMS) == []


def test_a_feeds_own_symbol_tags_count_exactly(shared_fixtures: Path) -> None:
    items = parse_feed((shared_fixtures / "feeds/seekingalpha_2026-03.rss.xml").read_bytes(),
                       feed_url="https://seekingalpha.com/api/sa/combined/AAPL.xml")
    matched = [match_tickers(f"{i.title}\n{i.summary}", TERMS, categories=i.categories) for i in items]
    # 11 items are tagged NVDA (NVDA:CA never alone); 5 of them carry over 20 tags (holdings lists, market
    # calendars) and do not name Nvidia: since session 22 those are about no company by their tags alone
    assert sum("NVDA" in m for m in matched) == 6
    assert sum("TSM" in m for m in matched) == 0 and sum("ASML" in m for m in matched) == 0
    long_lists = [i for i in items if len(set(i.categories)) > 20]
    assert long_lists and not any(match_tickers(i.title, TERMS, categories=i.categories) for i in long_lists)


def test_company_names_drop_legal_forms() -> None:
    assert company_name("TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD") == "TAIWAN SEMICONDUCTOR MANUFACTURING"
    assert company_name("ASML HOLDING NV") == "ASML"


def test_tiers_default_by_domain_and_can_be_overridden() -> None:
    assert tier_for("https://www.sec.gov/news/pressreleases.rss") == "primary"
    assert tier_for("https://pr.tsmc.com/english/rss") == "primary"
    assert tier_for("https://search.cnbc.com/rs/search/combinedcms/view.xml") == "established"
    assert tier_for("https://www.reuters.com") == "established"
    assert tier_for("https://seekingalpha.com/feed.xml") == "other"
    assert tier_for("https://seekingalpha.com/feed.xml", overrides={"seekingalpha.com": "established"}) == "established"
    assert at_least("primary", "established") and not at_least("other", "established")


def test_feed_discovery_reads_link_alternate() -> None:
    page = b"""<html><head><title>Newsroom</title>
    <link rel="alternate" type="application/rss+xml" title="Press releases" href="/releases.rss">
    <link rel="alternate" type="application/atom+xml" href="https://example.com/atom.xml">
    <link rel="stylesheet" href="/site.css"><link rel="alternate" hreflang="fr" href="/fr/"></head></html>"""
    assert discover_feeds(page, base_url="https://ir.example.com/news/") == [
        "https://ir.example.com/releases.rss", "https://example.com/atom.xml"]


def test_every_fixture_feed_and_edgar_atom_page_parses(shared_fixtures: Path) -> None:
    paths = sorted((shared_fixtures / "feeds").glob("*.xml")) + sorted(
        (shared_fixtures / "edgar/atom_rss").glob("getcurrent_*.atom.xml"))
    for path in paths:
        items = parse_feed(path.read_bytes(), feed_url="https://example.com/feed")
        assert items and all(i.title and i.link and i.published for i in items), path.name
    atom = parse_feed((shared_fixtures / "edgar/atom_rss/getcurrent_all_start4300_count100_2026-01-12.atom.xml")
                      .read_bytes(), feed_url="https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent")
    tsmc = [i for i in atom if "TAIWAN SEMICONDUCTOR" in i.title.upper()]
    assert tsmc and tsmc[0].title.startswith("6-K") and match_tickers(tsmc[0].title, TERMS) == ["TSM"]
