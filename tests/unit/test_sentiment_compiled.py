"""The compiled sentiment scorer (scorer.py) gives exactly the labels and scores of the sums over features().

scorer.py numbers words and word pairs, sums them in C and skips the cue code on sentences without a cue
word; each shortcut must leave every prediction as features() defines it. The check against an
earlier revision on every labelled sentence is tests/bench/check_sentiment_same.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.packs.sentiment_data import load_splits
from watchdesk.agents.flagging.sentiment.model import SentimentModel, default_model

TRICKY = [
    "Net sales for the quarter ended November 2, 2024 decreased 3.1% to $1.2 billion.",
    "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.",
    "Revenue was EUR 10.1 mn (EUR 8.2 mn), and the loss narrowed.",
    "The company does not expect sales in Asia to grow, but margins improved.",
    "We didn't see any slowdown; demand wasn't weak.",
    "Net loss of 0.3 compared to a profit of 2.3 a year earlier.",
    "The group swung to a loss after it lost the tender.",
    "Kestrel won a contract worth up to EUR 5 mn.",
    "The company set up a unit and declined to comment on job cuts.",
    "Co-operation negotiations may lead to the lay-off of 40 employees.",
    "Shares of $AAPL jumped; see https://example.com/a,b (www.example.org) for more.",
    "Earnings beat estimates—revenue up 12%, however costs rose.",
    "Sales\u00a0grew\u2003in\x1cthe quarter\u2019s second half, year-over-year.",
    "Share capital increase approved; the share price fell.",
    "",
    "   ",
    "1,200 units, 13,1 % and 1.5.6 -- 10-K, 20-F & Q&A |",
    "NOT NEGATIVE: Strong Growth, No Decline!",
]
WORDS = [
    "sales", "rose", "fell", "not", "no", "n't", "didn't", "profit", "loss", "from", "to", "compared", "(", ")",
    "12%", "$1.5", "EUR", "8.7", "mn", "but", "however", ",", ".", ";", "up", "set", "strong", "weak", "contract",
    "won", "expect", "share", "capital", "the", "of", "cut", "jobs", "unknownword", "http://x.y/z", "$tsla",
    "year-over-year", "’s", "growth", "costs", "declined", "comment", "estimates", "beat", "swung", "negotiations",
]  # fmt: skip


def _same(model: SentimentModel, texts: list[str]) -> None:
    assert model.score(texts) == model.score_by_features(texts)


def test_tricky_sentences_score_as_features_define() -> None:
    _same(default_model(), TRICKY)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.sampled_from([" ", "  ", "\t", ", ", "\u00a0"])))
def test_word_salad_scores_as_features_define(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + (gaps[i % len(gaps)] if gaps else " ") for i, w in enumerate(words))
    _same(default_model(), [text, text.upper(), text.title()])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_scores_as_features_define(text: str) -> None:
    _same(default_model(), [text])


@pytest.mark.fixtures
def test_every_labelled_sentence_scores_as_features_define(shared_fixtures: Path) -> None:
    texts = [e.text for split in load_splits(shared_fixtures).values() for e in split.train + split.held_out]
    assert len(texts) > 3000
    _same(default_model(), texts)
