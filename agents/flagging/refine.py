"""A learned second pass over the rules for the core topics: is this sentence really a mention, and which way?

The rules (mentions.py, polarity.py) find mentions and judge them; on calls they were not written on they miss
paraphrases and misjudge rubric calls such as "revenue fell as customers normalised inventory" (a warning, though
"normalise" alone reads as easing). This pass is two small logistic regressions per topic, trained on hand-labelled
calls (tests/packs/train_refiner.py): one decides presence, one polarity. Their features are the rules' own verdicts
on the sentence and its neighbours, the sentence's words and word pairs, and the sentence sentiment model's label.

Only candidate sentences are scored: those the rules flag, and those with a topic word (candidate.py). Pure Python
at run time, weights in refine.json; a topic without weights keeps the rules' verdicts. The features and models are
defined here (training uses these functions); Refiner scores through refine_score.py and refine_tables.py, which
give the same floats faster.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.candidate import is_candidate, is_candidate_lowered
from watchdesk.agents.flagging.deferred import Deferred
from watchdesk.agents.flagging.reading import denies_a_problem, names_a_balance, reading_features
from watchdesk.agents.flagging.refine_score import TOKEN, Read, rule_names, score_all
from watchdesk.agents.flagging.refine_tables import (
    POLARITIES,
    RefinerTables,
    Verdict,
    probability,
    softmax_verdict,
)
from watchdesk.agents.flagging.regex_cache import shipped_head, shipped_json
from watchdesk.agents.flagging.settled import rubric_verdict

__all__ = [
    "POLARITIES", "Refiner", "TopicModel", "default_refiner", "is_candidate", "is_sure", "looked_at",
    "sentence_features",
]


def sentence_features(
    sentence: str, topic: str, verdicts: Mapping[str, Mapping[int, Verdict]], index: int, sentiment: str
) -> list[str]:
    """Feature names for one sentence and topic; `verdicts` are the rules' (topic -> sentence index -> verdict)."""
    return rule_features(topic, verdicts, index) + text_features(sentence, sentiment)


def rule_features(topic: str, verdicts: Mapping[str, Mapping[int, Verdict]], index: int) -> list[str]:
    """What the rules said about this sentence and its neighbours, for `topic` and the other topics."""
    return rule_names(topic, verdicts.get(topic, {}), index, [name for name, v in verdicts.items() if index in v])


def text_features(sentence: str, sentiment: str) -> list[str]:
    """The sentence's own words and word pairs, whether it is a question, and its sentiment label."""
    names = [f"S:{sentiment}"]
    lowered = sentence.lower()
    if is_candidate_lowered(lowered):
        names.append("C")
    tokens = TOKEN.findall(lowered)
    if "?" in tokens:
        names.append("Q")
    words = [t for t in tokens if t != "?"]
    names += map("w:".__add__, words)  # the maps build the same names as f-strings, in C
    names += map("b:{}_{}".format, words, words[1:])
    names += reading_features(words, lowered, question="?" in tokens)
    return names


@dataclass(frozen=True)
class TopicModel:
    presence: Mapping[str, float]
    presence_bias: float
    threshold: float
    polarity: Mapping[str, Sequence[float]]  # (positive, negative, neutral) weights
    polarity_bias: tuple[float, float, float]

    def present(self, names: Iterable[str]) -> float:
        return probability(self.presence_bias, map(self.presence.get, names, itertools.repeat(0.0)))

    def judge(self, names: Iterable[str]) -> Verdict:
        return softmax_verdict(self.polarity_bias, filter(None, map(self.polarity.get, names)))


@dataclass(frozen=True)
class Refiner:
    topics: dict[str, TopicModel]
    version: str
    digest: str = ""  # of the file the weights came from, when they did: names the tables in the regex cache

    @classmethod
    def from_json(cls, data: dict[str, Any], *, digest: str = "") -> Refiner:
        topics = {
            name: TopicModel(
                presence=t["presence"], presence_bias=t["presence_bias"], threshold=t["threshold"],
                polarity=t["polarity"],  # lists as parsed: made tuples, they cost every command ~12 ms
                polarity_bias=(t["polarity_bias"][0], t["polarity_bias"][1], t["polarity_bias"][2]),
            )
            for name, t in data["topics"].items()
        }  # fmt: skip
        return cls(topics=topics, version=data["version"], digest=digest)

    @cached_property
    def _tables(self) -> RefinerTables:
        models = [(model.presence, model.polarity) for model in self.topics.values()]
        return RefinerTables.build(models, key=self.digest and f"{self.version}:{self.digest}")

    def refine(
        self,
        sentences: list[str],
        verdicts: Mapping[str, Mapping[int, Verdict]],
        sentiments: Sequence[str] | None = None,
    ) -> dict[str, dict[int, Verdict]]:
        """New verdicts for the topics this refiner knows; other topics are returned as they came.

        `sentiments` are the sentences' sentiment labels when the caller has scored them already.
        """
        return self.refine_marked(sentences, verdicts, sentiments)[0]

    def refine_marked(
        self,
        sentences: list[str],
        verdicts: Mapping[str, Mapping[int, Verdict]],
        sentiments: Sequence[str] | None = None,
    ) -> tuple[dict[str, dict[int, Verdict]], dict[str, set[int]]]:
        """refine(), and per topic the mentions it is sure of (is_sure()); topics it does not know have none."""
        out = {name: dict(v) for name, v in verdicts.items()}
        scored, read, confidence = self._scored(sentences, verdicts, sentiments, None)
        sure: dict[str, set[int]] = {}
        for name, found in scored.items():
            out[name] = {}
            sure[name] = set()
            for i, (p, verdict) in found.items():
                out[name][i] = closer = _read_closer(read[i], verdict, name)
                if is_sure(p, confidence[name][i], settled=closer != verdict):
                    sure[name].add(i)
        return out, sure

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
        return self._scored(sentences, verdicts, sentiments, floor)[0]

    def _scored(
        self,
        sentences: list[str],
        verdicts: Mapping[str, Mapping[int, Verdict]],
        sentiments: Sequence[str] | None,
        floor: float | None,
    ) -> tuple[dict[str, dict[int, tuple[float, Verdict]]], dict[int, Read], dict[str, dict[int, float]]]:
        """scores() as sentence_features() and TopicModel define them, through the tables (refine_score.py), each
        looked-at sentence as read, and the polarity models' confidence in each verdict."""
        return score_all(self.topics, self._tables.largest, self._tables, sentences, verdicts, sentiments, floor)


def _read_closer(sentence: Read | str, verdict: Verdict, topic: str = "") -> Verdict:
    """A problem the sentence denies is good news, and the supply-demand balance named as a market state is not,
    whatever the weights say (few such sentences to learn from); so are settled.rubric_verdict's relations."""
    if isinstance(sentence, str):
        lowered = sentence.lower()
        sentence = Read(lowered, [t for t in TOKEN.findall(lowered) if t != "?"], [])
    lowered = sentence.lowered
    settled = rubric_verdict(lowered, verdict[0], topic=topic)
    if settled is not None:
        return settled, 0.0 if settled == "neutral" else -max(0.5, abs(verdict[1]))
    if verdict[0] == "positive":
        return ("neutral", 0.0) if names_a_balance(lowered) else verdict
    if denies_a_problem(sentence.words, lowered):
        return "positive", max(0.5, verdict[1])
    return verdict


# A mention the refiner is sure of: it gives the sentence at least SURE_PRESENCE chance of being a mention, and its
# polarity model at least SURE_POLARITY to the verdict it chose (or a rubric relation settled it). Chosen on the
# leave-companies-out scores of our TUNE and the dev calls (tests/labels/sureness.py), where the sure mentions are
# 57-73% of the flags, with precision 0.96 / 0.85 / 0.92 and polarity 0.85 / 0.83 / 0.84, and the others 0.81 /
# 0.76 / 0.96 and 0.70 / 0.62 / 0.75 (inventory / supply chain / geopolitics). The briefing marks the others
# "unsure": the ones to read before relying on them. (Figures at v0.12; at v0.13 see QUALITY.md's "v0.13" paragraph.)
SURE_PRESENCE = 0.8
SURE_POLARITY = 0.7


def is_sure(presence: float, confidence: float, *, settled: bool = False) -> bool:
    """Whether a mention found with `presence` chance, its polarity chosen with `confidence`, counts as sure."""
    return presence >= SURE_PRESENCE and (settled or confidence >= SURE_POLARITY)


def looked_at(sentences: list[str], verdicts: Mapping[str, Mapping[int, Verdict]]) -> list[int]:
    """Sentences worth scoring: those the rules flag and those with a candidate word.

    Tried and dropped, as leave-calls-out figures did not move: the sentence either side of those (where word-less
    follow-ups sit), also two either side with counts of nearby rule flags as features (recall flat, geopolitical
    recall down); more candidate words (pressure, parts, production, inflation, components, shipping, delays);
    each polarity cue of the rules as its own feature; a 256-d static sentence embedding (wordllama) beside the words;
    (refine-3) a presence model of its own for the word-less sentences up to three after a rule flag in the same
    speech, with the flag's distance and polarity as features: 2 of 90 held-out mentions found at 9 false flags;
    (refine-4, carry.py) that again with richer context (the next sentence accepted, the speech's share accepted,
    anaphoric openings, shared and new content words, the refiner's own probability, answers to a question) and
    cross-fitted anchors: held out, supply gains at the precision of a lower threshold (+15/+17 against +15/+21
    at threshold 0.3), leaving companies out less, so it only picks what the LLM judge is asked about.
    """
    return sorted({i for v in verdicts.values() for i in v} | {i for i, s in enumerate(sentences) if is_candidate(s)})


@cache
def default_refiner() -> Refiner | None:
    """The shipped refiner, or None when no refine.json ships (then the rules stand alone). Its weights are read
    only if its tables are not in the regex cache (or when asked for): a short command loads the tables alone."""
    path = Path(__file__).with_name("refine.json")  # beside this module (importlib.resources costs ~12 ms)
    if not path.is_file():
        return None
    head, key = shipped_head(path, _head, kind="json-head")
    whole = cache(lambda: shipped_json(path)[0]["topics"])

    def weights(name: str, part: str) -> Deferred[Any]:
        return Deferred(lambda: whole()[name][part])

    topics = {name: {**t, **{part: weights(name, part) for part in _WEIGHTS}} for name, t in head["topics"].items()}
    return Refiner.from_json({**head, "topics": topics}, digest=key)


_WEIGHTS = ("presence", "polarity")


def _head(data: dict[str, Any]) -> dict[str, Any]:
    """refine.json without its weights."""
    topics = {name: {k: v for k, v in topic.items() if k not in _WEIGHTS} for name, topic in data["topics"].items()}
    return {**data, "topics": topics}
