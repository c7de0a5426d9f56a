"""Bug (an analyst's walkthrough): NYT's "Oil Jumps, Stocks Drop as Investors Grapple With Iran War's Impact" is kept
for NVDA because the outlet tagged it "NVIDIA Corporation", though its headline and summary never name the company;
the demo's 2026-W10 NVDA geopolitical row (3 warnings, net -1.00) rested on such market stories alone, and the
briefing introduced them as items "that name the company". Now such an item is stored as news named only in its
tags, and the briefing says so beside it (the News list, the tone table's document label)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.integration.test_news_agent import NYT, pack, replay, request  # noqa: F401 (pack: the fixture)
from watchdesk.agents import news
from watchdesk.agents.briefing.news_part import NewsEntry, gather_news, render_news
from watchdesk.store.store import Store


def test_an_item_named_only_in_its_tags_is_marked(pack: Path, tmp_path: Path) -> None:  # noqa: F811
    with Store.open(tmp_path / "db.duckdb") as store:
        replay(pack, store, request(news.FeedSpec(url=NYT, name="NYT")), domains=("nytimes.com",))
        kinds = dict(store.query("SELECT title, doc_type FROM documents WHERE source = 'news' AND ticker = 'NVDA'"))
        entries = gather_news(store, tickers=["NVDA"], start=date(2026, 3, 1), end=date(2026, 3, 31))
    assert kinds["Oil Jumps, Stocks Drop as Investors Grapple With Iran War’s Impact"] == news.TAGGED_ONLY
    named = [t for t, k in kinds.items() if k == "news"]
    assert all("nvidia" in t.lower() for t in named), named  # those kept as plain news name it in the headline
    said = render_news(entries, tickers=["NVDA"])
    oil = next(line for line in said.splitlines() if "Oil Jumps" in line)
    assert oil.endswith(" · named only in the outlet's tags"), oil
    assert "kept because the outlet tagged it with the company, is marked so" in said


def test_an_item_naming_the_company_is_not_marked() -> None:
    entry = NewsEntry(doc_id="d", ticker="NVDA", title="Nvidia beats", url="https://example.com/a", outlet="X",
                      tier="other", published=date(2026, 3, 2))  # fmt: skip
    assert "named only" not in render_news([entry], tickers=["NVDA"]).splitlines()[-1]
