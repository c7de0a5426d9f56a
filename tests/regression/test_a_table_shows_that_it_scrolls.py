"""A review: 400 pixels wide, the HTML briefing's tables scrolled sideways inside the page with nothing to say so: the
headline table showed its Ticker, Topic, New mentions and Warnings columns and ended at the screen's edge as if that
were all, its Net tone and Trend a swipe away that nobody would guess (a phone shows no scroll bar until one scrolls).
A table that scrolls now has a shade at the edge it scrolls towards; a table that fits has none, and a mail client
that knows none of it shows the table as before. (Under 820 pixels the headline table is since shown as cards, which
fit: the first table after it, the filing comparison's, is the one that scrolls there.)"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from tests.browser import chromium, shown
from tests.regression.demo_briefs import demo_file

# each table's box in the page (its rows, below its header), and whether it scrolls: the headline's table and the
# one after it
BOXES = """[...doc.querySelectorAll("main div.table")].slice(0, 2).map(d => {
  const r = d.getBoundingClientRect(), head = d.querySelector("tr").getBoundingClientRect();
  return {left: r.left, right: r.right, top: head.bottom, bottom: r.bottom, scrolls: d.scrollWidth > d.clientWidth};
})"""
INSET = 3  # pixels inside a table's box where its edge is read


def _edges(png: Path) -> tuple[float, float]:
    """The median brightness of a column of pixels just inside the shot box's left edge and just inside its right
    edge, down its rows: a cell's text is a few pixels of it, a shade all of it."""
    from PIL import Image

    with Image.open(png) as img:
        grey = img.convert("L")
        rows = range(2, grey.height - 2)
        left = [grey.getpixel((INSET, y)) for y in rows]
        right = [grey.getpixel((grey.width - 1 - INSET, y)) for y in rows]
    return statistics.median(left), statistics.median(right)  # type: ignore[type-var]


@pytest.mark.parametrize("width", [400, 820])
def test_a_table_that_scrolls_shades_its_right_edge(demo_folder: Path, tmp_path: Path, width: int) -> None:
    """The tables are laid out, measured and shot in one load of the page (tests/browser.shown), each shot once
    Chromium has painted it: a shot of the whole 13,000-pixel page, taken by a Chromium started for it, once came
    out blank where the second table lay (left and right edges both white) on a busy machine."""
    chromium()
    boxes = shown(demo_file(demo_folder, "html"), BOXES, width=width, folder=tmp_path)
    for box, png in boxes:
        left, right = _edges(png)
        if box["scrolls"]:
            assert right < left - 25, (box, left, right)  # shaded where there is more to see
        else:
            assert abs(right - left) < 10, (box, left, right)  # a table that fits is not shaded
    assert [b["scrolls"] for b, _ in boxes] == [False, width == 400]  # the headline fits at both (cards at 400)
