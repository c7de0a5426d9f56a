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

from watchdesk.agents.flagging.sentiment.cues import (
    CLAUSE_BREAKS,
    COMPARATORS,
    DOWN,
    EVENTS,
    LOSS_VS_PROFIT,
    METRIC,
    NEGATIVE,
    NEGATORS,
    POSITIVE,
    PROFIT_VS_LOSS,
    UP,
)

_TOKEN = re.compile(r"[a-z0-9$€£%]+(?:['’.\-][a-z0-9]+)*|[.,;:!?()]")
_NUMBER = re.compile(r"^[$€£]?\d[\d.,]*%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_CASHTAG = re.compile(r"\$[a-z]{1,6}\b")
_SCALE = {"bn": 1e3, "billion": 1e3, "b": 1e3, "k": 1e-3, "thousand": 1e-3}
_PERCENT = frozenset({"%", "percent", "pct"})
_HARD_STOPS = frozenset({".", ";", "!", "?"})
_REACH = 7  # tokens from a comparator to its amount ("from EUR 8.7 mn", "compared with a loss of EUR 2 mn")
_WINDOW = 4  # tokens between a direction word and its metric ("sales in the quarter increased")
_NEG_SCOPE = 3  # tokens a negator reaches ("did not increase", "no growth in sales")


def tokenize(text: str) -> list[str]:
    """Lower-cased word, number and punctuation tokens; URLs and cashtags folded to placeholders."""
    text = _URL.sub(" url ", text.lower())
    text = _CASHTAG.sub(" tkr ", text)
    return _TOKEN.findall(text)


def features(text: str) -> list[str]:
    """Every feature name of one sentence (duplicates possible; the model counts presence)."""
    tokens = tokenize(text)
    marked, negated = _mark_negation(tokens)
    words = [("<num>" if _NUMBER.match(t) else t) for t in marked if t not in CLAUSE_BREAKS or t in "()"]
    out = [w for w in words if w not in "()"]
    out += [f"{a} {b}" for a, b in itertools.pairwise(words)]
    cues = _metric_moves(tokens, negated) + _lexicon(tokens, negated) + _events(text, set(tokens))
    if "EV_LOSS_VS_PROFIT" not in cues and "EV_PROFIT_VS_LOSS" not in cues:
        cues += _number_moves(tokens)
    return out + (cues or ["NOCUE"])


def _events(text: str, present: set[str]) -> list[str]:
    lowered = text.lower()
    out = [name for name, triggers, pattern in EVENTS if not present.isdisjoint(triggers) and pattern.search(lowered)]
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
        left = _NEG_SCOPE if (tok in NEGATORS or tok.endswith("n't")) else max(left - 1, 0)
    return marked, negated


def _metric_moves(tokens: list[str], negated: list[bool]) -> list[str]:
    """MD+/MD- for each direction word with a metric within _WINDOW tokens in the same clause."""
    out = []
    for i, tok in enumerate(tokens):
        direction = 1 if tok in UP else -1 if tok in DOWN else 0
        if not direction:
            continue
        sign = _nearest_metric(tokens, i)
        if sign:
            polarity = direction * sign * (-1 if negated[i] else 1)
            out.append("MD+" if polarity > 0 else "MD-")
    return out


def _nearest_metric(tokens: list[str], i: int) -> int:
    for dist in range(1, _WINDOW + 1):
        for j in (i + dist, i - dist):
            if 0 <= j < len(tokens):
                if tokens[j] in CLAUSE_BREAKS and tokens[j] not in "()":
                    continue
                sign = METRIC.get(tokens[j], 0)
                if sign:
                    return sign
    return 0


def _number_moves(tokens: list[str]) -> list[str]:
    """NUM+/NUM- from two amounts around a comparator, signed by the first metric in the sentence."""
    out = []
    sign = 0
    for k, tok in enumerate(tokens):
        sign = sign or METRIC.get(tok, 0)
        if tok not in COMPARATORS:
            continue
        before, after = _amount(tokens, k, -1), _amount(tokens, k, 1)
        if before is None or after is None:
            continue
        now, then = before, after
        if tok == "from" and "to" in tokens[k + 1 : k + 6]:  # "from 8.7 mn to 13.1 mn": the later one is now
            later = _amount(tokens, tokens.index("to", k + 1), 1)
            if later is not None:
                now, then = later, after
        if now[1] == then[1] and now[0] != then[0]:
            out.append("NUM+" if (now[0] - then[0]) * (sign or 1) > 0 else "NUM-")
    return out


def _amount(tokens: list[str], k: int, step: int) -> tuple[float, bool] | None:
    """The nearest amount within _REACH tokens of position k (value, is-percent); years are not amounts."""
    for j in range(k + step, k + step * (_REACH + 1), step):
        if not 0 <= j < len(tokens) or tokens[j] in _HARD_STOPS:
            return None
        tok = tokens[j]
        if _NUMBER.match(tok) and not _YEAR.match(tok):
            unit = tokens[j + 1] if j + 1 < len(tokens) else ""
            return _value(tok, unit), tok.endswith("%") or unit in _PERCENT
    return None


def _value(token: str, unit: str) -> float:
    number = token.strip("$€£%")
    # "1,200" is a thousands separator; "13,1" (European decimal) is read as 13.1
    digits = number.replace(",", "") if re.search(r",\d{3}\b", number) else number.replace(",", ".")
    try:
        return float(digits) * _SCALE.get(unit, 1.0)
    except ValueError:
        return 0.0


def _lexicon(tokens: list[str], negated: list[bool]) -> list[str]:
    out = []
    for tok, neg in zip(tokens, negated, strict=True):
        if tok in POSITIVE:
            out.append("LEX-" if neg else "LEX+")
        elif tok in NEGATIVE:
            out.append("LEX+" if neg else "LEX-")
    return out
