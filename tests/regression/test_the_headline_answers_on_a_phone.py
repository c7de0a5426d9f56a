"""A review: 390 pixels wide (a phone), the HTML briefing's headline table showed its Ticker, Topic and counts, and its
Net tone and Trend columns, the answer to "warning or good news?", began at x=463 and x=606, off the screen: only a
shade at the table's edge hinted at them. Under 820 pixels each row of the headline table is now a card: ticker and
topic, then net tone and trend, then the counts, each labelled, none of it past the screen's edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import demo_file

WIDTH = 390
# the headline table's headings, its box, and each body cell's text and where it is drawn
HEADLINE = """(t => ({
  heads: [...t.rows[0].cells].map(c => c.textContent.trim()),
  box: t.parentElement.getBoundingClientRect().right,
  scrolls: t.parentElement.scrollWidth > t.parentElement.clientWidth,
  rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => {
    const b = c.getBoundingClientRect();
    return {text: c.innerText.trim(), left: b.left, right: b.right, width: b.width};
  }))}))(doc.querySelector("section.headline table"))"""


def cells(table: dict[str, Any], heading: str) -> list[dict[str, Any]]:
    """The body cells of the measured table's column named `heading`, one per row."""
    at = table["heads"].index(heading)
    return [row[at] for row in table["rows"]]


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_net_tone_and_trend_are_on_a_phones_screen(demo_folder: Path) -> None:
    chromium()
    table = measure(demo_file(demo_folder, "html"), HEADLINE, width=WIDTH)
    assert len(table["rows"]) == 6  # the demo's NVDA and TSM rows
    edge = min(WIDTH, table["box"])
    for heading in ("Net tone", "Trend"):
        off = [(c["text"], round(c["right"])) for c in cells(table, heading) if c["right"] > edge or not c["width"]]
        assert off == [], f"{heading} cells past the screen's edge ({edge:.0f} px)"
    assert not table["scrolls"]
