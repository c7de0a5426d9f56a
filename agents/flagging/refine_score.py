"""The refiner's pass over a document: each looked-at sentence read once, then scored for every topic.

What refine.sentence_features() and TopicModel define, computed through the tables (refine_tables.py). The
sentence sentiment model, the slowest feature, is asked only about sentences where its label can matter: a
sentence whose probability stays below the bar for every topic whatever its label is left out of the scores
anyway. That is decided with the label's largest weight and a bound on the float sums' rounding error, so
it never drops a sentence the full sums would keep (tests/unit/test_refine_tables.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import compress, count
from typing import NamedTuple, Protocol

from watchdesk.agents.flagging.candidate import candidates_lowered
from watchdesk.agents.flagging.reading import reading_features
from watchdesk.agents.flagging.refine_tables import Entry, RefinerTables, Verdict, logistic
from watchdesk.agents.flagging.regex_cache import compile_cached
from watchdesk.agents.flagging.sentiment import score
from watchdesk.agents.flagging.sentiment.model import LABELS

TOKEN = compile_cached(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|\?")
Scores = dict[str, dict[int, tuple[float, Verdict]]]
Confidence = dict[str, dict[int, float]]  # topic -> sentence -> the polarity model's probability for its verdict
_ROUNDING = 1.2e-16  # above the unit roundoff of a float (2 ** -53)


class Model(Protocol):
    """What the pass needs of a refine.TopicModel."""

    @property
    def presence_bias(self) -> float: ...
    @property
    def threshold(self) -> float: ...
    @property
    def polarity_bias(self) -> tuple[float, float, float]: ...


class Read(NamedTuple):
    """A looked-at sentence as text_features() reads it: lower-cased, its words, and the entries of its features
    but the sentiment label (which comes first)."""

    lowered: str
    words: list[str]
    rest: list[Entry]


def rule_names(topic: str, own: Mapping[int, Verdict], index: int, flagged_by: Iterable[str]) -> list[str]:
    """refine.rule_features(), given the topics whose rules flag the sentence (`flagged_by`, in verdicts order)."""
    rule = own.get(index)
    if rule is None:
        names = ["R:none"]
    else:
        polarity, score = rule
        names = ["R", f"R:{polarity}", f"R:{'+' if score > 0.25 else '-' if score < -0.25 else '0'}"]
    if index - 1 in own:
        names += ["P", f"P:{own[index - 1][0]}"]
    if index + 1 in own:
        names.append("N")
    names += [f"O:{name}" for name in flagged_by if name != topic]
    return names


def read_all(
    sentences: list[str], verdicts: Mapping[str, Mapping[int, Verdict]], tables: RefinerTables
) -> dict[int, Read]:
    """The looked-at sentences (refine.looked_at()), in order, each read once for every topic."""
    lowered = [s.lower() for s in sentences]
    candidate = candidates_lowered(lowered)
    look = sorted({i for v in verdicts.values() for i in v}.union(compress(count(), candidate)))
    read = {}
    for i in look:  # text_features(), as entries
        tokens = TOKEN.findall(lowered[i])
        question = "?" in tokens
        words = [t for t in tokens if t != "?"] if question else tokens
        names = ["C", "Q"] if candidate[i] and question else ["C"] if candidate[i] else ["Q"] if question else []
        reading = reading_features(words, lowered[i], question=question)
        read[i] = Read(lowered[i], words, tables.shared(names, words, reading))
    return read


def score_all(
    models: Mapping[str, Model],
    largest: Sequence[float],
    tables: RefinerTables,
    sentences: list[str],
    verdicts: Mapping[str, Mapping[int, Verdict]],
    sentiments: Sequence[str] | None,
    floor: float | None,
) -> tuple[Scores, dict[int, Read], Confidence]:
    """refine.Refiner.scores(), the sentences read and the polarity models' confidence in each verdict; `largest`:
    each topic's largest presence weight (absolute)."""
    read = read_all(sentences, {name: verdicts.get(name, {}) for name in models}, tables)
    flagged_by = {i: [name for name, v in verdicts.items() if i in v] for i in read}
    named: dict[tuple[str, ...], list[Entry]] = {}  # a handful of distinct rule features: each looked up once
    rules = [{i: _entries(tables, named, rule_names(name, verdicts.get(name, {}), i, flagged_by[i])) for i in read}
             for name in models]  # fmt: skip
    bars = [model.threshold if floor is None else floor for model in models.values()]
    if sentiments is not None:
        tones = {i: sentiments[i] for i in read}
    else:  # one batch: the model's set-up is paid once
        tones_named = [tables.named([f"S:{label}"]) for label in LABELS]  # each topic's largest label weight:
        tops = [max([0.0, *(w for named in tones_named for w in tables.presence_weights(k, named, []))])
                for k in range(len(models))]  # fmt: skip
        maybe = [i for i in read if any(_may_reach(tables, k, model, bars[k], largest[k], tops[k], rules[k][i], read[i])
                                        for k, model in enumerate(models.values()))]  # fmt: skip
        tones = dict(zip(maybe, [label for label, _ in score([sentences[i] for i in maybe])], strict=True))
    out: Scores = {name: {} for name in models}
    confidence: Confidence = {name: {} for name in models}
    topics = list(enumerate(models.items()))
    for i, tone in tones.items():  # each sentence's entries made once for all topics
        shared = [*_entries(tables, named, (f"S:{tone}",)), *read[i].rest]
        for k, (name, model) in topics:
            p = tables.presence(k, model.presence_bias, rules[k][i], shared)
            if p >= bars[k]:
                verdict, confidence[name][i] = tables.verdict(k, model.polarity_bias, rules[k][i], shared)
                out[name][i] = (p, verdict)
    return out, read, confidence


def _entries(tables: RefinerTables, named: dict[tuple[str, ...], list[Entry]], names: Sequence[str]) -> list[Entry]:
    """tables.named(names), remembered in `named` for the rest of one pass (the lists are only read)."""
    key = tuple(names)
    found = named.get(key)
    if found is None:
        found = named[key] = tables.named(names)
    return found


def _may_reach(
    tables: RefinerTables, k: int, model: Model, bar: float, largest: float, top: float, rule: list[Entry], read: Read
) -> bool:
    """Whether topic k's probability for a sentence can reach `bar` under some sentiment label.

    Summed without the label's weight, then the largest such weight (`top`) added: the true sum differs from
    that by at most the rounding of two float sums of n terms of at most `largest` each (n * n * largest * 2 ** -53
    each), which the margin covers many times over; the logistic is monotonic, so below the bar here is below
    it there.
    """
    z = model.presence_bias + tables.presence_sum(k, rule, read.rest)
    n = len(rule) + len(read.rest) + 3
    margin = 4.0 * n * n * (largest + abs(model.presence_bias) + abs(z) + abs(top) + 1.0) * _ROUNDING
    return logistic(z + top + margin) >= bar
