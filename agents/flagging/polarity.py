"""Rule-based polarity (v0): is a topic mention a warning or good news for the company?

Cues live in polarity.toml. The score sums cue weights, each weighted by how close it sits to
the topic mention and flipped when negated ("no pull-ins", "not supply constrained"), then
damped for hedges, questions and plainly factual sentences. A later issue replaces this judge
with a stronger model; the signature stays.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from watchdesk.agents.flagging.topics import Span, compile_topic, flex_spaces, shipped_topics
from watchdesk.sources.errors import ConfigError

Polarity = Literal["positive", "negative", "neutral"]

THRESHOLD = 0.3  # |score| below this is neutral: one weak or distant cue is not a verdict
_WEIGHTS = {"strong_negative": -2.0, "negative": -1.0, "strong_positive": 2.0, "positive": 1.0}
_NEGATOR = re.compile(
    r"(?:\b(?:not(?! only)|no|never|nothing|without|neither|nor|cannot|hardly|barely|lack of)\b|n't\b)"
    r"(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|potential(?:ly)?|if|whether|perhaps|maybe)\b", re.I)
_NEAR, _FAR = 40, 160  # characters: full weight within _NEAR of the mention, a third beyond _FAR


@dataclass(frozen=True)
class _Cues:
    """One topic's cues compiled into a single regex with a named group per kind."""

    regex: re.Pattern[str]
    damp: re.Pattern[str] | None


def judge(sentence: str, *, topic: str, focus: Sequence[Span] | None = None) -> tuple[Polarity, float]:
    """Polarity and score in [-1, 1] of `sentence` about `topic`.

    `focus` gives the spans of the topic mention in `sentence`; by default the shipped topic's
    own phrases are searched for, and for unknown topics every cue counts fully.
    """
    cues = _cues(topic)
    anchors = list(focus) if focus is not None else _anchors(sentence, topic)
    raw = 0.0
    for m in cues.regex.finditer(sentence):
        kind = m.lastgroup or ""
        weight = _WEIGHTS[kind.rsplit("_", 1)[0]] * _proximity(m.span(), anchors)
        raw += -weight if _negated(sentence, m.start()) else weight
    raw *= _damping(sentence, cues)
    score = round(raw / (abs(raw) + 1.0), 3)
    if score >= THRESHOLD:
        return "positive", score
    if score <= -THRESHOLD:
        return "negative", score
    return "neutral", score


def _negated(sentence: str, at: int) -> bool:
    """A negator a few words before the cue, in the same clause, flips it."""
    window = sentence[max(0, at - 48) : at]
    window = re.split(r"[,;:]|\bbut\b", window)[-1]
    return _NEGATOR.search(window) is not None


def _proximity(span: Span, anchors: Sequence[Span]) -> float:
    """Cues next to the mention count fully; cues far away in a long sentence count a third."""
    if not anchors:
        return 1.0
    gap = min(max(a - span[1], span[0] - b, 0) for a, b in anchors)
    if gap <= _NEAR:
        return 1.0
    return max(1 / 3, 1.0 - (gap - _NEAR) / (_FAR - _NEAR) * (2 / 3))


def _damping(sentence: str, cues: _Cues) -> float:
    """Hedges, questions and factual framing pull the score toward neutral."""
    factor = 1.0
    if _HEDGE.search(sentence):
        factor *= 0.7
    if sentence.rstrip().endswith("?"):
        factor *= 0.5
    if cues.damp is not None and cues.damp.search(sentence):
        factor *= 0.4
    return factor


def _anchors(sentence: str, topic: str) -> list[Span]:
    spec = next((s for s in shipped_topics() if s.name == topic), None)
    return compile_topic(spec).hits(sentence) if spec is not None else []


@cache
def _cues(topic: str) -> _Cues:
    data = _cue_file()
    directions = data.get("directions", {})
    tables = [data["topics"].get(topic, {}), data["generic"]]  # topic cues first: they win overlaps
    groups: list[str] = []
    for i, table in enumerate(tables):
        for kind in _WEIGHTS:
            if table.get(kind):
                groups.append(f"(?P<{kind}_{i}>{_alternation(table[kind], directions)})")
    damp = [p for table in tables for p in table.get("damp", [])]
    return _Cues(
        regex=re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE),
        damp=re.compile(r"(?<!\w)" + _alternation(damp, directions), re.IGNORECASE) if damp else None,
    )


def _alternation(patterns: Sequence[str], directions: dict[str, str]) -> str:
    expanded = []
    for pattern in patterns:
        for key, value in directions.items():
            pattern = pattern.replace(f"<{key}>", value)
        expanded.append(flex_spaces(pattern))
    return "(?:" + "|".join(sorted(expanded, key=len, reverse=True)) + ")"


@cache
def _cue_file() -> dict[str, dict]:
    raw = resources.files("watchdesk.agents.flagging").joinpath("polarity.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
        data.setdefault("topics", {})
        data["generic"]  # noqa: B018 - required table
        return data
    except (tomllib.TOMLDecodeError, KeyError) as exc:
        raise ConfigError(f"polarity.toml is invalid: {exc}. Fix the shipped cue file.") from exc
