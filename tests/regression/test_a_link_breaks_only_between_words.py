"""A review: the HTML briefing broke its links anywhere to fit a line (`word-break: break-all`, meant for long web
addresses), so at 820 pixels as at 400 a reader met "10-K fil" / "ed 2025-02-26", "[F-0003ec6" / "5]" and
"[F-e" / "8d5cc1b]": a citation cut in two, a word split for no reason. A link's words now stay whole (a web
address longer than the line still breaks where it must), and a citation is never split."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure, prefetch
from tests.regression.demo_briefs import demo_file

# each link whose text goes to a new line inside a word: the text with "|" where it broke (an address excepted)
SPLIT = """[...doc.querySelectorAll("main a")].flatMap(a => {
  const text = a.firstChild, range = doc.createRange(), split = [];
  if (!text || text.nodeType !== 3 || /^https?:/.test(text.data)) return [];
  let top = null;
  for (let i = 0; i < text.length; i++) {
    range.setStart(text, i); range.setEnd(text, i + 1);
    const now = range.getBoundingClientRect().top;
    if (top !== null && now > top + 1 && !/[\\s-]/.test(text.data[i - 1]) && !/\\s/.test(text.data[i]))
      split.push(text.data.slice(0, i) + "|" + text.data.slice(i));
    top = now;
  }
  return split;
})"""
CITATIONS = """[...doc.querySelectorAll('main a[href^="#"]')].filter(a => a.getClientRects().length > 1)
  .map(a => a.textContent)"""


@pytest.fixture(scope="module")
def html(demo_folder: Path) -> Path:
    page = demo_file(demo_folder, "html")
    chromium()  # both checks at both widths laid out in one Chromium start (tests/browser.prefetch)
    prefetch(page, [(script, width) for script in (SPLIT, CITATIONS) for width in (400, 820)])
    return page


@pytest.mark.parametrize("width", [400, 820])
def test_no_link_is_split_inside_a_word(html: Path, width: int) -> None:
    chromium()
    assert measure(html, SPLIT, width=width) == []


@pytest.mark.parametrize("width", [400, 820])
def test_no_citation_is_split(html: Path, width: int) -> None:
    chromium()
    assert measure(html, CITATIONS, width=width) == []
