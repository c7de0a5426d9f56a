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
from typing import Any, Literal

from watchdesk.agents.flagging.prefilter import factor_by_first_char
from watchdesk.agents.flagging.topics import Span, compile_topic, flex_spaces, shipped_topics
from watchdesk.sources.errors import ConfigError

Polarity = Literal["positive", "negative", "neutral"]

THRESHOLD = 0.3  # |score| below this is neutral: one weak or distant cue is not a verdict
TOPIC_BOOST = 1.5  # a topic's own cues ("tight" for supply) say more than generic ones
_WEIGHTS = {
    "strong_negative": -2.0, "negative": -1.0, "weak_negative": -0.5,
    "weak_positive": 0.5, "positive": 1.0, "strong_positive": 2.0,
}  # fmt: skip
_NEGATOR = re.compile(
    r"(?:\b(?:not(?! only| just)|no|never|nothing|without|neither|nor|cannot|hardly|barely|lack of)\b|n't\b)"
    r"(?:\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:]|\bbut\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:may|might|could|possibly|potential(?:ly)?|if|whether|perhaps|maybe)\b", re.I)
_NEAR, _FAR = 30, 120  # characters: full weight within _NEAR of the mention, a quarter beyond _FAR


@dataclass(frozen=True)
class _Cues:
    """One topic's cues: a fast scanner for all of them, then per-kind patterns to tell which."""

    scanner: re.Pattern[str]
    kinds: tuple[tuple[float, re.Pattern[str]], ...]  # (weight, pattern) in priority order
    damp: re.Pattern[str] | None


def judge(sentence: str, *, topic: str, focus: Sequence[Span] | None = None) -> tuple[Polarity, float]:
    """Polarity and score in [-1, 1] of `sentence` about `topic`.

    `focus` gives the spans of the topic mention in `sentence`; by default the shipped topic's
    own phrases are searched for, and for unknown topics every cue counts fully.
    """
    raw = sum(weight for _, weight in contributions(sentence, topic=topic, focus=focus))
    raw *= _damping(sentence, _cues(topic))
    score = round(raw / (abs(raw) + 1.0), 3)
    if score >= THRESHOLD:
        return "positive", score
    if score <= -THRESHOLD:
        return "negative", score
    return "neutral", score


def contributions(
    sentence: str, *, topic: str, focus: Sequence[Span] | None = None
) -> list[tuple[str, float]]:
    """Each cue found in `sentence` with its signed weight after proximity and negation."""
    cues = _cues(topic)
    anchors = list(focus) if focus is not None else _anchors(sentence, topic)
    found = []
    for m in cues.scanner.finditer(sentence):
        weight = next((w for w, kind in cues.kinds if kind.fullmatch(m.group())), 0.0)
        weight *= _proximity(m.span(), anchors)
        found.append((m.group(), -weight if _negated(sentence, m.start()) else weight))
    return found


def _negated(sentence: str, at: int) -> bool:
    """A negator a few words before the cue, in the same clause, flips it."""
    window = _CLAUSE.split(sentence[max(0, at - 48) : at])[-1]
    return _NEGATOR.search(window) is not None


def _proximity(span: Span, anchors: Sequence[Span]) -> float:
    """Cues next to the mention count fully; cues far away in a long sentence count a quarter."""
    if not anchors:
        return 1.0
    gap = min(max(a - span[1], span[0] - b, 0) for a, b in anchors)
    if gap <= _NEAR:
        return 1.0
    return max(0.25, 1.0 - (gap - _NEAR) / (_FAR - _NEAR) * 0.75)


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
    tables = [(data["topics"].get(topic, {}), TOPIC_BOOST), (data["generic"], 1.0)]
    # Strong (multi-word) cues first, then a topic's own before generic ones: at one position
    # the first alternative wins, so "constraints eased" beats "constraints".
    order = sorted(_WEIGHTS, key=lambda kind: not kind.startswith("strong"))
    kinds: list[tuple[float, re.Pattern[str]]] = []
    alternatives: list[str] = []
    for kind in order:
        for table, boost in tables:
            patterns = _expand(table.get(kind, []), data["macros"])
            if patterns:
                alternatives += patterns
                kinds.append((_WEIGHTS[kind] * boost, re.compile("|".join(patterns), re.IGNORECASE)))
    damp = [p for table, _ in tables for p in _expand(table.get("damp", []), data["macros"])]
    return _Cues(
        scanner=re.compile(rf"(?<!\w){factor_by_first_char(alternatives)}(?!\w)", re.IGNORECASE),
        kinds=tuple(kinds),
        damp=re.compile(r"(?<!\w)(?:" + "|".join(damp) + ")", re.IGNORECASE) if damp else None,
    )


def _expand(patterns: Sequence[str], macros: dict[str, str]) -> list[str]:
    """Patterns with <MACRO>s filled in and spaces made to match any whitespace."""
    expanded = []
    for pattern in patterns:
        for key, value in macros.items():
            pattern = pattern.replace(f"<{key}>", value)
        expanded.append(flex_spaces(pattern))
    return sorted(expanded, key=len, reverse=True)


@cache
def _cue_file() -> dict[str, Any]:
    raw = resources.files("watchdesk.agents.flagging").joinpath("polarity.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"polarity.toml is invalid: {exc}. Fix the shipped cue file.") from exc
    if "generic" not in data:
        raise ConfigError("polarity.toml has no [generic] table. Fix the shipped cue file.")
    data.setdefault("topics", {})
    data.setdefault("macros", {})
    return data
