"""The e-mail's headline as cards that read without the page's <style>: a mail client that drops the block (Gmail's
app reading another provider's account, Outlook's desktop app for media queries) showed the headline table as it
is, nine columns wider than a phone, its Net tone and Trend past the screen's edge and its Trend squeezed to a word a
line. Each row becomes a card styled inline: ticker and topic, then net tone and previous, then trend, then the
counts, each value beside its heading's words. The table stays too, hidden inline; the <style> shows it instead of
the cards on a screen 820 pixels wide or more, where it fits. Pure: HTML in, HTML out."""

from __future__ import annotations

import re

# the headline's table as html.py writes it: each cell marked with its column's key and heading
_HEADLINE = re.compile(r'(<section class="headline"><h2>.*?</h2>)<div class="table">(<table>.*?</table>)</div>', re.S)
_BODY_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r'<td class="col-([\w-]+)" data-label="([^"]*)"[^>]*>(.*?)</td>', re.S)
# the lines of a card, by column key; a column not named here goes with the counts, on the last line
_LINES = (("ticker", "topic"), ("tone", "previous"), ("trend",))
_MUTED = "color: #56606b"
_CARD = "border: 1px solid #dde1e6; padding: 6px 8px; margin: 0 0 -1px; background: #ffffff; overflow-wrap: break-word"
# what the e-mail adds to the page's <style>: from 820 pixels the table (hidden inline) shows instead of the cards
SHOW_TABLE = ("@media (min-width: 820px) { div.mail-table { display: block !important; } "
              "div.mail-cards { display: none !important; } }\n")  # fmt: skip


def headline_cards(html: str) -> str:
    """The e-mail HTML with its headline table shown as cards where no <style> says otherwise; as it was when the
    table's cells carry no column keys."""
    found = _HEADLINE.search(html)
    if not found:
        return html
    heading, table = found.groups()
    tbody = table.partition("<tbody>")[2]
    cards = [_card(_CELL.findall(row)) for row in _BODY_ROW.findall(tbody)]
    if not cards or not all(cards):
        return html
    shown = (f'{heading}<div class="mail-cards" style="margin: 8px 0 12px; font-size: 14px">{"".join(cards)}</div>'
             '<div class="table mail-table" style="display: none; mso-hide: all; max-width: 100%; overflow-x: auto">'
             f"{table}</div>")  # fmt: skip
    return html[: found.start()] + shown + html[found.end() :]


def _card(cells: list[tuple[str, str, str]]) -> str:
    """One row's card, from its cells' (key, heading, inner HTML); "" when the row has no marked cells."""
    by_key = {key: (label, inner.strip()) for key, label, inner in cells}
    if not by_key:
        return ""
    placed = {key for line in _LINES for key in line}
    lines = [[k for k in line if k in by_key] for line in _LINES]
    lines.append([key for key, _, _ in cells if key not in placed])
    out = []
    for n, keys in enumerate(k for k in lines if k):
        if n == 0 and set(keys) <= {"ticker", "topic"}:
            named = " · ".join(f'<span class="col-{k}">{by_key[k][1]}</span>' for k in keys)
            out.append(f'<div style="font-weight: bold">{named}</div>')
            continue
        out.append("<div>" + " &nbsp; ".join(_value(k, *by_key[k]) for k in keys) + "</div>")
    return f'<div style="{_CARD}">{"".join(out)}</div>'


def _value(key: str, label: str, inner: str) -> str:
    """A value after its heading's words, in grey (the net tone in bold); the words under a previous tone smaller."""
    inner = inner.replace('<span class="basis">', f'<span class="basis" style="{_MUTED}; font-size: 12px">')
    shown = f"<b>{inner}</b>" if key == "tone" else inner
    # a count or a tone stays beside its heading ("Good news 9", never "Good" over "news 9"); words wrap
    whole = "" if key in {"trend", "previous"} else ' style="white-space: nowrap"'
    return f'<span class="col-{key}"{whole}><span style="{_MUTED}">{label}</span> {shown}</span>'
