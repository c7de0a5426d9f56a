"""A review: 400 pixels wide, the HTML briefing's tables scrolled sideways but were first squeezed to the page's width,
so their text columns fell to a word per line: the headline table's rows grew from one to eight lines ("down ▼" /
"(filings" / "only:" / ...), twice its height at 820 pixels, and dates broke in two ("2024-05-" / "22"). A table is
now laid out as on an 820-pixel page, where it shows whole, and a narrower screen scrolls it, as it does a chart.
(The headline table is since shown as cards under 820 pixels, a row's cells on lines of their own: not compared.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import demo_file

TABLES = """[...doc.querySelectorAll("main table")].map(t => ({
  height: t.getBoundingClientRect().height, first: t.rows[1].textContent.trim().slice(0, 40),
  right: t.parentElement.getBoundingClientRect().right, page: doc.documentElement.clientWidth,
  scrolls: t.parentElement.scrollWidth > t.parentElement.clientWidth,
  cards: getComputedStyle(t).display !== "table"}))"""


@pytest.fixture(scope="module")
def html(demo_folder: Path) -> Path:
    return demo_file(demo_folder, "html")


def test_a_table_is_as_tall_400_pixels_wide_as_820(html: Path) -> None:
    chromium()
    narrow, wide = measure(html, TABLES, width=400), measure(html, TABLES, width=820)
    assert len(narrow) == len(wide) >= 5
    assert [n["first"][:4] for n in narrow if n["cards"]] == ["NVDA"]  # the headline's, alone
    taller = [(n["first"], round(n["height"] / w["height"], 2)) for n, w in zip(narrow, wide, strict=True)
              if n["height"] > 1.1 * w["height"] and not n["cards"]]
    assert taller == []
    assert all(n["right"] <= n["page"] for n in narrow)  # scrolled within the page, never past it
    assert [w["first"] for w in wide if w["scrolls"]] == []  # an 820-pixel page shows every table whole
