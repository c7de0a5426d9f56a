"""Sentence spans: split text into sentences whose offsets point into the stored text.

Rules follow the labelled dev set's splitter (fixtures/labels/README.md, section 4), so
offsets and sentence texts line up with the labels, plus two additions for real documents:
line breaks end a paragraph unless the next line starts in lower case (a soft wrap), and
bullets (glyphs anywhere; "-", "*", "1.", "(a)" at a line start) start a new sentence and are
left out of it.

A filing's sentences (split_filing_sentences) also end where a new clause starts after "U.S.", "Inc." and the like
("... located in the U.S. Restrictions on international trade ..."), as the filing comparison's do, and at a line
that ends a clause (".", ";", ":", "; and", "; or") before a line in lower case: a list's item, not a wrapped line
(Plymouth Rock's 20-F: "... statements about:\nour strategies for ...;\nour future business development ...;" was one
sentence of 19 lines). A call's keep the labelled set's rule, which joins both.

No sentence is longer than MAX_SENTENCE characters: a longer run of text without sentence breaks
(a run-on page, a table flattened to one line) is cut into pieces of at most PIECE characters,
each ending at its last clause boundary, else at its last space, else at PIECE itself. Every
later step is then linear in the text's length; no real call or filing in the fixtures has a
sentence over 2,100 characters, so none of them is cut.
"""

from __future__ import annotations

import re

from watchdesk.sources.abbreviations import WORD_START, abbreviation_vetoes

Span = tuple[int, int]

_BULLETS = "•●◦▪■‣⁃·"
_CLOSERS = "\"'”’)"
_STARTERS = "\"'“‘(\\["


def _period_vetoes() -> str:
    """Look-behinds that keep a period after an abbreviation or an initial inside the sentence."""
    return abbreviation_vetoes() + rf"(?<!{WORD_START}[A-Z]\.)"


# Every break starts with one character from a fixed set and the branches test that character
# with look-behinds: a leading character class is what lets the regex engine skip plain text
# fast (3x faster than a plain alternation).
_BREAK = re.compile(
    rf"[.!?\n{_BULLETS}](?:"
    # the first of a run of terminal punctuation, closers, whitespace, a sentence start
    rf"(?<=[.!?])(?<![.!?].){_period_vetoes()}[.!?]*[{_CLOSERS}]*"
    rf"(?=\s+[{_STARTERS}]?[A-Z0-9$\u00C0-\u017F])"
    # a line break, with an optional list marker at the start of the next line
    rf"|(?<=\n)\s*(?P<marker>(?:[-*–—{_BULLETS}]|\d{{1,2}}[.)]|\([0-9a-zA-Z]{{1,3}}\))(?=\s))?"
    # a bullet glyph in running text (HTML-to-text keeps them inline)
    rf"|(?<=[{_BULLETS}])(?<!\S.)(?=\s))"
)
_CONTENT = re.compile(r"\S(?:.*\S)?", re.DOTALL)  # what a sentence keeps of its span (see _emit)
_ALNUM = re.compile(r"\w")
MAX_SENTENCE = 3000
PIECE = 600  # the size an over-long run is cut into: polarity's cost per character grows with sentence length
_CLAUSE_END = re.compile(r"[;:,](?=\s)")
# A filing's line that ends a clause, then a line in lower case: the next item of a list (split_filing_sentences). Not
# a period that ends an abbreviation ("Inc.\nand its subsidiaries" in a text wrapped by hand). Found from the line
# break, which the engine skips to fast (a pattern led by the punctuation took 6 ms of a 10-K's 230 ms), and the line's
# end read backwards from it.
_LOWER_LINE = re.compile(r"\n[ \t]*(?=[a-z])")
_ENDS_ITEM = re.compile(rf"(?:\.{_period_vetoes()}|[;:]|;\s+(?:and|or))[{_CLOSERS}]*\Z")
_SPACE = re.compile(r"\s")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans `(start, end)` into `text`, trimmed, without empty or punctuation-only ones."""
    spans: list[Span] = []
    start, size = 0, len(text)
    for m in _BREAK.finditer(text):
        first = text[m.start()]
        if first in ".!?":
            cut = nxt = m.end()
        elif first == "\n" and m.group("marker") is None and m.end() < size and text[m.end()].islower():
            continue  # a line that goes on in lower case is a wrapped sentence
        else:  # a paragraph break or a bullet belongs to no sentence
            cut, nxt = m.span()
        if cut > start:
            _emit(text, start, cut, spans)
        start = nxt
    _emit(text, start, size, spans)
    return spans


def split_filing_sentences(text: str, *, names: frozenset[str] | None = None) -> list[Span]:
    """split_sentences(), each sentence also cut where a new clause starts after an abbreviation that can end one
    (sentence_diff.clauses_after_abbreviations: "the U.S. Restrictions on ..." is two, "the U.S. Department of
    Commerce" and a name the filing writes twice, "U.S. Holder", are not). `names`: the words that go on a name after
    "U.S." and the like, when `text` is a passage of a filing (names_after_abbreviations of the whole filing); by
    default those of `text`."""
    from watchdesk.sources.sentence_diff import clauses_after_abbreviations

    spans = split_sentences(text)
    cuts = clauses_after_abbreviations(text, names=names)
    if "\n" in text:
        cuts = sorted([*cuts, *_list_items(text)])
    if not cuts:
        return spans
    out: list[Span] = []
    at = 0
    for a, b in spans:
        while at < len(cuts) and cuts[at][0] <= a:
            at += 1
        while at < len(cuts) and cuts[at][1] < b:
            end, nxt = cuts[at]
            out.append((a, end))
            a = nxt
            at += 1
        out.append((a, b))
    return out


def _list_items(text: str) -> list[tuple[int, int]]:
    """(where a sentence ends, where the next starts) at each line that ends a clause before a line in lower case."""
    out = []
    for m in _LOWER_LINE.finditer(text):
        end = m.start()
        while end and text[end - 1] in " \t":  # the line's trailing blanks belong to no sentence
            end -= 1
        if _ENDS_ITEM.search(text, max(0, end - 12), end):
            out.append((end, m.end()))
    return out


_ITEM_END = re.compile(rf"(?:[.;]|;\s+(?:and|or))[{_CLOSERS}]*\s*$")
_LIST_LINES = 60  # a list longer than this is read as prose: no lead-in is looked for further up


def list_lead(text: str, pos: int) -> str | None:
    """The line that leads into the list whose item holds `pos` ("... statements about:"), when that item is a line in
    lower case after a list's lead-in or items (as split_filing_sentences cuts them); None for any other line."""
    start = text.rfind("\n", 0, pos) + 1
    for _ in range(_LIST_LINES):
        if start == 0 or not text[start : start + 1].islower():
            return None
        before = text.rfind("\n", 0, start - 1) + 1
        line = text[before : start - 1].rstrip()
        if line.endswith(":"):
            return line
        if not _ITEM_END.search(line):
            return None
        start = before
    return None


def _emit(text: str, start: int, end: int, spans: list[Span]) -> None:
    if end - start > MAX_SENTENCE:  # no sentence this long is prose: cut it into pieces of a short sentence's size
        while end - start > PIECE:
            cut = _cap_cut(text, start, PIECE)
            _emit(text, start, cut, spans)
            start = cut
    # _CONTENT's span: str.strip() and the engine's \s both take whitespace as Py_UNICODE_ISSPACE does
    content = text[start:end].lstrip()
    if not content:
        return
    a = end - len(content)
    b = a + len(content.rstrip())
    if text[a].isalnum() or _ALNUM.search(text, a, b):
        spans.append((a, b))


def _cap_cut(text: str, start: int, width: int) -> int:
    """Where to cut an over-long sentence starting at `start`: a clause end, a space, or `width` on."""
    low, high = start + width // 2, start + width
    for pattern, width in ((_CLAUSE_END, 1), (_SPACE, 0)):
        last = max((m.start() for m in pattern.finditer(text, low, high)), default=None)
        if last is not None:
            return last + width
    return high
