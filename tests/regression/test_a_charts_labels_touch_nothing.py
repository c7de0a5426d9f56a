"""A review: in the demo briefing's net-tone chart, the second panel's (TSM's) tick labels stood in the 16 pixels
between the panels, so "-0.5" ran into the first panel's frame and "0.5" and "-1" touched it: read at a glance,
NVIDIA's panel seemed to end in a "-0.5". The panels now stand far enough apart for each one's labels, measured in
Chromium on the demo briefing as a reader sees it: the wide drawings 1280 pixels wide, and the narrow ones (panels
stacked, for a phone) 375 pixels wide."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# per chart: the boxes of its panels' frames, and of its labels that are set upright (the weeks are turned 45°, and
# a turned label's box is no outline of its letters)
BOXES = """[...doc.querySelectorAll(".charts svg.wide")].map(svg => {
  const box = e => { const r = e.getBoundingClientRect(); return {text: e.textContent, left: r.left, right: r.right,
                                                                   top: r.top, bottom: r.bottom}; };
  return {frames: [...svg.querySelectorAll('rect[stroke="#ddd"]')].map(box),
          labels: [...svg.querySelectorAll("text:not([transform])")].map(box)};
})"""
CLEAR = 3  # pixels between a label and any frame or other label at least


def _apart(a: dict[str, float], b: dict[str, float]) -> float:
    """How far apart two boxes are: 0 or less when they touch or overlap."""
    return max(b["left"] - a["right"], a["left"] - b["right"], b["top"] - a["bottom"], a["top"] - b["bottom"])


DRAWINGS = [("wide", 1280), ("narrow", 375)]


@pytest.fixture(scope="module", params=DRAWINGS, ids=["wide", "narrow"])
def charts(demo_folder: Path, request: pytest.FixtureRequest) -> list[dict[str, list[dict[str, float]]]]:
    chromium()
    page = demo_file(demo_folder, "html")
    prefetch(page, [(BOXES.replace("svg.wide", f"svg.{d}"), w) for d, w in DRAWINGS])  # both in one Chromium start
    drawing, width = request.param
    found = measure(page, BOXES.replace("svg.wide", f"svg.{drawing}"), width=width)
    assert len(found) == 2 and len(found[0]["frames"]) == 2, "the net-tone chart has NVDA's and TSM's panels"
    return found


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_no_tick_label_touches_another_panel(charts: list[dict[str, list[dict[str, float]]]]) -> None:
    for chart in charts:
        for label in chart["labels"]:
            for frame in chart["frames"]:
                inside = frame["left"] <= label["left"] and label["right"] <= frame["right"]  # a panel's own name
                assert inside or _apart(label, frame) >= CLEAR, (label, frame)


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_no_two_labels_touch(charts: list[dict[str, list[dict[str, float]]]]) -> None:
    for chart in charts:
        labels = chart["labels"]
        for n, a in enumerate(labels):
            for b in labels[n + 1 :]:
                assert _apart(a, b) > 0, (a, b)
