"""A review: 400 pixels wide, the demo briefing's Gaps ran out of the page: a web address in a gap's reason
("https://www.sec.gov/Archives/edgar/data/1045810/000104581026000021/nvda-20260125.htm") is text, not a link, so it
had no place to break and was drawn past the page's edge, cut off by the screen. A word longer than the line now
breaks where it must; tables still scroll in their box, as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# the paragraphs and list items with text drawn past the right edge of the page's white box
PAST = """(() => {
  const edge = doc.querySelector("main").getBoundingClientRect().right, range = doc.createRange();
  const past = node => { range.selectNodeContents(node); return range.getBoundingClientRect().right > edge + 0.5; };
  return [...doc.querySelectorAll("main p, main li")]
    .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && past(n))).map(e => e.textContent.slice(0, 60));
})()"""
WIDTHS = [400, 820]


@pytest.fixture(scope="module", autouse=True)
def _laid_out_at_once(demo_folder: Path) -> None:
    """Both widths laid out in one Chromium start (tests/browser.prefetch), which measure() then reads."""
    chromium()
    prefetch(demo_file(demo_folder, "html"), [(PAST, width) for width in WIDTHS])


@pytest.mark.parametrize("width", WIDTHS)
def test_no_text_runs_past_the_page(demo_folder: Path, width: int) -> None:
    chromium()
    assert measure(demo_file(demo_folder, "html"), PAST, width=width) == []
