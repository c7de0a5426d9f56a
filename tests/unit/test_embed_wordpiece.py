"""The embedding study's pure-Python wordpiece split is BERT's uncased one (tests/packs/embed_study.py).

Checked against the `tokenizers` package with all-MiniLM-L6-v2's own vocabulary on 1,622 sentences of real calls
when it was written (identical, [UNK] and padding aside); here on a small vocabulary of the same kind.
"""

from __future__ import annotations

from tests.packs.embed_wordpiece import basic_tokens, wordpieces

VOCAB = frozenset({"un", "##aff", "##able", "key", "##pad", "cafe", "listen", "-", "only", ".", ",", "$", "202",
                   "##4", "supply", "chain", "_"})  # fmt: skip


def test_basic_tokens_lower_case_strip_accents_and_split_punctuation() -> None:
    assert basic_tokens("Café, listen-only: $2.5B") == ["cafe", ",", "listen", "-", "only", ":", "$", "2", ".", "5b"]
    assert basic_tokens("snake_case") == ["snake", "_", "case"]


def test_wordpieces_take_the_longest_known_prefix_first() -> None:
    assert wordpieces("Unaffable keypad.", VOCAB) == ["un", "##aff", "##able", "key", "##pad", "."]
    assert wordpieces("Q1 2024 supply chain", VOCAB) == ["202", "##4", "supply", "chain"]


def test_a_word_without_a_split_is_left_out() -> None:
    assert wordpieces("keyboard supply", VOCAB) == ["supply"]  # "##board" is not in the vocabulary
    assert wordpieces("x" * 101, frozenset({"x", "##x"})) == []  # longer than BERT splits
