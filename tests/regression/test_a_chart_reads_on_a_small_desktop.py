"""A review: the HTML briefing opened 851 to 980 pixels wide (a small laptop window, a tablet held sideways) showed
the wide charts shrunk to the page: the demo's mentions chart (870 pixels) drawn 739 pixels wide at 851, its
10-pixel week, tick and legend labels 8.5 pixels high (9.1 at 900, 9.6 at 950), where a page under 850 pixels got
the narrow drawings with labels of 11 pixels or more. Up to 980 pixels the page now shows the narrow drawings, and
from 851 the two stand side by side, each half the page: labels 12.3 pixels high at 851, 13.2 at 900, 14.5 at 979.
From 981 pixels the wide charts show at (nearly) their own size, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# the charts a reader sees: which drawing, where, its drawn and own width, its smallest type, whether its box scrolls
SHOWN = """[...doc.querySelectorAll(".charts svg")].filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => ({drawing: svg.getAttribute("class"), drawn: svg.getBoundingClientRect().width,
    top: svg.getBoundingClientRect().top, right: svg.getBoundingClientRect().right,
    page: doc.documentElement.clientWidth, own: svg.viewBox.baseVal.width,
    scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth,
    type: Math.min(...[...svg.querySelectorAll("text")].map(text => +text.getAttribute("font-size")))}))"""
NARROW = [851, 900, 950, 980]


@pytest.fixture(scope="module", autouse=True)
def _laid_out_at_once(demo_folder: Path) -> None:
    """The five widths laid out in one Chromium start (tests/browser.prefetch), which measure() then reads."""
    chromium()
    prefetch(demo_file(demo_folder, "html"), [(SHOWN, width) for width in [*NARROW, 981]])


@pytest.mark.parametrize("width", NARROW)
def test_chart_labels_are_11_pixels_or_more_from_851_to_980_pixels(demo_folder: Path, width: int) -> None:
    chromium()
    charts = measure(demo_file(demo_folder, "html"), SHOWN, width=width)
    assert [c["drawing"] for c in charts] == ["narrow", "narrow"], charts
    for chart in charts:
        assert chart["type"] * chart["drawn"] / chart["own"] >= 12, chart
        assert not chart["scrolls"], chart
        assert chart["right"] <= chart["page"], chart
    tone, mentions = charts
    assert tone["top"] == mentions["top"] and tone["right"] < mentions["right"], "side by side"


def test_the_wide_charts_show_from_981_pixels(demo_folder: Path) -> None:
    chromium()
    charts = measure(demo_file(demo_folder, "html"), SHOWN, width=981)
    assert [c["drawing"] for c in charts] == ["wide", "wide"], charts
    assert [round(c["type"] * c["drawn"] / c["own"]) for c in charts] == [12, 12]  # their own size
