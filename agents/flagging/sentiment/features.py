"""Sentence -> feature names: negation-marked word uni/bi-grams plus hand-written financial cues.

Cue features (upper case, so they never clash with words):
  MD+ / MD-     a direction word next to a metric, signed by the metric ("loss narrowed" is MD+)
  NUM+ / NUM-   "X from Y", "X compared to Y", "X (Y)": the two amounts say the direction, the metric signs it
  LEX+ / LEX-   polar words from cues.POSITIVE / cues.NEGATIVE, flipped under negation
  EV_*          events that carry sentiment alone (contract wins, job cuts, swinging to a loss, ...)
  NOCUE         none of the above: the sentence reports no movement and no event (usually neutral)
"""

from __future__ import annotations

import itertools
import re
from itertools import compress, count

from watchdesk.agents.flagging.regex_cache import compile_cached
from watchdesk.agents.flagging.sentiment.cues import (
    CLAUSE_BREAKS,
    COMPARATORS,
    CONTRAST,
    DOWN,
    EVALUATIVE,
    EVENT_NEEDS,
    EVENTS,
    EXPECT_VERBS,
    JOB_TALKS,
    LOSS_VS_PROFIT,
    METRIC,
    MONTHS,
    NEGATIVE,
    NEGATORS,
    NOT_METRIC_AFTER,
    NOT_UP_AFTER,
    NOT_UP_BEFORE,
    POSITIVE,
    PROFIT_VS_LOSS,
    REFUSE_VERBS,
    UP,
)

_TOKEN = compile_cached(r"[a-z0-9$€£%]+(?:['’.\-][a-z0-9]+)*|[.,;:!?()]")
_NUMBER = compile_cached(r"^[$€£]?\d[\d.,]*%?$")
_NUM_START = frozenset("0123456789$€£")
_YEAR = compile_cached(r"^(?:19|20)\d\d$")
_URL = compile_cached(r"https?://\S+|www\.\S+")
_CASHTAG = compile_cached(r"\$[a-z]{1,6}\b")
_SCALE = {"bn": 1e3, "billion": 1e3, "b": 1e3, "k": 1e-3, "thousand": 1e-3}
_PERCENT = frozenset({"%", "percent", "pct"})
_HARD_STOPS = frozenset({".", ";", "!", "?"})
_STOPS = _HARD_STOPS | CONTRAST  # where the search for a sentence's subject metric stops
_DIGIT = compile_cached(r"\d")
_METRIC_WORDS = frozenset(METRIC)  # isdisjoint with a dict would walk all of its keys
_SUBJECT_REACH = 30  # tokens back to a sentence's subject metric, across commas of dates and asides
_REACH = 7  # tokens from a comparator to its amount ("from EUR 8.7 mn", "compared with a loss of EUR 2 mn")
_WINDOW = 5  # tokens between a direction word and its metric ("sales in the quarter increased")
# token -> (direction: +1 up / -1 down / 0, polar word: +1 / -1 / 0); one lookup per token on the hot path
_WORD_KIND = {
    tok: (1 if tok in UP else -1 if tok in DOWN else 0, 1 if tok in POSITIVE else -1 if tok in NEGATIVE else 0)
    for tok in UP | DOWN | POSITIVE | NEGATIVE
}
_KIND_WORDS = frozenset(_WORD_KIND)  # a set: isdisjoint walks any other container whole
_CUE_WORDS = _KIND_WORDS | _METRIC_WORDS
_EVENT_TRIGGERS = frozenset().union(*(triggers for _, triggers, _ in EVENTS))
_NEG_SCOPE = 3  # tokens a negator reaches ("did not increase", "no growth in sales")
_NEG_SCOPE_EXPECT = 8  # ... and after a negated "expect" ("does not expect sales in Asia to grow")


def tokenize(text: str) -> list[str]:
    """Lower-cased word, number and punctuation tokens; URLs and cashtags folded to placeholders."""
    return _tokens(text.lower().replace("’", "'"))


def _tokens(lowered: str) -> list[str]:
    if "http" in lowered or "www." in lowered:  # the URL pattern needs one of them: most sentences skip its scan
        lowered = _URL.sub(" url ", lowered)
    if "$" in lowered:
        lowered = _CASHTAG.sub(" tkr ", lowered)
    return _TOKEN.findall(lowered)


def features(text: str) -> list[str]:
    """Every feature name of one sentence (duplicates possible; the model counts presence)."""
    lowered = text.lower().replace("’", "'")
    tokens = _tokens(lowered)
    present = set(tokens)
    marked, negated = negation(lowered, tokens, present)
    words = ngram_words(marked)
    out = [w for w in words if w not in "()"]
    out += map(" ".join, itertools.pairwise(words))  # "a b" bigrams, joined in C
    return out + (cues(lowered, tokens, negated, present) or ["NOCUE"])


def negation(lowered: str, tokens: list[str], present: set[str]) -> tuple[list[str], list[bool]]:
    """Tokens with "not_" before those a negator reaches, and which ones it reaches."""
    if present.isdisjoint(NEGATORS) and "n't" not in lowered:
        return tokens, [False] * len(tokens)  # most sentences: skip the negation pass
    return _mark_negation(tokens)


def ngram_words(marked: list[str]) -> list[str]:
    """The words n-grams are made of: numbers read as <num>, clause breaks dropped except brackets."""
    return [
        "<num>" if t[0] in _NUM_START and _NUMBER.match(t) else t
        for t in marked
        if t not in CLAUSE_BREAKS or t in "()"
    ]


def cues(lowered: str, tokens: list[str], negated: list[bool], present: set[str]) -> list[str]:
    """The cue features (upper case) of a sentence; empty when it has none (the caller adds NOCUE)."""
    out = [] if present.isdisjoint(_KIND_WORDS) else _word_cues(tokens, negated, present)
    out += _events(lowered, present)
    if (
        not present.isdisjoint(COMPARATORS)
        and "EV_LOSS_VS_PROFIT" not in out
        and "EV_PROFIT_VS_LOSS" not in out
        and _DIGIT.search(lowered)  # no digit, no amount to compare
    ):
        out += _number_moves(tokens)
    return out


# Tokens without which cues() is empty whatever the rest of the sentence: scorers skip it on the others
CUE_TRIGGERS = _KIND_WORDS | _EVENT_TRIGGERS | COMPARATORS | {"negotiations", "loss"}


def _events(lowered: str, present: set[str]) -> list[str]:
    out = []
    if not present.isdisjoint(_EVENT_TRIGGERS):  # most sentences hold no trigger word of any event
        out = [
            name
            for name, words, pattern in EVENTS
            if not present.isdisjoint(words)
            and any(map(lowered.__contains__, EVENT_NEEDS[name]))
            and pattern.search(lowered)
        ]
    if "negotiations" in present and JOB_TALKS.search(lowered):
        out.append("EV_JOBCUT")
    if "loss" in present and "profit" in present:
        if LOSS_VS_PROFIT.search(lowered):
            out.append("EV_LOSS_VS_PROFIT")
        elif PROFIT_VS_LOSS.search(lowered):
            out.append("EV_PROFIT_VS_LOSS")
    return out


def _mark_negation(tokens: list[str]) -> tuple[list[str], list[bool]]:
    marked: list[str] = []
    negated: list[bool] = []
    left = 0
    for tok in tokens:
        if tok in CLAUSE_BREAKS:
            left = 0
        neg = left > 0
        marked.append("not_" + tok if neg else tok)
        negated.append(neg)
        if tok in NEGATORS or tok.endswith("n't"):
            left = _NEG_SCOPE
        elif tok in EXPECT_VERBS and left:  # "does not expect profitability to improve": to the clause end
            left = _NEG_SCOPE_EXPECT
        else:
            left = max(left - 1, 0)
    return marked, negated


def _word_cues(tokens: list[str], negated: list[bool], present: set[str]) -> list[str]:
    """MD+/MD- for each direction word with a metric near it; LEX+/LEX- for each polar word."""
    out = []
    hits = list(compress(count(), map(_CUE_WORDS.__contains__, tokens)))  # its few kind and metric words, in C
    metrics: dict[int, int] | None = None if not present.isdisjoint(_METRIC_WORDS) else {}
    for i in hits:
        tok = tokens[i]
        kind = _WORD_KIND.get(tok)
        if kind is None:
            continue
        direction, polar = kind
        flip = -1 if negated[i] else 1
        if polar:
            out.append("LEX+" if polar * flip > 0 else "LEX-")
        if direction and (tok != "up" or _is_up(tokens, i)) and not _is_refusal(tokens, i):
            if metrics is None:
                metrics = _metric_signs(tokens, hits)
            sign = _nearest_metric(tokens, i, metrics) if metrics else 0
            if sign and tok in EVALUATIVE:
                sign = 1  # "inventory is healthy", "costs improved": the word judges, the metric does not sign it
            if sign:
                out.append("MD+" if direction * sign * flip > 0 else "MD-")
    return out


def _is_up(tokens: list[str], i: int) -> bool:
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return not (i and tokens[i - 1] in NOT_UP_BEFORE) and after not in NOT_UP_AFTER


def _is_refusal(tokens: list[str], i: int) -> bool:
    """'declined to comment', 'declines to give guidance': a refusal, no direction."""
    return tokens[i + 1 : i + 2] == ["to"] and i + 2 < len(tokens) and tokens[i + 2] in REFUSE_VERBS


def _metric_signs(tokens: list[str], hits: list[int]) -> dict[int, int]:
    """Position -> sign of every metric word among `hits`, but "share" in "share capital" and the like."""
    last = len(tokens) - 1
    return {
        j: METRIC[tokens[j]]
        for j in hits
        if tokens[j] in METRIC and not (j < last and tokens[j + 1] in NOT_METRIC_AFTER.get(tokens[j], ()))
    }


def _nearest_metric(tokens: list[str], i: int, metrics: dict[int, int]) -> int:
    """Sign of the metric nearest to position i (within _WINDOW, after it on a tie), else of the subject metric
    further left in its clause ("Net sales for the quarter ended November 2, 2024 decreased")."""
    near = [(abs(j - i), j < i, j) for j in metrics if 0 < abs(j - i) <= _WINDOW]
    if near:
        return metrics[min(near)[2]]
    left = [j for j in metrics if max(i - _SUBJECT_REACH, 0) <= j < i - _WINDOW]
    if not left or not _STOPS.isdisjoint(tokens[max(left) + 1 : i - _WINDOW]):
        return 0
    return metrics[max(left)]


def _number_moves(tokens: list[str]) -> list[str]:
    """NUM+/NUM- from a current and an earlier amount around a comparator, signed by their metric."""
    out = []
    for k, tok in enumerate(tokens):
        if tok not in COMPARATORS:
            continue
        then = _amount_after(tokens, k)
        if then is None:
            continue
        if tok == "from" and "to" in tokens[k + 1 : k + 6]:  # "from 8.7 mn to 13.1 mn": after "to" is now
            now = _amount_after(tokens, tokens.index("to", k + 1))
        elif tok == "(":  # "EUR 10.1 mn (EUR 8.2 mn)": only a bare amount in brackets is a comparison
            closes = ")" in tokens[then[2] + 1 : then[2] + 3]
            now = _amount_before(tokens, k, then[1]) if closes and _is_amount(tokens, k - 2, k - 1) else None
        else:
            now = _amount_before(tokens, k, then[1])
        if now is not None and now[1] == then[1] and now[0] != then[0]:
            sign = _metric_before(tokens, now[2])
            out.append("NUM+" if (now[0] - then[0]) * (sign or 1) > 0 else "NUM-")
    return out


def _amount_after(tokens: list[str], k: int) -> tuple[float, bool, int] | None:
    for j in range(k + 1, min(k + 1 + _REACH, len(tokens))):
        if tokens[j] in _HARD_STOPS:
            return None
        if _is_amount(tokens, j, j):
            return _read(tokens, j)
    return None


def _amount_before(tokens: list[str], k: int, percent: bool) -> tuple[float, bool, int] | None:
    """The first amount of the same kind after the last metric word before position k (the current value:
    "net income was $44.2 million, or $0.89 per share, compared with ..."), else the nearest one."""
    start = k
    for j in range(k - 1, max(k - _SUBJECT_REACH, 0) - 1, -1):
        if tokens[j] in _HARD_STOPS:
            break
        start = j
        if tokens[j] in METRIC and tokens[j - 1] != "per":  # "$0.89 per share" is an aside, not the subject
            break
    found = [_read(tokens, j) for j in range(start, k) if _is_amount(tokens, j, j)]
    same = [a for a in found if a[1] == percent]
    return same[0] if same else None


def _metric_before(tokens: list[str], k: int) -> int:
    for j in range(k - 1, max(k - _SUBJECT_REACH, 0) - 1, -1):
        if tokens[j] in _HARD_STOPS:
            break
        if tokens[j] in METRIC:
            return METRIC[tokens[j]]
    return 0


def _is_amount(tokens: list[str], first: int, last: int) -> bool:
    """A number somewhere in tokens[first..last] that is not a year or a day of a month."""
    for j in range(max(first, 0), last + 1):
        tok = tokens[j]
        if _NUMBER.match(tok) and not _YEAR.match(tok) and not (j > 0 and tokens[j - 1] in MONTHS):
            return True
    return False


def _read(tokens: list[str], j: int) -> tuple[float, bool, int]:
    unit = tokens[j + 1] if j + 1 < len(tokens) else ""
    return _value(tokens[j], unit), tokens[j].endswith("%") or unit in _PERCENT, j


def _value(token: str, unit: str) -> float:
    number = token.strip("$€£%")
    # "1,200" is a thousands separator; "13,1" (European decimal) is read as 13.1
    digits = number.replace(",", "") if re.search(r",\d{3}\b", number) else number.replace(",", ".")
    try:
        return float(digits) * _SCALE.get(unit, 1.0)
    except ValueError:
        return 0.0
