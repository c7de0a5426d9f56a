"""A review: the HTML briefing opened 400 pixels wide (a phone, a narrow mail pane) shrank its SVG charts to the
page's width, the demo's mentions chart to 39% of its size: its 10-pixel week, tick and legend labels were drawn
under 4 pixels high, a grey smudge nobody could read, while the tables beside it kept their size and scrolled. A
chart now shrinks to no less than three quarters of its size (labels 7.5 pixels or more) and scrolls sideways in
its own box when the page is narrower; at 820 pixels the charts are drawn as before. (Under 700 pixels, then under
980, the page now shows each chart's narrow drawing instead, test_a_chart_reads_on_a_phone.py,
test_a_chart_reads_between_phone_and_desktop.py and test_a_chart_reads_on_a_small_desktop.py; the wide ones are
measured from 981 pixels, where none scrolls.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import demo_file

# per chart: its drawn width, its own width (viewBox) and the width of the box it sits in and may scroll
CHARTS = """[...doc.querySelectorAll(".charts svg.wide")].map(svg => ({
  drawn: svg.getBoundingClientRect().width, own: svg.viewBox.baseVal.width,
  box: svg.parentElement.clientWidth, scrolls: svg.parentElement.scrollWidth > svg.parentElement.clientWidth,
  right: svg.parentElement.getBoundingClientRect().right, page: doc.documentElement.clientWidth}))"""
LABEL = 12  # the charts' label size in pixels, at their own size


@pytest.fixture(scope="module")
def html(demo_folder: Path) -> Path:
    return demo_file(demo_folder, "html")


def test_the_wide_charts_show_and_stay_readable_from_981_pixels(html: Path) -> None:
    """Up to 980 pixels the page shows the narrow drawings (test_a_chart_reads_on_a_small_desktop.py); from there the
    wide ones are drawn at their own size (at most 869 pixels, the column of a 981-pixel page), nothing to scroll."""
    chromium()
    charts = measure(html, CHARTS, width=981)
    assert len(charts) == 2
    for chart in charts:
        assert chart["drawn"] == pytest.approx(min(chart["own"], chart["box"]), abs=1), chart
        assert LABEL * chart["drawn"] / chart["own"] >= 11.9, chart
        assert not chart["scrolls"], chart
        assert chart["right"] <= chart["page"], chart  # nothing runs past the page
