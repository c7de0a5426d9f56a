"""The refiner's tables (refine_tables.py) score exactly as its feature names and TopicModel do."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.flag import rule_verdicts
from watchdesk.agents.flagging.refine import Refiner, Verdict, default_refiner, looked_at, sentence_features
from watchdesk.agents.flagging.refine_tables import RefinerTables
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.sentiment import score
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text

Scores = dict[str, dict[int, tuple[float, Verdict]]]


def by_names(
    refiner: Refiner, sentences: list[str], verdicts: dict[str, dict[int, Verdict]], floor: float | None
) -> Scores:
    """Refiner.scores() spelled out over sentence_features() and TopicModel, as it was before the tables."""
    look = looked_at(sentences, {name: verdicts.get(name, {}) for name in refiner.topics})
    tones = dict(zip(look, [label for label, _ in score([sentences[i] for i in look])], strict=True))
    out: Scores = {}
    for name, model in refiner.topics.items():
        out[name] = {}
        for i in look:
            names = sentence_features(sentences[i], name, verdicts, i, tones[i])
            p = model.present(names)
            if p >= (model.threshold if floor is None else floor):
                out[name][i] = (p, model.judge(names))
    return out


def texts(shared_fixtures: Path) -> list[str]:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))[:6]
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    return [p.read_text(encoding="utf-8") for p in calls] + [html_to_text(filing.read_bytes())[:300_000]]


def the_filing(shared_fixtures: Path) -> tuple[Refiner, list[str], dict[str, dict[int, Verdict]]]:
    """The shipped refiner, and the 10-K's sentences and the rules' verdicts on them."""
    refiner = default_refiner()
    assert refiner is not None
    text = texts(shared_fixtures)[-1]
    spans = split_sentences(text)
    return refiner, [text[a:b] for a, b in spans], rule_verdicts(text, spans, load_topics())


def test_the_tables_give_the_probabilities_and_verdicts_of_the_feature_names(shared_fixtures: Path) -> None:
    refiner = default_refiner()
    assert refiner is not None
    library = load_topics()
    for text in texts(shared_fixtures):
        spans = split_sentences(text)
        sentences = [text[a:b] for a, b in spans]
        verdicts = rule_verdicts(text, spans, library)
        for floor in (0.0, 0.05, None):  # every looked-at sentence, the unsure ones, the mentions
            expected = by_names(refiner, sentences, verdicts, floor)
            assert refiner.scores(sentences, verdicts, floor=floor) == expected  # == on floats: bit for bit
            assert sum(map(len, expected.values())) > 5


def test_a_refiner_of_any_weights_scores_through_its_tables_as_by_names() -> None:
    data = {"version": "t", "topics": {
        "inventory": {"presence": {"w:inventory": 3.0, "b:came_down": 0.5, "R:none": -0.25, "S:neutral": 0.125,
                                   "b:odd_name_": 9.0, "K:stock-down": 1.0},
                      "presence_bias": -1.0, "threshold": 0.5,
                      "polarity": {"w:down": [1.0, -1.0, 0.0], "C": [0.5, 0.0, 0.0]}, "polarity_bias": [0.0, 0.0, 0.5]},
        "supply_chain": {"presence": {"w:supply": 2.0}, "presence_bias": -2.0, "threshold": 0.3,
                         "polarity": {"b:supply_is": [0.0, 1.0, 0.0]}, "polarity_bias": [0.1, 0.2, 0.3]},
    }}  # fmt: skip
    refiner = Refiner.from_json(data)
    sentences = ["Inventory came down.", "Hello there.", "Supply is tight, inventory came down?", "Inventory days."]
    verdicts: dict[str, dict[int, Verdict]] = {"inventory": {3: ("negative", -0.5)}, "supply_chain": {}}
    assert refiner.scores(sentences, verdicts, floor=0.0) == by_names(refiner, sentences, verdicts, 0.0)


def test_tables_key_words_and_pairs_by_token_and_drop_names_no_sentence_can_make() -> None:
    tables = RefinerTables.build([({"w:up": 1.0, "b:a_b": 2.0, "b:a_b_c": 3.0, "C": 4.0}, {"w:down": (1.0, 2.0, 3.0)})])
    assert tables.word == {"up": (1.0, None), "down": (0.0, (1.0, 2.0, 3.0))}
    assert tables.pair == {("a", "b"): (2.0, None)} and tables.other == {"C": (4.0, None)}
    assert tables.shared(["C", "Q"], ["a", "b", "up"], []) == [(4.0, None), (1.0, None), (2.0, None)]


@pytest.mark.parametrize("weights", [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1], [1e-17, 1.0, -1.0]])
def test_presence_adds_in_the_order_of_the_names(weights: list[float]) -> None:
    names = [f"w:{c}" for c in "abc"]
    tables = RefinerTables.build([(dict(zip(names, weights, strict=True)), {})])
    entries = tables.shared([], list("abc"), [])
    model = Refiner.from_json({"version": "t", "topics": {"t": {
        "presence": dict(zip(names, weights, strict=True)), "presence_bias": 0.5, "threshold": 0.5,
        "polarity": {}, "polarity_bias": [0.0, 0.0, 0.0]}}}).topics["t"]  # fmt: skip
    assert tables.presence(0, 0.5, [], entries) == model.present(names)


def test_the_sentiment_model_reads_only_sentences_where_its_label_can_matter(
    shared_fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from watchdesk.agents.flagging import refine_score

    asked: list[str] = []

    def counted(texts: list[str]) -> list[tuple[str, float]]:
        asked.extend(texts)
        return score(texts)

    monkeypatch.setattr(refine_score, "score", counted)
    refiner, sentences, verdicts = the_filing(shared_fixtures)
    found = refiner.scores(sentences, verdicts)
    looked = looked_at(sentences, {name: verdicts.get(name, {}) for name in refiner.topics})
    assert {sentences[i] for v in found.values() for i in v} <= set(asked)
    assert len(asked) < 0.8 * len(looked)


def test_the_verdict_adds_each_weight_in_turn_as_a_loop_does() -> None:
    """softmax_verdict sums with reduce(): the same additions, in the same order, as TopicModel.judge's old loop."""
    import math

    from watchdesk.agents.flagging.refine_tables import softmax_verdict

    def looped(bias: tuple[float, float, float], weights: list[list[float]]) -> tuple[str, float]:
        s = list(bias)
        for w in weights:
            s[0], s[1], s[2] = s[0] + w[0], s[1] + w[1], s[2] + w[2]
        top = max(s)
        e = [math.exp(v - top) for v in s]
        return ("positive", "negative", "neutral")[s.index(top)], round((e[0] - e[1]) / sum(e), 4)

    weights = [[0.1, 1e-17, -0.3], [0.7, 0.2, 0.3333333], [1e-16, 0.3, -0.1], [0.2, 0.1, 0.3], [0.05, -0.7, 0.2]]
    for bias in [(0.0, 0.5, -0.25), (0.1, 0.2, 0.3), (-1.0, 0.0, 1e-9)]:
        for n in range(len(weights) + 1):
            assert softmax_verdict(bias, iter(weights[:n])) == looped(bias, weights[:n])


def test_tables_kept_under_a_key_are_the_tables_built() -> None:
    models = [({"w:up": 1.0, "b:a_b": 2.0, "C": 4.0}, {"w:down": [1.0, 2.0, 3.0]})]
    built = RefinerTables.build(models)
    for _ in range(2):  # made and kept, then read back
        kept = RefinerTables.build(models, key="test:tables-kept")
        assert (kept.word, kept.pair, kept.other) == (built.word, built.pair, built.other)


def test_presence_sum_is_the_sum_of_the_weights_bit_for_bit(shared_fixtures: Path) -> None:
    from watchdesk.agents.flagging.refine_score import read_all

    refiner, sentences, verdicts = the_filing(shared_fixtures)
    tables = refiner._tables
    rule = tables.named(["R", "R:negative", "P"])
    for read in read_all(sentences, verdicts, tables).values():
        for k in range(len(refiner.topics)):
            assert tables.presence_sum(k, rule, read.rest) == sum(tables.presence_weights(k, rule, read.rest))
