"""A review: a mail client that drops the e-mail's <style> block (Gmail's app reading another provider's account;
Outlook's desktop app knows no media query) showed the headline as the nine-column table, 521 pixels wide in its
scrolling box on a 390-pixel phone (2025-W09 of the demo): Ticker to Neutral on the screen, Net tone at x=378 and
Trend at x=479, past its edge, and the Trend squeezed to 49 pixels, a word a line, so each row stood 398 pixels
high. The e-mail's headline is now a card per row, styled inline (mail_cards.py): ticker and topic, then net tone
and previous, then trend, then the counts, each beside its heading's words; nothing past the screen, the first
card's net tone and trend on the first screen. A client that keeps the <style> shows the cards under 820 pixels and
the table from there, as the briefing file does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser import chromium, measure
from tests.regression.demo_briefs import brief_html, demo_file
from tests.regression.test_an_email_without_its_style_fits_a_phone import email_html

PHONE, FIRST_SCREEN = 390, 844  # an iPhone 12 to 16's screen, in CSS pixels
BOX = "b => b && {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width}"
CARDS = f"""({{over: doc.scrollingElement.scrollWidth - doc.defaultView.innerWidth,
  table: doc.querySelector("div.mail-table").getBoundingClientRect().width,
  cards: [...doc.querySelectorAll("div.mail-cards > div")].map(card => ({{box: ({BOX})(card.getBoundingClientRect()),
    text: card.innerText, tone: ({BOX})(card.querySelector(".col-tone")?.getBoundingClientRect()),
    trend: ({BOX})(card.querySelector(".col-trend")?.getBoundingClientRect())}}))}})"""


@pytest.fixture(scope="module", params=["2025-W09", "span"])
def email(request: pytest.FixtureRequest, demo_folder: Path, demo_store: Callable[[Path], Path],
          tmp_path_factory: pytest.TempPathFactory) -> str:  # fmt: skip
    """The e-mail of the demo's 2025-W09 (a call and a 10-K: the longest cells) or of its whole span."""
    if request.param == "span":
        return email_html(demo_file(demo_folder, "html"))
    db = demo_store(tmp_path_factory.mktemp("demo"))  # a briefing is recorded in its store: not demo_folder's
    _, page = brief_html(db, tmp_path_factory.mktemp("w09"), "--week", request.param)
    return email_html(page)


def shown(html: str, tmp_path: Path, *, style: str, width: int) -> dict[str, Any]:
    chromium()
    if style == "dropped":
        html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    (tmp_path / "email.html").write_text(html, encoding="utf-8")
    return measure(tmp_path / "email.html", CARDS, width=width)


def test_without_its_style_the_verdict_is_on_a_phones_first_screen(email: str, tmp_path: Path) -> None:
    found = shown(email, tmp_path, style="dropped", width=PHONE)
    assert found["over"] <= 0, "the e-mail scrolls sideways"
    assert found["table"] == 0, "the table shows beside the cards"
    assert found["cards"], "no headline cards"
    for card in found["cards"]:
        assert card["box"]["right"] <= PHONE, card["text"]
        for part in ("tone", "trend"):
            assert card[part] and card[part]["width"] > 0 and card[part]["right"] <= card["box"]["right"], card
        assert card["tone"]["top"] < card["trend"]["top"], card["text"]  # the tone, then the trend under it
    first = found["cards"][0]
    assert first["trend"]["top"] < FIRST_SCREEN - 200, first  # with room for the mail app's own bars
    assert first["text"].splitlines()[1].startswith("Net tone "), first["text"]


@pytest.mark.parametrize(("width", "cards"), [(PHONE, True), (900, False)])
def test_with_its_style_the_cards_show_on_a_phone_and_the_table_on_a_desktop(
    email: str, tmp_path: Path, width: int, cards: bool
) -> None:
    found = shown(email, tmp_path, style="kept", width=width)
    assert found["over"] <= 0
    assert all(c["box"]["width"] > 0 for c in found["cards"]) == cards and (found["table"] > 0) != cards, found


def test_without_its_style_a_date_or_a_form_stays_on_one_line(email: str, tmp_path: Path) -> None:
    """The page keeps "2024-02-21" and "10-K" whole by a class its <style> sets (test_a_date_stays_on_one_line.py);
    dropped, the 2025-W09 e-mail broke 20 of them at their hyphen on a phone ("2024-" over "02-21")."""
    chromium()
    (tmp_path / "email.html").write_text(re.sub(r"<style>.*?</style>", "", email, flags=re.S), encoding="utf-8")
    broken = """[...doc.querySelectorAll("span.whole")].filter(s => s.getClientRects().length > 1)
      .map(s => s.textContent)"""
    assert measure(tmp_path / "email.html", broken, width=PHONE, height=20000) == []
