"""graph.wrap.wrapped finds textwrap.wrap's lines without it where a text's words are one space apart (a listing's
table wrapped each of 880,000 sentences with textwrap: most of 66 s of CPU); it must give the very same lines, for
any text, width, indents and line limit, wide characters (counted as textwrap counts them, one a character) too."""

from __future__ import annotations

import random
import textwrap

import pytest

from watchdesk.graph.wrap import wrapped

# words of every kind a cell may hold: short and long (wider than a line), wide characters, Unicode spaces that
# textwrap does not break at, hyphens (it does not break at them either, here), punctuation
_WORDS = ["a", "to", "the", "supply", "inventory,", "demand.", "semi-conductor", "日本語の文", "—", "F-0c1d2e3f",
          "no\xa0break", "wide\u3000space", "‘quoted’", "…"]  # fmt: skip
_LONG = ["x" * 70, "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"]
_SPACES = [" "] * 30 + ["  ", "\t", "\n", "   ", " \n "]


def _text(rng: random.Random) -> str:
    """Half one space between words (what wrapped() fills itself), half any whitespace (textwrap's)."""
    words = [rng.choice(_LONG if rng.random() < 0.01 else _WORDS) for _ in range(rng.randint(0, 60))]
    spaces = _SPACES if rng.random() < 0.5 else [" "]
    text = "".join(w + rng.choice(spaces) for w in words)
    return rng.choice(["", " ", "  "]) + text if rng.random() < 0.1 else text.rstrip() if rng.random() < 0.8 else text


def test_wrapped_lines_are_textwraps_for_any_text(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20261206)
    wrap, through = textwrap.wrap, []
    monkeypatch.setattr(textwrap, "wrap", lambda *a, **k: through.append(1) or wrap(*a, **k))
    for _ in range(5_000):
        text, width = _text(rng), rng.choice([12, 20, 59, 79, 80, 119, 159, 200])
        indent, first = rng.choice([("    ", None), ("  ", ""), (" " * 11, "    "), ("", None)])
        most = rng.choice([None, None, 1, 2, 3])
        expected = wrap(text, width=width, initial_indent=indent if first is None else first, subsequent_indent=indent,
                        break_on_hyphens=False, max_lines=most, placeholder=" …")
        assert wrapped(text, width, indent=indent, first=first, most=most) == expected, (text, width, indent, most)
    assert 1_000 < len(through) < 4_000  # textwrap's own lines and those found without it both compared


def test_a_sentence_one_space_apart_is_filled_greedily() -> None:
    sentence = "We have long manufacturing lead times and build finished products and maintain inventory."
    lines = ["We have long manufacturing lead", "times and build finished products", "and maintain inventory."]
    assert wrapped(sentence, 40, indent="    ") == ["    " + x for x in lines]
    assert wrapped("", 40, indent="    ") == [] and wrapped("word", 40, indent="  ", first="") == ["word"]
