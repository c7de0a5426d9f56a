"""A review: the HTML briefing (and its e-mail) broke dates, accession numbers and form names at their hyphens where
a line ran out: "held 2024-" / "05-22" under a quote, "What changed: 2024-05-01 to 2026-" / "09-01" as the phone's
headline, "10-K filed 2025-02-" / "26" even on a laptop, "0001045810-" / "26-000021" in Gaps, "10-" / "K" in a
link: read at a glance, a date that is not one. Each now stays on one line (the line breaks before it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# per date, accession number or form name in the page's text: the lines it is drawn on, when more than one
BROKEN = r"""(() => {
  const whole = /\b(?:\d{4}-\d{2}-\d{2}|\d{10}-\d{2}-\d{6}|10-K|10-Q|8-K|6-K|20-F|EX-\d+\.\d+)\b/g;
  const walker = doc.createTreeWalker(doc.querySelector("main"), 4);  // text nodes
  const broken = [];
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.textContent.matchAll(whole)) {
      const range = doc.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
      count += lines.size > 0;
      if (lines.size > 1) broken.push(`${m[0]} in "${node.parentElement.textContent.slice(0, 80)}"`);
    }
  }
  return {count, broken};
})()"""


WIDTHS = [390, 820, 1280]


@pytest.fixture(scope="module")
def html(demo_folder: Path) -> Path:
    page = demo_file(demo_folder, "html")
    chromium()  # the three widths laid out in one Chromium start (tests/browser.prefetch)
    prefetch(page, [(BROKEN, width) for width in WIDTHS], height=20000)
    return page


@pytest.mark.parametrize("width", WIDTHS)
def test_no_date_is_broken_across_lines(html: Path, width: int) -> None:
    chromium()
    found = measure(html, BROKEN, width=width, height=20000)
    assert found["count"] > 150, found  # the demo's dates, accession numbers and forms, drawn
    assert found["broken"] == [], found["broken"]
