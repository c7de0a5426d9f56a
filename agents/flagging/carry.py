"""Carry-over: which sentences without a topic word of their own may continue a topic statement, ranked.

Labellers read a call as a whole: "We invested in this many years ago", right after "We have switch capacity...",
is a supply-chain mention, and so is an executive's answer to an analyst's question about export limits. The
refiner only scores sentences with a topic word or a rule flag. For each core topic this module names the
sentences just after one the refiner accepted (up to WINDOW later in the same speech, or the first ANSWER_REACH
of the answer to a question speech holding one) and ranks them with a small logistic model (carry.json, trained
by tests/packs/train_carry.py on our labelled calls) over their context: how far back the accepted sentence is,
whether the next one is accepted too, how much of the speech is, an anaphoric or connective opening, content
words shared with the accepted sentence or new to the passage, what the rules and the refiner said of the
sentence itself, its sentiment label and words of a topic's effects.

Used to choose what the LLM judge is also asked about (flag.unsure_flags, beside the sentence after each flag),
not to flag offline: held out, the sentences the model accepts at any bar are mentions about half the time
(word-less ones about a quarter), no better a trade than lowering the refiner's threshold (the figures are in
tests/packs/train_carry.py). As a ranking it does better: leaving calls out, among the supply-chain sentences
the refiner gave no chance, those at or above its bar (0.1) with the sentence after each flag hold 43 labelled
mentions in 396 sentences, the sentence after each flag alone 18 in 269.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from watchdesk.agents.flagging.mentions import same_block
from watchdesk.agents.flagging.refine import looked_at
from watchdesk.agents.flagging.refine_score import TOKEN
from watchdesk.agents.flagging.refine_tables import Verdict
from watchdesk.agents.flagging.regex_cache import shipped_json
from watchdesk.agents.flagging.sentences import Span
from watchdesk.agents.flagging.sentiment import score_one

WINDOW = 3  # sentences after an accepted one in the same speech
ANSWER_REACH = 4  # first sentences of an answer to a question speech holding an accepted one
FLOOR = 0.1  # the refiner's probabilities below its threshold that the features read (in tenths), from here up


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


OPENERS = _words(
    "this that it these those they so and but which we there as also again yes no now yeah sure well then such"
)
# Words of a topic's effects and parts, too common to make a sentence a candidate on their own
WEAK = _words(
    "demand production parts components deliveries delivery shipments shipping ship costs cost inflation prices "
    "pricing headwind headwinds disruption disruptions shortages challenges constraints tight tighter improve "
    "improving improved normalize normalizing impact impacted delays delayed materials customers orders "
    "geopolitical government restrictions rules limits"
)
ANAPHORA = _words("this that it its these those they them their such")
_STOP = _words(
    "that this with have from what which there their they were been will would about into also just more some "
    "than then them these those very when where your year quarter think know going really said over much like "
    "because could should other being does doing make made well still only even back come first second last"
)
Accepted = Mapping[str, Mapping[int, tuple[float, Verdict]]]  # topic -> sentence -> (probability, verdict)


class Anchor(NamedTuple):
    """The accepted sentence a candidate may continue: which sentence, how far back, and whether across a question."""

    sentence: int
    distance: int
    answer: bool


@dataclass(frozen=True)
class Context:
    """One document as the carry-over reads it: the refiner's accepted sentences and what it looked at."""

    lowered: Sequence[str]
    blocks: Sequence[int]  # the speech (paragraph) each sentence sits in
    accepted: Accepted
    rules: Mapping[str, Mapping[int, Verdict]]
    looked: frozenset[int]
    unsure: Mapping[str, Mapping[int, float]]  # topic -> sentence -> the refiner's probability, from FLOOR up
    tone: Callable[[int], str]  # a sentence's sentiment label

    def words(self, i: int) -> list[str]:
        return [t for t in TOKEN.findall(self.lowered[i]) if t != "?"]


def blocks_of(text: str, spans: Sequence[Span]) -> list[int]:
    """Each sentence's speech number: a blank line between two sentences starts a new one (mentions.same_block)."""
    out = [0] * len(spans)
    for k in range(1, len(spans)):
        out[k] = out[k - 1] + (not same_block(text, spans[k - 1], spans[k]))
    return out


def candidates(ctx: Context, topic: str) -> dict[int, Anchor]:
    """Sentences not accepted for `topic` that may continue an accepted one, each with its nearest anchor."""
    accepted = ctx.accepted.get(topic, {})
    out: dict[int, Anchor] = {}
    blocks, n = ctx.blocks, len(ctx.lowered)
    for j in sorted(accepted):
        for i in range(j + 1, min(n, j + 1 + WINDOW)):
            if blocks[i] != blocks[j]:
                break
            if i not in accepted and i not in out:
                out[i] = Anchor(j, i - j, False)
    starts = [k for k in range(n) if k == 0 or blocks[k] != blocks[k - 1]]
    for b in range(1, len(starts)):
        question = range(starts[b - 1], starts[b])
        if not any(k in accepted for k in question) or not any("?" in ctx.lowered[k] for k in question):
            continue
        anchor = max(k for k in question if k in accepted)
        end = starts[b + 1] if b + 1 < len(starts) else n
        for i in range(starts[b], min(end, starts[b] + ANSWER_REACH)):
            if i not in accepted and i not in out:
                out[i] = Anchor(anchor, i - starts[b] + 1, True)
    return out


def features(ctx: Context, topic: str, i: int, anchor: Anchor, *, words: bool = True) -> list[str]:
    """Feature names of candidate `i` for `topic`, continuing `anchor`."""
    accepted = ctx.accepted.get(topic, {})
    short = topic[:3]
    link = "a" if anchor.answer else "d"
    names = [f"T:{short}", f"{link}{min(anchor.distance, 3)}", f"{short}:{link}{min(anchor.distance, 3)}",
             "apH" if accepted[anchor.sentence][0] >= 0.8 else "apL"]  # fmt: skip
    same = [k for k in range(i - 3, i) if k >= 0 and ctx.blocks[k] == ctx.blocks[i] and k in accepted]
    if len(same) >= 2:
        names.append("dense")
    after = [k for k in (i + 1, i + 2) if k < len(ctx.lowered) and ctx.blocks[k] == ctx.blocks[i] and k in accepted]
    if i + 1 in after:
        names += ["next", f"{short}:next"]
    elif after:
        names.append("next2")
    names.append(f"around{min(4, len(same) + len(after))}")
    names.append(f"sd{_density(ctx, accepted, i)}")
    if i in ctx.rules.get(topic, {}):
        names.append("own:R")
    names.append("own:C" if i in ctx.looked else "own:none")
    names.append(f"op{int(10 * ctx.unsure.get(topic, {}).get(i, 0.0))}")
    if any(i in v for name, v in ctx.accepted.items() if name != topic):
        names.append("O")
    mine = ctx.words(i)
    if mine and mine[0] in OPENERS:
        names.append(f"open:{mine[0]}")
    if ANAPHORA.intersection(mine[:8]):
        names.append("ana")
    own = _content(mine)
    names.append(f"ov{min(len(own & _content(ctx.words(anchor.sentence))), 2)}")
    before = set().union(*(_content(ctx.words(k)) for k in range(max(0, i - 3), i) if ctx.blocks[k] == ctx.blocks[i]))
    names.append(f"new{min(len(own - before), 4)}")
    if "?" in ctx.lowered[i]:
        names.append("Q")
    names.append(f"S:{ctx.tone(i)}")
    weak = WEAK.intersection(mine)
    if weak:
        names += ["weak", f"{short}:weak"]
    names.append("len:s" if len(mine) < 8 else "len:m" if len(mine) < 20 else "len:l")
    if words:
        names += [f"w:{w}" for w in set(mine)]
    return names


def _density(ctx: Context, accepted: Mapping[int, object], i: int) -> int:
    """The share of the other sentences of i's speech accepted for the topic, in fifths (0-4)."""
    lo = hi = i
    while lo > 0 and ctx.blocks[lo - 1] == ctx.blocks[i]:
        lo -= 1
    while hi + 1 < len(ctx.blocks) and ctx.blocks[hi + 1] == ctx.blocks[i]:
        hi += 1
    share = sum(k in accepted for k in range(lo, hi + 1) if k != i) / max(1, hi - lo)
    return min(4, int(share * 5))


def _content(words: Sequence[str]) -> set[str]:
    return {w for w in words if len(w) >= 4 and w not in _STOP and not w.isdigit()}


@dataclass(frozen=True)
class CarryModel:
    """The ranking model, one for all core topics (a topic feature each); `bar`: the probability a candidate
    needs to be sent to the LLM judge."""

    weights: Mapping[str, float]
    bias: float
    bar: float
    version: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CarryModel:
        return cls(data["weights"], data["bias"], data["bar"], data["version"])

    def probability(self, names: Sequence[str]) -> float:
        z = self.bias + sum(self.weights.get(n, 0.0) for n in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def ranked(self, ctx: Context, topic: str) -> dict[int, float]:
        """The candidates for `topic` whose probability reaches the bar, with it."""
        found = {
            i: self.probability(features(ctx, topic, i, a, words=False)) for i, a in candidates(ctx, topic).items()
        }
        return {i: p for i, p in found.items() if p >= self.bar}


def continued(
    model: CarryModel,
    text: str,
    spans: Sequence[Span],
    rules: Mapping[str, Mapping[int, Verdict]],
    scored: Accepted,
    thresholds: Mapping[str, float],
) -> dict[str, set[int]]:
    """Topic -> the sentences the model sends on, given the refiner's `scored` sentences (from some floor up to
    and past each topic's threshold) and the rules' verdicts for the same topics."""
    sentences = [text[a:b] for a, b in spans]
    lowered = [s.lower() for s in sentences]
    tones: dict[int, str] = {}

    def tone(i: int) -> str:
        if i not in tones:
            tones[i] = score_one(lowered[i])[0]
        return tones[i]

    accepted = {t: {i: pv for i, pv in found.items() if pv[0] >= thresholds[t]} for t, found in scored.items()}
    unsure = {t: {i: pv[0] for i, pv in found.items() if FLOOR <= pv[0] < thresholds[t]} for t, found in scored.items()}
    looked = frozenset(looked_at(sentences, rules))
    ctx = Context(lowered, blocks_of(text, spans), accepted, rules, looked, unsure, tone)
    return {t: set(model.ranked(ctx, t)) for t in scored}


@cache
def default_carry() -> CarryModel | None:
    """The shipped model (carry.json beside this module), or None when none ships."""
    path = Path(__file__).with_name("carry.json")
    if not path.is_file():
        return None
    return CarryModel.from_json(shipped_json(path)[0])
