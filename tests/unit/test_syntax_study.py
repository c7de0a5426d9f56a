"""The parse study's features (tests/packs/syntax_study.py), read off a hand-built parse so that spaCy, never a
watchdesk dependency, is not needed here."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.packs import syntax_study as study


@dataclass
class _Token:
    doc: _Doc = field(repr=False, compare=False)
    i: int
    text: str
    lemma_: str
    pos_: str
    dep_: str
    head_i: int

    @property
    def lower_(self) -> str:
        return self.text.lower()

    @property
    def head(self) -> _Token:
        return _Token(**self.doc.tokens[self.head_i].__dict__)  # a new object each time, as spaCy's

    @property
    def children(self) -> list[_Token]:
        return [t for t in self.doc.tokens if t.head_i == self.i and t.i != self.i]

    @property
    def subtree(self) -> list[_Token]:
        below = [s for c in self.children for s in c.subtree]
        return sorted([self, *below], key=lambda t: t.i)


@dataclass
class _Doc:
    tokens: list[_Token] = field(default_factory=list)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.tokens)

    def __getitem__(self, part: slice) -> _Span:
        return _Span(" ".join(t.text for t in self.tokens[part]))


@dataclass
class _Span:
    text: str


def _doc(rows: list[tuple[str, str, str, str, int]]) -> _Doc:
    doc = _Doc()
    doc.tokens = [_Token(doc, i, *row) for i, row in enumerate(rows)]
    return doc


# en_core_web_sm's parse of "Channel inventory is healthy." and "We saw a reduction in inventory at customers."
HEALTHY = [
    ("Channel", "channel", "NOUN", "compound", 1),
    ("inventory", "inventory", "NOUN", "nsubj", 2),
    ("is", "be", "AUX", "ROOT", 2),
    ("healthy", "healthy", "ADJ", "acomp", 2),
    (".", ".", "PUNCT", "punct", 2),
]
REDUCTION = [("We", "we", "PRON", "nsubj", 1), ("saw", "see", "VERB", "ROOT", 1), ("a", "a", "DET", "det", 3),
             ("reduction", "reduction", "NOUN", "dobj", 1), ("in", "in", "ADP", "prep", 3),
             ("inventory", "inventory", "NOUN", "pobj", 4), ("at", "at", "ADP", "prep", 3),
             ("customers", "customer", "NOUN", "pobj", 6), (".", ".", "PUNCT", "punct", 1)]  # fmt: skip


def test_a_compound_climbs_to_its_noun_and_a_copula_gives_its_complement() -> None:
    names, clauses = study.parse_features(_doc(HEALTHY), "inventory")
    assert names == ["Y:govpos=AUX", "Y:role=nsubj", "y:comp=healthy", "y:gov=be", "y:mod=channel", "y:np=inventory"]
    assert clauses == ["Channel inventory is healthy ."] * 2  # one per topic word (channel, inventory)
    assert study.parse_features(_doc(HEALTHY), "geopolitical") == ([], [])


def test_a_preposition_is_climbed_to_the_word_it_hangs_on() -> None:
    names, _ = study.parse_features(_doc(REDUCTION), "inventory")
    assert {"y:gov=reduction", "y:gov=reduction_in", "Y:role=pobj", "y:np=inventory"} <= set(names)


def test_chosen_keeps_the_asked_kinds_and_labels_each_clause() -> None:
    found = (["Y:role=nsubj", "y:np=inventory"], ["inventory is healthy", "inventory is healthy"])
    assert study.chosen(found, {"lex"}) == ["y:np=inventory"]
    assert study.chosen(found, {"struct", "clause"}, lambda text: "positive") == ["Y:role=nsubj", "Y:cs=positive"]


def test_tone_steps_and_character_grams() -> None:
    assert [study.tone_bucket(x) for x in (-1.0, -0.4, -0.1, 0.0, 0.3, 0.83)] == [
        "T:-3", "T:-2", "T:+0", "T:+0", "T:+1", "T:+3"
    ]  # fmt: skip
    assert study.char_grams("Lean stock", 4) == ["c:<lea", "c:<sto", "c:ean>", "c:lean", "c:ock>", "c:stoc", "c:tock"]
    assert study.char_grams("no", 4) == ["c:<no>"]


def test_usage_errors_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    feats = tmp_path / "feats.json"
    feats.write_text("{}", encoding="utf-8")
    for argv in (
        [],
        ["measure", "both", str(feats), "lex,syntax"],
        ["measure", "both", str(tmp_path / "no.json"), "lex"],
        ["measure", "all", str(feats), "lex"],
        ["chars", "polarity", "1"],
        ["tone"],
    ):
        with pytest.raises(SystemExit) as stop:
            study.main(argv)
        assert stop.value.code == 2
