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

from tests.browser import chromium, measure, screenshot
from tests.regression.demo_briefs import demo_file

# each table's box in the page, and whether it scrolls
BOXES = """[...doc.querySelectorAll("main div.table")].map(d => {
  const r = d.getBoundingClientRect(), head = d.querySelector("tr").getBoundingClientRect();
  return {left: r.left, right: r.right, top: head.bottom, bottom: r.bottom, scrolls: d.scrollWidth > d.clientWidth};
})"""
FRAME = '<!DOCTYPE html><html><body style="margin:0"><iframe src="{src}" width="{width}" height="{height}" ' \
        'style="border:0; display:block"></iframe></body></html>'  # fmt: skip
TABLES = 2  # the headline's table and the one after it
INSET = 3  # pixels inside a table's box where its edge is read


def _edges(png: Path, box: dict[str, float]) -> tuple[float, float]:
    """The median brightness of a column of pixels just inside the box's left edge and just inside its right edge,
    down its rows: a cell's text is a few pixels of it, a shade all of it."""
    from PIL import Image

    with Image.open(png) as img:
        grey = img.convert("L")
        rows = range(int(box["top"]) + 2, int(box["bottom"]) - 2)
        left = [grey.getpixel((int(box["left"]) + INSET, y)) for y in rows]
        right = [grey.getpixel((int(box["right"]) - 1 - INSET, y)) for y in rows]
    return statistics.median(left), statistics.median(right)  # type: ignore[type-var]


@pytest.mark.parametrize("width", [400, 820])
def test_a_table_that_scrolls_shades_its_right_edge(demo_folder: Path, tmp_path: Path, width: int) -> None:
    chromium()
    html = demo_file(demo_folder, "html")
    boxes = measure(html, BOXES, width=width)[:TABLES]
    height = int(boxes[-1]["bottom"]) + 10  # the page down to those tables
    # headless Chromium lays a window out 500 pixels wide at least: the page is shown in a frame of its width
    frame = tmp_path / "frame.html"
    frame.write_text(FRAME.format(src=html.resolve().as_uri(), width=width, height=height), encoding="utf-8")
    png = tmp_path / "page.png"
    screenshot(frame, png, size=f"{max(width, 500)},{height}")
    for box in boxes:
        left, right = _edges(png, box)
        if box["scrolls"]:
            assert right < left - 25, (box, left, right)  # shaded where there is more to see
        else:
            assert abs(right - left) < 10, (box, left, right)  # a table that fits is not shaded
    assert [b["scrolls"] for b in boxes] == [False, width == 400]  # the headline fits at both (cards at 400)
