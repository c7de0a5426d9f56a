"""textwrap.wrap's lines, found without it where a text's words are one space apart: a listing's table wraps a
sentence for each of hundreds of thousands of rows, and textwrap (a TextWrapper made, the text split into words and
spaces, each fitted in Python) took most of the 66 s of CPU the benchmark store's 880,000 findings took to write.

The lines are the same: textwrap fills each line with whole words while they fit (break_on_hyphens off, so only
spaces part words), drops the space where a line ends; str.rfind finds that space. A text with any other
whitespace textwrap changes (a tab, a line break, two spaces in a row, one at either end), a word wider than its
line (textwrap cuts it), or more lines than `most` (textwrap shortens the last) goes through textwrap itself.
"""

from __future__ import annotations

import re

# whitespace textwrap changes to a space (its whitespace is ASCII's alone); two spaces in a row, or one at either end,
# are tested apart, as str methods (one expression of the four took 40 µs a sentence)
_OTHER_SPACE = re.compile("[\t\n\x0b\x0c\r]")


def wrapped(text: str, width: int, *, indent: str, first: str | None = None, most: int | None = None) -> list[str]:
    """textwrap.wrap(text, width, initial_indent=first or indent, subsequent_indent=indent, break_on_hyphens=False,
    max_lines=most, placeholder=" …")."""
    opening = indent if first is None else first
    if (width - max(len(opening), len(indent)) > 0 and not _OTHER_SPACE.search(text) and "  " not in text
            and text[:1] != " " and text[-1:] != " "):  # fmt: skip
        lines = _filled(text, width - len(opening), width - len(indent))
        if lines is not None and (most is None or len(lines) <= most):
            return [opening + lines[0], *[indent + line for line in lines[1:]]] if text else []
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=opening, subsequent_indent=indent, break_on_hyphens=False,
                         max_lines=most, placeholder=" …")  # fmt: skip


def _filled(text: str, first: int, rest: int) -> list[str] | None:
    """`text`'s lines (of `first` characters at most, then `rest`), words one space apart; None where a word is wider
    than its line."""
    lines = []
    at, room, end = 0, first, len(text)
    while end - at > room:
        cut = text.rfind(" ", at, at + room + 1)  # the last space that ends a line of `room` or fewer
        if cut < 0:
            return None
        lines.append(text[at:cut])
        at, room = cut + 1, rest
    lines.append(text[at:])
    return lines
