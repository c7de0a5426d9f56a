"""Polarity cues and scoring knobs from polarity.toml, compiled once per topic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.casefold import twin
from watchdesk.agents.flagging.prefilter import factor_by_first_char
from watchdesk.agents.flagging.regex_cache import compile_cached
from watchdesk.agents.flagging.topics import flex_all, parse_toml
from watchdesk.sources.errors import ConfigError

WEIGHTS = {
    "strong_negative": -2.0, "negative": -1.0, "weak_negative": -0.5,
    "weak_positive": 0.5, "positive": 1.0, "strong_positive": 2.0,
}  # fmt: skip
TOPIC_BOOST = 1.5  # a topic's own cues ("tight" for supply) say more than generic ones


@dataclass(frozen=True, kw_only=True)
class Scoring:
    """The judge's numeric knobs ([scoring] in polarity.toml); tests vary them to check tuning."""

    threshold: float = 0.3  # |score| below this is neutral: one weak or distant cue is not a verdict
    near: int = 30  # characters from the mention within which a cue counts fully
    far: int = 120  # ... and beyond which it counts `far_weight`
    far_weight: float = 0.25
    hedge: float = 0.7  # "may", "could", "whether": softer
    question: float = 0.5  # a question asks more than it tells
    damp: float = 0.4  # a damp cue (mitigation without result, guidance that leaves it out)
    context: float = 0.5  # share of the previous sentence's verdict a cue-less follow-up inherits
    fragment: int = 1  # an opener ("On", "Regarding") and at most this many words besides the mention: a fragment


@dataclass(frozen=True)
class Cues:
    """One topic's cues: a fast scanner for all of them, then per-kind patterns to tell which."""

    scanner: re.Pattern[str]
    kinds: tuple[tuple[float, re.Pattern[str]], ...]  # (weight, pattern) in priority order
    damp: re.Pattern[str] | None
    neutral: re.Pattern[str] | None  # the sentence is neutral whatever else it says
    ignore: re.Pattern[str] | None  # cues inside these spans are about something else
    _weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    folded: Cues | None = None  # the same cues as case-sensitive twins, for lower-cased sentences (casefold.py)

    def weight(self, cue: str) -> float:
        """The weight of a matched cue: that of the first kind whose patterns match it whole."""
        key = cue.lower()
        found = self._weights.get(key)
        if found is None:  # cues repeat ("risks", "impact"): remember each once
            found = self._weights[key] = next((w for w, kind in self.kinds if kind.fullmatch(cue)), 0.0)
        return found


@cache
def scoring() -> Scoring:
    """The shipped scoring knobs."""
    table = _cue_file().get("scoring", {})
    known = {f.name for f in fields(Scoring)}
    unknown = set(table) - known
    if unknown:
        raise ConfigError(f"polarity.toml [scoring] has unknown keys {sorted(unknown)}; known: {sorted(known)}")
    return Scoring(**table)


@cache
def cues_for(topic: str) -> Cues:
    """The compiled cues of `topic`: its own table (boosted) first, then the generic one."""
    data = _cue_file()
    tables = [(data["topics"].get(topic, {}), TOPIC_BOOST), (data["generic"], 1.0)]
    # At one position the first alternative wins. Strong (multi-word) cues come first, so
    # "constraints eased" beats "constraints"; then a topic's own cues before generic ones, so
    # "decrease our days of inventory" beats the generic "decrease".
    strong = [kind for kind in WEIGHTS if kind.startswith("strong")]
    order = [(table, weight, kind) for table, weight in tables for kind in strong]
    order += [(table, weight, kind) for table, weight in tables for kind in WEIGHTS if kind not in strong]
    kinds: list[tuple[float, re.Pattern[str]]] = []
    alternatives: list[str] = []
    for table, weight, kind in order:
        patterns = _expand(table.get(kind, []), data["macros"])
        if patterns:
            alternatives += patterns
            kinds.append((WEIGHTS[kind] * weight, compile_cached("|".join(patterns), re.IGNORECASE)))
    cues = Cues(
        scanner=compile_cached(rf"(?<!\w){factor_by_first_char(alternatives)}(?!\w)", re.IGNORECASE),
        kinds=tuple(kinds),
        damp=_joined(_listed(tables, "damp", data["macros"])),
        neutral=_joined(_listed(tables, "neutral", data["macros"])),
        ignore=_joined(_listed(tables, "ignore", data["macros"])),
    )
    return replace(cues, folded=_folded(cues))


def _folded(cues: Cues) -> Cues | None:
    """`cues` with every regex replaced by its case-sensitive twin, or None when one of them has none."""
    scanner = twin(cues.scanner)
    kinds = [(weight, twin(kind)) for weight, kind in cues.kinds]
    extras = (cues.damp, cues.neutral, cues.ignore)
    damp, neutral, ignore = (twin(r) if r is not None else None for r in extras)
    twinned = [scanner, *(kind for _, kind in kinds)]
    twinned += [t for t, r in zip((damp, neutral, ignore), extras, strict=True) if r is not None]
    if scanner is None or any(t is None for t in twinned):
        return None
    return Cues(scanner, tuple((w, k) for w, k in kinds if k is not None), damp, neutral, ignore)


def _listed(tables: Sequence[tuple[dict[str, Any], float]], key: str, macros: dict[str, str]) -> list[str]:
    return [p for table, _ in tables for p in _expand(table.get(key, []), macros)]


def _joined(patterns: Sequence[str]) -> re.Pattern[str] | None:
    return compile_cached(r"(?<!\w)(?:" + "|".join(patterns) + ")", re.IGNORECASE) if patterns else None


def _expand(patterns: Sequence[str], macros: dict[str, str]) -> list[str]:
    """Patterns with <MACRO>s filled in and spaces made to match any whitespace."""
    filled = []
    for pattern in patterns:
        for key, value in macros.items():
            pattern = pattern.replace(f"<{key}>", value)
        filled.append(pattern)
    return sorted(flex_all(filled), key=len, reverse=True)


@cache
def _cue_file() -> dict[str, Any]:
    raw = Path(__file__).with_name("polarity.toml").read_text(encoding="utf-8")
    try:
        data = parse_toml(raw)
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise ConfigError(f"polarity.toml is invalid: {exc}. Fix the shipped cue file.") from exc
    if "generic" not in data:
        raise ConfigError("polarity.toml has no [generic] table. Fix the shipped cue file.")
    data.setdefault("topics", {})
    data.setdefault("macros", {})
    return data
