"""Rule-based polarity: is a topic mention a warning or good news for the company?

Cues live in polarity.toml (see cues.py). The score sums cue weights, each weighted by how close
it sits to the topic mention and flipped when negated ("no pull-ins", "not supply constrained");
cues inside an `ignore` span speak about something else ("demand improved") and do not count.
The sum is then damped for hedges, questions and plainly factual sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import Literal, NamedTuple

from watchdesk.agents.flagging.casefold import fold, twin
from watchdesk.agents.flagging.cues import Cues, Scoring, cues_for, scoring
from watchdesk.agents.flagging.cuescan import SentenceStarts
from watchdesk.agents.flagging.topics import Span, compile_topic, shipped_topics

Polarity = Literal["positive", "negative", "neutral"]

_NEGATOR = re.compile(
    # "if it weren't for the restrictions" asserts them: a counterfactual is no negation
    # "it won't be long before supply catches up": soon, not a denial
    r"(?:\b(?:not(?! only| just| for| long| too long| be long| be too long)|no|never|nothing|nobody|none|without|"
    r"neither|nor|cannot|hardly|barely|lack of)\b|n't\b(?! for| be long| be too long))"
    # "we don't believe there is any substantial build-up": a verb of belief carries the negation further
    # ("no doubt" in the window negates nothing: "I don't think there's any doubt that the shortage is over")
    r"(?:(?:\W+(?:believe|think|expect|see|seeing|seen|saw|anticipate|foresee|view|consider)\b)(?:\W+(?!doubt\b)\w+){0,6}"
    r"|(?:\W+(?!doubt\b)\w+){0,3})\W*$"
    # "reluctant to restock": only the verb right after it ("reluctant to raise prices despite tight supply" still says
    # the supply is tight; a review of v0.30)
    r"|\b(?:reluctant|hesitant|unwilling) to\W*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# A relief under "until" or "unless" is not asserted but awaited: "Until the CoWoS constraints are resolved, we will
# not be able to ship ..." read as good news (a review of v0.30's fifth part). Good-news cues in such a clause are
# turned; warnings are left as they are ("until the shortage ends" is no warning turned to good news). Not "before":
# "it won't be long before you see more regular resumption of ship traffic" is good news (a held-out news item turned
# by a first version of this rule), unless what cannot happen waits for it ("We cannot add more lines before the
# substrate shortages have been resolved").
_AWAITS = re.compile(
    r"(?:\b(?:until|unless)\b|\b(?:cannot|can't|unable to|not able to)\b[^,;]*?\bbefore\b)(?:\W+\w+){0,6}\W*$",
    re.IGNORECASE,
)
_OPENER = re.compile(
    r"\W*(?:(?:and|so|now|then|okay|ok)\W+)?(?:on|regarding|re|about|as for|as to|turning to|moving to|"
    r"with respect to|with regards? to|in terms of|what about|how about)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:]|\bbut\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|potential(?:ly)?|if|whether|perhaps|maybe)\b", re.I)
# Questions that end in a period: "I was wondering if ...", "could you talk about ..."
_ASKS = re.compile(
    r"\b(?:wonder(?:ed|ing)?|curious) (?:\w+ )?(?:if|whether|how|what|about)\b"
    r"|\b(?:can|could|would) you (?:please )?(?:\w+ )?"
    r"(?:talk|speak|comment|help|give|share|provide|walk|update|quantify)\b",
    re.IGNORECASE,
)


class _Reading(NamedTuple):
    """The sentence as the regexes read it: lower-cased for case-sensitive twins (casefold.py), else as written."""

    text: str
    cues: Cues
    negator: re.Pattern[str]
    clause: re.Pattern[str]
    hedge: re.Pattern[str]
    asks: re.Pattern[str]
    opener: re.Pattern[str]
    starts: SentenceStarts | None = None  # where the twins may match, from a pre-scan (cuescan.py)


_OWN = (_NEGATOR, _CLAUSE, _HEDGE, _ASKS, _OPENER)


def _reading(sentence: str, topic: str, starts: SentenceStarts | None = None) -> _Reading:
    cues = cues_for(topic)
    folded, twins = (fold(sentence) if starts is None else starts.text), _twins()  # a pre-scan read it folded
    if folded is not None and cues.folded is not None and twins is not None:
        negator, clause, hedge, asks, opener = twins
        return _Reading(folded, cues.folded, negator, clause, hedge, asks, opener, starts)
    return _Reading(sentence, cues, *_OWN)


def twin_regexes(topics: Sequence[str]) -> list[re.Pattern[str]]:
    """Every regex the judge runs on folded sentences about `topics`, for cuescan.sentence_starts."""
    twins = _twins()  # the hedge and question regexes: the others run anchored or on short windows
    found = [twins[2], twins[3]] if twins is not None else []
    for topic in topics:
        cues = cues_for(topic).folded
        if cues is not None:
            found += [r for r in (cues.scanner, cues.ignore, cues.neutral, cues.damp) if r is not None]
    return found


@cache
def _twins() -> tuple[re.Pattern[str], ...] | None:
    found = [twin(regex) for regex in _OWN]
    return tuple(f for f in found if f is not None) if all(f is not None for f in found) else None


def judge(
    sentence: str,
    *,
    topic: str,
    focus: Sequence[Span] | None = None,
    prior: float | None = None,
    knobs: Scoring | None = None,
    starts: SentenceStarts | None = None,
) -> tuple[Polarity, float]:
    """Polarity and score in [-1, 1] of `sentence` about `topic`.

    `focus` gives the spans of the topic mention in `sentence`; by default the shipped topic's
    own phrases are searched for, and for unknown topics every cue counts fully. `prior`, the
    score of the mention just before, is inherited (scaled by `knobs.context`) when the
    sentence has no cue of its own. `starts`, where the regexes may match in the sentence
    (cuescan.py), lets them run only there.
    """
    knobs = knobs or scoring()
    reading = _reading(sentence, topic, starts)
    found = _contributions(sentence, reading, topic=topic, focus=focus, knobs=knobs)
    if not found:
        return verdict(round(prior * knobs.context, 3), knobs=knobs) if prior is not None else ("neutral", 0.0)
    neutral = reading.cues.neutral
    if (focus and _fragment(sentence, reading, focus, knobs)) or (neutral is not None and _search(reading, neutral)):
        return "neutral", 0.0
    raw = sum(weight for _, weight in found) * _damping(reading, knobs)
    return verdict(round(raw / (abs(raw) + 1.0), 3), knobs=knobs)


def verdict(score: float, *, knobs: Scoring | None = None) -> tuple[Polarity, float]:
    """The polarity a score in [-1, 1] stands for."""
    threshold = (knobs or scoring()).threshold
    if score >= threshold:
        return "positive", score
    if score <= -threshold:
        return "negative", score
    return "neutral", score


def contributions(
    sentence: str, *, topic: str, focus: Sequence[Span] | None = None, knobs: Scoring | None = None
) -> list[tuple[str, float]]:
    """Each cue found in `sentence` with its signed weight after proximity and negation."""
    return _contributions(sentence, _reading(sentence, topic), topic=topic, focus=focus, knobs=knobs or scoring())


def _contributions(
    sentence: str, reading: _Reading, *, topic: str, focus: Sequence[Span] | None, knobs: Scoring
) -> list[tuple[str, float]]:
    cues = reading.cues
    matches = _matches(reading, cues.scanner)
    if not matches:
        return []
    near = _Nearest(list(focus) if focus is not None else _anchors(sentence, topic))
    ignored = [m.span() for m in _matches(reading, cues.ignore)] if cues.ignore is not None else []
    ignored_starts = [a for a, _ in ignored]
    found = []
    for m in matches:
        # ignore spans come from one scan, so they are sorted and disjoint: only the last one starting
        # at or before the cue can hold it (a bisection keeps long sentences linear)
        i = bisect_right(ignored_starts, m.start()) - 1 if ignored else -1
        if i >= 0 and m.end() <= ignored[i][1]:
            continue  # a cue about demand or pricing, not about the topic
        weight = cues.weight(m.group()) * _proximity(near.gap(m.span()), knobs)
        turned = _negated(reading, m.start()) or (weight > 0 and _awaited(reading, m.start()))
        found.append((sentence[m.start() : m.end()], -weight if turned else weight))
    return found


class _Nearest:
    """Distance from a span to the nearest anchor (0 when they touch), in log time per query."""

    def __init__(self, anchors: Sequence[Span]) -> None:
        ordered = sorted(anchors)
        self.starts = [a for a, _ in ordered]
        self.max_ends = list(accumulate((b for _, b in ordered), max))

    def gap(self, span: Span) -> int | None:
        """None without anchors: every cue then counts fully."""
        if not self.starts:
            return None
        # anchors starting before the span ends lie left of it or overlap it: the furthest end wins;
        # of those starting at or after its end, the first is nearest
        i = bisect_left(self.starts, span[1])
        gaps = [max(span[0] - self.max_ends[i - 1], 0)] if i else []
        if i < len(self.starts):
            gaps.append(self.starts[i] - span[1])
        return min(gaps)


def _fragment(sentence: str, reading: _Reading, focus: Sequence[Span], knobs: Scoring) -> bool:
    """A discourse fragment that only names the topic ("On export control.") says nothing of its direction."""
    opener = reading.opener.match(reading.text)
    if opener is None:
        return False
    rest, pos = [], opener.end()
    for a, b in sorted(focus):
        rest.append(sentence[pos:a])
        pos = max(pos, b)
    rest.append(sentence[pos:])
    return len(_WORD.findall(" ".join(rest))) <= knobs.fragment


def _matches(reading: _Reading, regex: re.Pattern[str]) -> list[re.Match[str]]:
    """`regex.finditer(reading.text)`, listed; with a pre-scan that knows `regex`, tried only where a head starts."""
    text, starts = reading.text, reading.starts
    may = None if starts is None else starts.may_match(regex)
    if starts is None or may is None:
        return list(regex.finditer(text))
    found: list[re.Match[str]] = []
    pos, match = 0, regex.match
    for at in starts.anywhere if may else ():  # what finditer finds: the first match at or after `pos`, and so on
        if at >= pos and (m := match(text, at)) is not None:
            found.append(m)
            pos = m.end()  # never empty: a regex with heads consumes a character
    return found


def _search(reading: _Reading, regex: re.Pattern[str]) -> bool:
    """Whether `regex` matches somewhere in `reading.text`; not run where the pre-scan says it cannot."""
    may = reading.starts.may_match(regex) if reading.starts is not None else None
    return may is not False and regex.search(reading.text) is not None


def _negated(reading: _Reading, at: int) -> bool:
    """A negator a few words before the cue, in the same clause, flips it."""
    return _ends_clause_before(reading, at, reading.negator)


def _awaited(reading: _Reading, at: int) -> bool:
    """A good-news cue in a clause opened by "until" or "unless" a few words back: awaited, not asserted."""
    return _ends_clause_before(reading, at, _AWAITS)


def _ends_clause_before(reading: _Reading, at: int, regex: re.Pattern[str]) -> bool:
    """Whether `regex` (anchored at its end) matches the text just before `at`, within its clause."""
    window = reading.text[max(0, at - 80) : at]
    # the clause is the window's tail after a clause mark, a non-word character or "but" (a word boundary after
    # it): the regex, anchored at the end, matches there only where it matches in the whole window too
    if regex.search(window) is None:
        return False
    return regex.search(reading.clause.split(window)[-1]) is not None


def _proximity(gap: int | None, knobs: Scoring) -> float:
    """Cues next to the mention count fully; cues far away in a long sentence count less."""
    if gap is None or gap <= knobs.near:
        return 1.0
    slope = (gap - knobs.near) / max(1, knobs.far - knobs.near)
    return max(knobs.far_weight, 1.0 - slope * (1.0 - knobs.far_weight))


def _damping(reading: _Reading, knobs: Scoring) -> float:
    """Hedges, questions and factual framing pull the score toward neutral."""
    factor, text, damp = 1.0, reading.text, reading.cues.damp
    if _search(reading, reading.hedge):
        factor *= knobs.hedge
    if text.rstrip().endswith("?") or (_may_ask(reading) and _search(reading, reading.asks)):
        factor *= knobs.question
    if damp is not None and _search(reading, damp):
        factor *= knobs.damp
    return factor


_ASKS_NEEDS = ("wonder", "curious", "you")  # every match of _ASKS holds one, in lower case


def _may_ask(reading: _Reading) -> bool:
    """Whether _ASKS may match: always on text as written; on folded text (case-sensitive twins) only where it
    holds one of the words every match holds."""
    return reading.asks is _ASKS or any(map(reading.text.__contains__, _ASKS_NEEDS))


def _anchors(sentence: str, topic: str) -> list[Span]:
    spec = next((s for s in shipped_topics() if s.name == topic), None)
    return compile_topic(spec).hits(sentence) if spec is not None else []
