"""A learned second pass over the rules for the core topics: is this sentence really a mention, and which way?

The rules (mentions.py, polarity.py) find mentions and judge them; on calls they were not written on they miss
paraphrases and misjudge rubric calls such as "revenue fell as customers normalised inventory" (a warning, though
"normalise" alone reads as easing). This pass is two small logistic regressions per topic, trained on hand-labelled
calls (tests/packs/train_refiner.py): one decides presence, one polarity. Their features are the rules' own verdicts
on the sentence and its neighbours, the sentence's words and word pairs, and the sentence sentiment model's label.

Only candidate sentences are scored: those the rules flag, and those with a topic word (CANDIDATE). Pure Python at
run time, weights in refine.json; a topic without weights keeps the rules' verdicts.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.reading import (
    denies_a_problem,
    names_a_balance,
    reading_features,
    rubric_verdict,
)
from watchdesk.agents.flagging.regex_cache import compile_cached, shipped_json
from watchdesk.agents.flagging.sentiment import score

POLARITIES: tuple[Polarity, Polarity, Polarity] = ("positive", "negative", "neutral")
# Words that make a sentence worth a second look for one of the core topics (stock, supply, trade and policy).
CANDIDATE = compile_cached(
    r"inventor|stocking|destock|restock|digest|channel|sell-through|sell-in|pull-in|pull in|pull-forward|"
    r"pull forward|pre-buy|prebuy|build-ahead|build ahead|buffer|replenish|suppl|shortage|constrain|capacity|"
    r"lead time|allocation|backlog|foundr|sourcing|logistic|freight|\bports?\b|ocean|raw material|commodit|expedit|"
    r"availab|\blean|resilien|underutili|under-utili|tariff|export|sanction|licen[cs]|trade|china|chinese|taiwan|"
    r"india|vietnam|mexico|malaysia|\bwar\b|conflict|russia|ukraine|israel|middle east|\brules?\b|regulat|"
    r"administration|commerce|reshor|onshor|decoupl|de-?risk|chips act|\bstock|oversubscribed|tight|sold out|"
    r"wafer|manufactur|yield"
)  # matched on lower-cased text: a case-insensitive scan of this alternation is four times slower


# CANDIDATE in two parts with the same hits: a branch that starts with \b keeps the engine from skipping to the
# letters a hit can start with, so those few branches get a regex of their own (a 2 MB 10-K: 0.37 s -> 0.23 s).
_BRANCHES = CANDIDATE.pattern.split("|")
_LETTER_FIRST = compile_cached("|".join(b for b in _BRANCHES if not b.startswith(r"\b")))
_BOUNDARY_FIRST = compile_cached(r"\b(?:" + "|".join(b[2:] for b in _BRANCHES if b.startswith(r"\b")) + ")")


def is_candidate(sentence: str) -> bool:
    """Whether the sentence has a word the refiner should look at."""
    return _is_candidate_lowered(sentence.lower())


def _is_candidate_lowered(lowered: str) -> bool:
    return _LETTER_FIRST.search(lowered) is not None or _BOUNDARY_FIRST.search(lowered) is not None


_TOKEN = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|\?")
Verdict = tuple[Polarity, float]


def sentence_features(
    sentence: str, topic: str, verdicts: Mapping[str, Mapping[int, Verdict]], index: int, sentiment: str
) -> list[str]:
    """Feature names for one sentence and topic; `verdicts` are the rules' (topic -> sentence index -> verdict)."""
    return rule_features(topic, verdicts, index) + text_features(sentence, sentiment)


def rule_features(topic: str, verdicts: Mapping[str, Mapping[int, Verdict]], index: int) -> list[str]:
    """What the rules said about this sentence and its neighbours, for `topic` and the other topics."""
    own = verdicts.get(topic, {})
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
    names += [f"O:{name}" for name, other in verdicts.items() if name != topic and index in other]
    return names


def text_features(sentence: str, sentiment: str) -> list[str]:
    """The sentence's own words and word pairs, whether it is a question, and its sentiment label."""
    names = [f"S:{sentiment}"]
    lowered = sentence.lower()
    if _is_candidate_lowered(lowered):
        names.append("C")
    tokens = _TOKEN.findall(lowered)
    if "?" in tokens:
        names.append("Q")
    words = [t for t in tokens if t != "?"]
    names += map("w:".__add__, words)  # the maps build the same names as f-strings, in C
    names += map("b:{}_{}".format, words, words[1:])
    names += reading_features(words, lowered, question="?" in tokens)
    return names


@dataclass(frozen=True)
class TopicModel:
    presence: dict[str, float]
    presence_bias: float
    threshold: float
    polarity: dict[str, tuple[float, float, float]]
    polarity_bias: tuple[float, float, float]

    def present(self, names: Iterable[str]) -> float:
        z = self.presence_bias + sum(map(self.presence.get, names, itertools.repeat(0.0)))  # same order as a loop
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def judge(self, names: Iterable[str]) -> Verdict:
        s = list(self.polarity_bias)
        for n in names:
            w = self.polarity.get(n)
            if w is not None:
                s[0], s[1], s[2] = s[0] + w[0], s[1] + w[1], s[2] + w[2]
        top = max(s)
        e = [math.exp(v - top) for v in s]
        return POLARITIES[s.index(top)], round((e[0] - e[1]) / sum(e), 4)


@dataclass(frozen=True)
class Refiner:
    topics: dict[str, TopicModel]
    version: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Refiner:
        topics = {
            name: TopicModel(
                presence=t["presence"], presence_bias=t["presence_bias"], threshold=t["threshold"],
                polarity={k: (v[0], v[1], v[2]) for k, v in t["polarity"].items()},
                polarity_bias=(t["polarity_bias"][0], t["polarity_bias"][1], t["polarity_bias"][2]),
            )
            for name, t in data["topics"].items()
        }  # fmt: skip
        return cls(topics=topics, version=data["version"])

    def refine(
        self,
        sentences: list[str],
        verdicts: Mapping[str, Mapping[int, Verdict]],
        sentiments: Sequence[str] | None = None,
    ) -> dict[str, dict[int, Verdict]]:
        """New verdicts for the topics this refiner knows; other topics are returned as they came.

        `sentiments` are the sentences' sentiment labels when the caller has scored them already.
        """
        out = {name: dict(v) for name, v in verdicts.items()}
        for name, scored in self.scores(sentences, verdicts, sentiments).items():
            out[name] = {i: _read_closer(sentences[i], verdict, name) for i, (_, verdict) in scored.items()}
        return out

    def scores(
        self,
        sentences: list[str],
        verdicts: Mapping[str, Mapping[int, Verdict]],
        sentiments: Sequence[str] | None = None,
        *,
        floor: float | None = None,
    ) -> dict[str, dict[int, tuple[float, Verdict]]]:
        """Topic -> looked-at sentence -> (probability it is a mention, verdict if it is one), for the sentences
        whose probability reaches `floor` (default: the topic's threshold, i.e. the mentions)."""
        look = looked_at(sentences, {name: verdicts.get(name, {}) for name in self.topics})
        if sentiments is None:  # one batch: the model's set-up is paid once
            labels: list[str] = [label for label, _ in score([sentences[i] for i in look])]
            tones = dict(zip(look, labels, strict=True))
        else:
            tones = {i: sentiments[i] for i in look}
        shared = {i: text_features(sentences[i], tones[i]) for i in look}
        out: dict[str, dict[int, tuple[float, Verdict]]] = {}
        for name, model in self.topics.items():
            out[name] = {}
            least = model.threshold if floor is None else floor
            for i in look:
                names = rule_features(name, verdicts, i) + shared[i]
                p = model.present(names)
                if p >= least:
                    out[name][i] = (p, model.judge(names))
        return out


def _read_closer(sentence: str, verdict: Verdict, topic: str = "") -> Verdict:
    """A problem the sentence denies is good news, and the supply-demand balance named as a market state is not,
    whatever the weights say (few such sentences to learn from); so are reading.rubric_verdict's relations."""
    lowered = sentence.lower()
    settled = rubric_verdict(lowered, verdict[0], topic=topic)
    if settled is not None:
        return settled, 0.0 if settled == "neutral" else -max(0.5, abs(verdict[1]))
    if verdict[0] == "positive":
        return ("neutral", 0.0) if names_a_balance(lowered) else verdict
    if denies_a_problem([t for t in _TOKEN.findall(lowered) if t != "?"], lowered):
        return "positive", max(0.5, verdict[1])
    return verdict


def looked_at(sentences: list[str], verdicts: Mapping[str, Mapping[int, Verdict]]) -> list[int]:
    """Sentences worth scoring: those the rules flag and those with a candidate word.

    Tried and dropped, as leave-calls-out figures did not move: the sentence either side of those (where word-less
    follow-ups sit), also two either side with counts of nearby rule flags as features (recall flat, geopolitical
    recall down); more candidate words (pressure, parts, production, inflation, components, shipping, delays);
    each polarity cue of the rules as its own feature; a 256-d static sentence embedding (wordllama) beside the words;
    (refine-3) a presence model of its own for the word-less sentences up to three after a rule flag in the same
    speech, with the flag's distance and polarity as features: 2 of 90 held-out mentions found at 9 false flags.
    """
    return sorted({i for v in verdicts.values() for i in v} | {i for i, s in enumerate(sentences) if is_candidate(s)})


@cache
def default_refiner() -> Refiner | None:
    """The shipped refiner, or None when no refine.json ships (then the rules stand alone)."""
    path = Path(__file__).with_name("refine.json")  # beside this module (importlib.resources costs ~12 ms)
    if not path.is_file():
        return None
    data, _ = shipped_json(path)
    return Refiner.from_json(data)
