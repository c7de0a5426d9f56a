"""The briefing as plain text, for the e-mail's text/plain part: read from the same Markdown the HTML is made from.

Escapes are dropped, emphasis and code marks too; a link reads "text (url)"; citations stay "[3]" and "[F-…]", as
in the Markdown, next to the numbered Sources; a table is set in columns for a fixed-width font, long cells wrapped
within their column. Lines of prose are not wrapped: a mail client wraps them to its window.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence

from markdown_it.token import Token

from watchdesk.agents.briefing.html import markdown_parser

CELL = 36  # display columns a table column takes at most before its cells wrap
_UNDERLINE = {"h1": "=", "h2": "-"}


def plain_text(markdown: str) -> str:
    """The Markdown briefing as plain text; every word, number, quote and citation in it is kept."""
    blocks: list[str] = []
    tokens = markdown_parser().parse(markdown)
    numbers: list[int | None] = []  # per open list: the next item's number ("1."), None for "-"
    lines: list[str] = []  # the lines of the list being read
    marker, indent = "", ""  # the open item's marker, until its first line is written; what its other lines hang at
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type in {"bullet_list_open", "ordered_list_open"}:
            numbers.append(int(t.attrGet("start") or 1) if t.type == "ordered_list_open" else None)
        elif t.type in {"bullet_list_close", "ordered_list_close"}:
            numbers.pop()
            if not numbers:
                blocks.append("\n".join(lines))
                lines = []
        elif t.type == "list_item_open":
            n = numbers[-1]
            marker = "  " * (len(numbers) - 1) + ("- " if n is None else f"{n}. ")
            if n is not None:
                numbers[-1] = n + 1
            indent = " " * len(marker)
        elif t.type == "inline":
            text = inline(t.children or [])
            if numbers:
                first, *rest = text.split("\n")
                lines += [(marker or indent) + first, *(indent + line for line in rest)]
                marker = ""
            elif tokens[i - 1].type == "heading_open":
                rule = _UNDERLINE.get(tokens[i - 1].tag)
                blocks.append(text + (f"\n{rule * _width(text)}" if rule else ""))
            else:
                blocks.append(text)
        elif t.type == "table_open":
            end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
            blocks.append(table(tokens[i:end]))
            i = end
        elif t.type in {"code_block", "fence"}:
            blocks.append(textwrap.indent(t.content.rstrip("\n"), "    "))
        i += 1
    return "\n\n".join(b.rstrip() for b in blocks if b.strip()) + "\n"


def inline(children: Sequence[Token]) -> str:
    """One paragraph's words: escapes are already undone by the parser; marks dropped, a link as "text (url)"."""
    out: list[str] = []
    href: str | None = None
    start = 0
    for c in children:
        if c.type in {"text", "code_inline"}:
            out.append(c.content)
        elif c.type in {"softbreak", "hardbreak"}:
            out.append("\n")
        elif c.type == "link_open":
            href, start = str(c.attrGet("href") or ""), len(out)
        elif c.type == "link_close":
            shown = "".join(out[start:])
            # an address written as itself (<https://...>) is not said twice; an anchor in the page has no use here
            if href and shown != href and not href.startswith("#"):
                out.append(f" ({href})")
            href = None
        elif c.type == "image":
            out.append(c.content)
    return "".join(out)


def table(tokens: Sequence[Token]) -> str:
    """The table's rows in columns: each as wide as its widest cell (up to CELL, then wrapped), numbers right."""
    rows: list[list[str]] = []
    right: list[bool] = []
    for t in tokens:
        if t.type == "tr_open":
            rows.append([])
        elif t.type in {"th_open", "td_open"} and len(rows) == 1:
            right.append("right" in str(t.attrGet("style") or ""))
        elif t.type == "inline":
            rows[-1].append(" ".join(inline(t.children or []).split()))
    widths = [_column_width([row[c] for row in rows if c < len(row)]) for c in range(len(right))]
    out = _row(rows[0], widths, right)
    out.append("  ".join("-" * w for w in widths))
    for row in rows[1:]:
        out += _row(row, widths, right)
    return "\n".join(out)


def _column_width(cells: Sequence[str]) -> int:
    """The widest cell below the heading, up to CELL; never narrower than the column's longest word, heading's
    included (a word is never cut: "New mentions" over counts takes two lines, as in the HTML)."""
    words = max((_width(w) for cell in cells for w in cell.split()), default=1)
    return max(words, min(CELL, max(_width(cell) for cell in cells[1:] or cells)))


def _row(cells: Sequence[str], widths: Sequence[int], right: Sequence[bool]) -> list[str]:
    """One table row as one or more lines: a cell wider than its column wraps onto the next line, in its column."""
    wrapped = [_wrap(cell, w) for cell, w in zip(cells, widths, strict=False)]
    height = max(len(w) for w in wrapped)
    return ["  ".join(_pad(cell[n] if n < len(cell) else "", w, r)
                      for cell, w, r in zip(wrapped, widths, right, strict=False)).rstrip()
            for n in range(height)]


def _wrap(cell: str, width: int) -> list[str]:
    """The cell's words in lines of at most `width` display columns (textwrap counts characters, so a line of East
    Asian letters ran twice as wide as its column); a word wider than that is cut."""
    lines: list[str] = []
    line, used = "", 0
    for word in cell.split():
        size = _width(word)
        if line and used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
            continue
        if line:
            lines.append(line)
        while size > width:
            cut = _fits(word, width)
            lines.append(word[:cut])
            word, size = word[cut:], _width(word[cut:])
        line, used = word, size
    return [*lines, line] if line or not lines else lines


def _fits(word: str, width: int) -> int:
    """How many of the word's first characters fit in `width` columns: one at least, with its combining marks."""
    cut, used = 0, 0
    while cut < len(word) and (cut == 0 or used + _width(word[cut]) <= width):
        used += _width(word[cut])
        cut += 1
    return cut


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * max(width - _width(text), 0)
    return room + text if right else text + room


def _width(text: str) -> int:
    """Columns `text` takes in a fixed-width font: East Asian wide letters two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
