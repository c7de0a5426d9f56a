"""Words whose period ends no sentence ("U.S.", "Mr.", "Inc."): one list for every sentence splitter (flagging's,
the filing comparison's), as regex look-behinds."""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

# The labelled dev set's splitter's list, plus a few that never end a sentence in filings.
_ABBREVIATIONS = (
    "mr mrs ms dr prof sr jr st vs etc inc co corp ltd no nos approx dept est fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec mt ft u.s u.k e.g i.e a.m p.m n.a s.a u.s.a cf al vol messrs"
)
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
# Those that also end sentences in filings ("... located outside the U.S. As a result, ...").
ALSO_END_SENTENCES = frozenset({"u.s", "u.s.a", "u.k", "inc", "co", "corp", "ltd", "etc"})
# Never the end of a sentence in filings, though the labelled set's splitter (so flagging's, whose offsets are the
# labels') ends one there: the "v." of a case name ("Lipchitz v. Huang, et al."). The filing comparison's alone.
IN_FILINGS_TOO = frozenset({"v"})
WORD_START = r"(?<![A-Za-z.])"  # what comes before an abbreviation's first letter


def abbreviation_vetoes(*, words: Iterable[str] = ABBREVIATIONS) -> str:
    """Look-behinds, placed just after a period, that fail when the period ends an abbreviation (of `words`).

    They sit in the regex, not in Python, because they run at every period; look-behinds must
    be fixed-width, hence one per abbreviation length.
    """
    return "".join(rf"(?<!{one})" for one in _behind(words))


def after_abbreviation(*, words: Iterable[str]) -> str:
    """A look-behind, placed just after a period, that holds when the period ends an abbreviation (of `words`)."""
    return f"(?:{'|'.join(rf'(?<={one})' for one in _behind(words))})"


def _behind(words: Iterable[str]) -> list[str]:
    """One pattern per abbreviation length: the abbreviation as a word of its own, and its period."""
    by_len = groupby(sorted(words, key=len), key=len)
    return [rf"{WORD_START}(?i:{'|'.join(re.escape(a) for a in grp)})\." for _, grp in by_len]
