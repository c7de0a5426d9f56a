"""A sentence removed and one added that are the same statement rewritten, beyond a light rewording: listed once, as
"rewritten", with both texts, not as a sentence removed and another added. Pure and deterministic.

NVIDIA's FY2025 10-K turned "If we are unable to execute our architectural transitions as planned for any reason, our
financial results may be negatively impacted." into "Our financial results have been and may in the future be
negatively impacted if we are unable to execute our architectural transitions as planned for any reason."; Alphabet's
Q3 10-Q "R&D expenses increased $747 million from the three months ended June 30, ..." into "R&D expenses increased
$985 million from the three months ended September 30, ...". Two sentences are one rewritten when their content words
(figures and period words aside) are mostly the same: Jaccard at least 0.7, or at least 0.5 with the same first two
content words (the statement's subject: "iPhone net sales increased ..." and "Greater China net sales increased ..."
are two statements). A direction goes with the figures, so "increase" and "decrease", "higher" and "lower" read as
one word (Alphabet's "The decrease in cost-per-impression from the three months ended June 30, 2022 ..." is
rewritten as "The increase in cost-per-impression from the three months ended September 30, 2022 ..."); and two
sentences that name sibling metrics, one in place of the other ("cost-per-impression", "cost-per-click";
"short-term", "long-term"), are two statements. Each sentence pairs with one other at most, the pair whose shorter
sentence the longer holds most (figures counted) first, then the most alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from watchdesk.sources.sentence_diff import Sentence, normalize

SAME_STATEMENT = 0.7  # content-word Jaccard from which two sentences are one statement rewritten
SAME_SUBJECT = 0.5  # ... or from which they are, when their first two content words are the same
_MIN_WORDS = 4  # content words a sentence needs to be paired: "Data Center revenue was up." pairs, "Overview." not
_WORD = re.compile(r"[a-z][a-z'-]*")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_PERIOD_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                           "october", "november", "december", "first", "second", "third", "fourth", "three", "six",
                           "nine", "twelve", "months", "quarter", "quarters", "year", "years", "fiscal", "ended"})
_FUNCTION = frozenset({"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "by", "as", "at", "from",
                       "that", "this", "these", "those", "our", "we", "us", "its", "it", "is", "are", "was", "were",
                       "be", "been", "has", "have", "had", "will", "would", "could", "can", "such", "which", "other",
                       "any", "all", "also", "not", "than", "into", "their", "there", "further", "additionally",
                       "accordingly", "similarly", "finally", "however", "primarily", "due"})


# Words that say which way a figure went: they change with the figures, so each reads as one word, DIRECTION
_DIRECTION_WORDS = frozenset({"increase", "increased", "increases", "increasing", "decrease", "decreased", "decreases",
                              "decreasing", "up", "down", "higher", "lower", "favorable", "unfavorable", "favorably",
                              "unfavorably"})  # fmt: skip
DIRECTION = "±"


def content_words(text: str) -> list[str]:
    """A sentence's words that carry its statement, in order: function words, figures and period words aside, and
    any word of direction as DIRECTION."""
    return [DIRECTION if w in _DIRECTION_WORDS else w for w in _WORD.findall(normalize(text))
            if w not in _FUNCTION and w not in _PERIOD_WORDS]  # fmt: skip


def _siblings(a: str, b: str) -> bool:
    """Are two compounds sibling terms, the same but for one part ("cost-per-click", "cost-per-impression";
    "short-term", "long-term"), a part they share being a word of four letters or more ("non-affiliated" and
    "non-marketable" share only a prefix)?"""
    pa, pb = a.split("-"), b.split("-")
    if len(pa) != len(pb) or len(pa) < 2:
        return False
    differ = [i for i, (x, y) in enumerate(zip(pa, pb, strict=True)) if x != y]
    return len(differ) == 1 and any(len(x) >= 4 for i, x in enumerate(pa) if i != differ[0])


def _other_metric(a: frozenset[str], b: frozenset[str]) -> bool:
    """Does each sentence name a compound the other lacks, the two sibling terms: another metric, not a rewording?"""
    only_a, only_b = [w for w in a - b if "-" in w], [w for w in b - a if "-" in w]
    return any(_siblings(x, y) for x in only_a for y in only_b)


def _contained(old: str, new: str) -> float:
    """How much of the shorter sentence the longer holds, figures counted ("19.4%" in "decreased from 28.5% to 19.4%"
    and in "from 19.4% to 18.4%"): which of two alike pairs is the statement carried on, taken first."""
    a, b = (set(content_words(t)) | set(_FIGURE.findall(t)) for t in (old, new))
    return len(a & b) / min(len(a), len(b))


def rewritten(
    removed: Sequence[Sentence], added: Sequence[Sentence]
) -> tuple[list[tuple[Sentence, Sentence]], list[Sentence], list[Sentence]]:
    """(old, new) pairs of one statement rewritten, most alike first taken, in the newer text's order; and the
    sentences removed and added left unpaired, in their order."""
    olds = [(i, w, frozenset(w)) for i, s in enumerate(removed) if len(w := content_words(s.text)) >= _MIN_WORDS]
    news = [(j, w, frozenset(w)) for j, s in enumerate(added) if len(w := content_words(s.text)) >= _MIN_WORDS]
    scored = []
    for i, ow, a in olds:
        for j, nw, b in news:
            if not a & b:
                continue
            same = len(a & b) / len(a | b)
            if (same >= SAME_STATEMENT or (same >= SAME_SUBJECT and ow[:2] == nw[:2])) and not _other_metric(a, b):
                scored.append((-_contained(removed[i].text, added[j].text), -same, i, j))
    taken_old: set[int] = set()
    taken_new: dict[int, int] = {}
    for *_, i, j in sorted(scored):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new[j] = i
    pairs = [(removed[taken_new[j]], added[j]) for j in sorted(taken_new)]
    left_old = [s for i, s in enumerate(removed) if i not in taken_old]
    left_new = [s for j, s in enumerate(added) if j not in taken_new]
    return pairs, left_old, left_new
