"""A short command loads the shipped models' compiled tables from the regex cache without their weights
(issue 13, item 12), and scores exactly as the models built from the weights do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from watchdesk.agents.flagging import regex_cache
from watchdesk.agents.flagging.flag import rule_verdicts
from watchdesk.agents.flagging.refine import Refiner, default_refiner
from watchdesk.agents.flagging.regex_cache import shipped_json
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.sentiment.model import SentimentModel, default_model
from watchdesk.agents.flagging.topics import load_topics


@pytest.fixture()
def warm_cache(tmp_path: Path) -> Iterator[Path]:
    before = regex_cache.directory()  # the test process's own (tests/conftest.py), put back after
    regex_cache.use_dir(tmp_path)
    default_refiner.__wrapped__()._tables  # noqa: B018 - fills the cache as a first command would
    default_model.__wrapped__()._compiled  # noqa: B018
    regex_cache.save()
    regex_cache.use_dir(None)
    regex_cache.use_dir(tmp_path)  # a new process, as far as the cache knows
    yield tmp_path
    regex_cache.use_dir(before)


def loaded(mapping: object) -> bool:
    return "_data" in vars(mapping)


def test_a_warm_refiner_scores_as_one_built_from_its_weights(warm_cache: Path, shared_fixtures: Path) -> None:
    warm = default_refiner.__wrapped__()
    assert warm is not None
    warm._tables  # noqa: B018 - from the cache, while it is in use
    data, _ = shipped_json(Path(__file__).parents[2] / "agents" / "flagging" / "refine.json")
    regex_cache.use_dir(None)
    plain = Refiner.from_json(data)  # no key: its tables are built from the weights
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    sentences = [text[a:b] for a, b in spans]
    verdicts = rule_verdicts(text, spans, load_topics())
    for floor in (0.0, None):
        found = warm.scores(sentences, verdicts, floor=floor)
        assert found == plain.scores(sentences, verdicts, floor=floor) and sum(map(len, found.values())) > 5
    assert warm._tables.largest == [max(map(abs, m.presence.values())) for m in plain.topics.values()]
    assert not any(loaded(m.presence) or loaded(m.polarity) for m in warm.topics.values())  # weights never read
    assert {n: dict(m.polarity) for n, m in warm.topics.items()} == {n: m.polarity for n, m in plain.topics.items()}


def test_a_warm_sentiment_model_scores_as_one_built_from_its_weights(warm_cache: Path, shared_fixtures: Path) -> None:
    warm = default_model.__wrapped__()
    warm._compiled  # noqa: B018 - from the cache, while it is in use
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt").read_text(encoding="utf-8")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    data, _ = shipped_json(Path(__file__).parents[2] / "agents" / "flagging" / "sentiment" / "model.json")
    regex_cache.use_dir(None)
    plain = SentimentModel.from_json(data)
    assert warm.score(sentences) == plain.score(sentences)
    assert not loaded(warm.weights)
    assert warm.score_by_features(sentences[:50]) == plain.score_by_features(sentences[:50])  # reads the weights
    assert loaded(warm.weights) and dict(warm.weights) == plain.weights
