"""A review of 1250491: under 820 pixels each row of the HTML headline became a card (ticker and topic, then net
tone and trend, then the counts), but the page's CSS found the net tone and trend by their headings' words
(td[data-label="Net tone"]): a heading reworded ("Tone this week") sent that cell down among the counts, unnoticed.
A column is now found by its key (class "col-tone", from headline.COLUMNS), whatever its heading says or whichever
columns are left out; the label beside each value is still its heading. The Markdown is unchanged. And a long cell
(the Trend and Previous of a week with a call and a 10-K, 2025-W09) wraps within its card on a 390-pixel phone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import brief_html
from watchdesk.agents.briefing import headline

WIDTH = 390
# per card of the headline: its right edge, and per cell its key (class), label, text and where it is drawn
CARDS = """({over: doc.scrollingElement.scrollWidth - doc.defaultView.innerWidth,
  cards: [...doc.querySelectorAll("section.headline tbody tr")].map(tr => ({
    right: tr.getBoundingClientRect().right,
    cells: [...tr.cells].map(c => { const b = c.getBoundingClientRect();
      return {key: c.className, label: c.dataset.label, text: c.innerText.trim(), top: b.top, left: b.left,
              right: b.right}; })}))
})"""


def read(card: dict[str, Any]) -> list[str]:
    """The card's cells as they read, line by line from the left, each by its column's key."""
    return [c["key"] for c in sorted(card["cells"], key=lambda c: (round(c["top"]), c["left"]))]


def test_a_reworded_heading_or_a_column_left_out_keeps_the_cards_order(
    demo_store: Callable[[Path], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chromium()
    renamed = {"Net tone": "Tone this week", "Trend": "Direction"}
    columns = [(k, renamed.get(h, h), a) for k, h, a in headline.COLUMNS if k not in {"previous", "neutral"}]
    monkeypatch.setattr(headline, "COLUMNS", tuple(columns))
    markdown, html = brief_html(demo_store(tmp_path / "demo"), tmp_path, "--week", "2025-W09")
    assert "| Ticker | Topic | New mentions | Warnings | Good news | Tone this week | Direction |" in markdown
    assert "col-" not in markdown and "data-label" not in markdown
    found = measure(html, CARDS, width=WIDTH)
    assert found["cards"], "no headline cards"
    for card in found["cards"]:
        assert read(card) == ["col-ticker", "col-topic", "col-tone", "col-trend", "col-mentions", "col-warnings",
                              "col-good"], card  # fmt: skip
        labels = {c["key"]: c["label"] for c in card["cells"]}
        assert labels["col-tone"] == "Tone this week" and labels["col-trend"] == "Direction"


def test_long_cells_wrap_within_a_phones_screen(demo_store: Callable[[Path], Path], tmp_path: Path) -> None:
    chromium()
    _, html = brief_html(demo_store(tmp_path / "demo"), tmp_path, "--week", "2025-W09")
    found = measure(html, CARDS, width=WIDTH)
    assert found["over"] == 0, "the page scrolls sideways"
    assert found["cards"], "no headline cards"
    for card in found["cards"]:
        assert card["right"] <= WIDTH
        assert [c["key"] for c in card["cells"] if c["right"] > card["right"]] == [], card
        assert read(card)[:5] == ["col-ticker", "col-topic", "col-tone", "col-previous", "col-trend"], card
