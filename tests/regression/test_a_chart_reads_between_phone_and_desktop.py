"""A review: the HTML briefing opened 700 to 850 pixels wide (a tablet, a half-screen window) showed the wide charts
shrunk to the page, the demo's mentions chart (870 pixels) to 77% at 780: its 10-pixel week, tick and legend labels
were drawn about 8 pixels high, too small to read, where a phone got the narrow drawing with labels 11 pixels or
more. Under 850 pixels the page now shows each chart's narrow drawing (panels stacked, 15-pixel type) at its own
size; from 850 up the wide ones as before (test_a_chart_stays_readable_on_a_narrow_screen.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# the charts a reader sees: which drawing, its drawn and own width, its smallest type, and whether its box scrolls
SHOWN = """[...doc.querySelectorAll(".charts svg")].filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => ({drawing: svg.getAttribute("class"), drawn: svg.getBoundingClientRect().width,
    own: svg.viewBox.baseVal.width, scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth,
    type: Math.min(...[...svg.querySelectorAll("text")].map(text => +text.getAttribute("font-size")))}))"""
WIDTHS = [701, 849]


@pytest.fixture(scope="module", autouse=True)
def _laid_out_at_once(demo_folder: Path) -> None:
    """Both widths laid out in one Chromium start (tests/browser.prefetch), which measure() then reads."""
    chromium()
    prefetch(demo_file(demo_folder, "html"), [(SHOWN, width) for width in WIDTHS])


@pytest.mark.parametrize("width", WIDTHS)
def test_chart_labels_are_11_pixels_or_more_under_850_pixels(demo_folder: Path, width: int) -> None:
    chromium()
    charts = measure(demo_file(demo_folder, "html"), SHOWN, width=width)
    assert [c["drawing"] for c in charts] == ["narrow", "narrow"], charts
    for chart in charts:
        assert chart["type"] * chart["drawn"] / chart["own"] >= 11, chart
        assert not chart["scrolls"], chart

