"""Noticed in session 30: from 981 pixels the page shows the wide charts, drawn with 10-pixel labels, and the net-tone
chart put every ticker's panel side by side, so a watchlist of four drew it 1,228 pixels wide: shrunk to the page's
column (~869 pixels at 981, 960 from ~1,090) its labels were 7 to 8 pixels high, the least a chart may shrink to, and it
scrolled. The wide charts now use 12-pixel labels and stay within 869 pixels: the tone chart's panels stand at most
three to a row and wrap below. Measured in Chromium on a briefing of four and of seven tickers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.test_a_charts_labels_touch_nothing import BOXES, CLEAR, _apart
from tests.unit.test_briefing_render import briefing
from watchdesk.agents.briefing.html import chart_weeks, render_html
from watchdesk.agents.briefing.model import WeekPoint

SIZES = """[...doc.querySelectorAll(".charts svg.wide")].map(svg => ({
  drawn: svg.getBoundingClientRect().width, own: svg.viewBox.baseVal.width,
  scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth,
  type: Math.min(...[...svg.querySelectorAll("text")].map(text => +text.getAttribute("font-size")))}))"""
# the bottoms of the first wide chart's turned (week) labels
TURNED = '[...[...doc.querySelectorAll(".charts svg.wide")][0].querySelectorAll("text[transform]")]' \
    ".map(text => text.getBoundingClientRect().bottom)"
TOPICS = ("inventory", "supply_chain", "geopolitical")


def _page(folder: Path, tickers: list[str]) -> Path:
    data = briefing(tickers=tickers)
    weeks = chart_weeks(data)
    history = [
        WeekPoint(week=week, ticker=ticker, topic=topic, mentions=3 + (n + i) % 4, positive=(n + i) % 3,
                  negative=(n * i) % 3)
        for n, ticker in enumerate(tickers) for i, week in enumerate(weeks[-8:]) for topic in TOPICS
    ]  # fmt: skip
    page = folder / f"{len(tickers)}.html"
    page.write_text(render_html(briefing(tickers=tickers, history=history)), encoding="utf-8")
    return page


@pytest.fixture(scope="module", params=[4, 7], ids=["four tickers", "seven tickers"])
def page(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    chromium()
    tickers = ["ASML", "NVDA", "TSM", "AMD", "MU", "INTC", "AVGO"][: request.param]
    page = _page(tmp_path_factory.mktemp("charts"), tickers)
    prefetch(page, [(SIZES, 981), (SIZES, 1280), (BOXES, 1280), (TURNED, 1280)])  # the module's four in one start
    return page


@pytest.mark.parametrize("width", [981, 1280])
def test_the_wide_charts_draw_12_pixel_labels_without_scrolling(page: Path, width: int) -> None:
    charts = measure(page, SIZES, width=width)
    assert len(charts) == 2
    for chart in charts:
        assert chart["own"] <= 869, chart  # the column of a 981-pixel page
        assert chart["type"] * chart["drawn"] / chart["own"] >= 11.9, chart
        assert not chart["scrolls"], chart


def test_the_panels_wrap_and_their_labels_touch_nothing(page: Path) -> None:
    tone, _ = measure(page, BOXES, width=1280)
    frames, labels = tone["frames"], tone["labels"]
    assert len({round(f["top"]) for f in frames}) == -(-len(frames) // 3)  # rows of three at most
    for label in labels:
        for frame in frames:
            inside = frame["left"] <= label["left"] and label["right"] <= frame["right"]  # a panel's own name
            assert inside or _apart(label, frame) >= CLEAR, (label, frame)
    for n, a in enumerate(labels):
        for b in labels[n + 1 :]:
            assert _apart(a, b) > 0, (a, b)


def test_the_rotated_week_labels_stay_clear_of_the_next_row(page: Path) -> None:
    """A row's week labels, turned 45 degrees, end above the panel names of the row below."""
    turned = measure(page, TURNED, width=1280)
    tone, _ = measure(page, BOXES, width=1280)
    tickers = {"ASML", "NVDA", "TSM", "AMD", "MU", "INTC", "AVGO"}
    for row_top in sorted({round(f["top"]) for f in tone["frames"]})[1:]:
        names = [n for n in tone["labels"] if n["text"] in tickers and row_top - 30 < n["bottom"] <= row_top]
        assert names and max(b for b in turned if b < row_top) + CLEAR <= min(n["top"] for n in names)
