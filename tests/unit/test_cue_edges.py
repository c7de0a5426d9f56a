"""Every cue of polarity.toml and pattern of topics.toml is matched between word edges (cues.py and topics.py wrap each
in `(?<!\\w)...(?!\\w)`). A cue that starts inside a word ("n't" of "wouldn't") or ends right before one ("$" before the
digits of "$5") can never match, and nothing says so: two of v0.30's first cues were dead that way until a review
found them. Spaces are made to match any run of whitespace (`flex_all`), which a look-behind cannot hold; inside a
look-behind a space matches one whitespace character instead (flagging v0.39), so `(?<!export )licen[cs]e` compiles."""

from __future__ import annotations

import re

import pytest

from watchdesk.agents.flagging import cues
from watchdesk.agents.flagging.topics import flex_spaces, shipped_topics

# starts inside a word: a contraction's tail or an apostrophe; ends before one: a currency sign
_DEAD_START = re.compile(r"^(?:\(\?:)*(?:n(?:'|\\x27|’)t|'|\\x27|’)")
_DEAD_END = re.compile(r"(?:\\\$|\[[$€£]+\]|[€£])\)*$")


def _cue_patterns() -> list[tuple[str, str]]:
    data = cues._cue_file()
    found = []
    for name, table in [("generic", data["generic"]), *data["topics"].items()]:
        for kind, patterns in table.items():
            if isinstance(patterns, list):
                found += [(f"polarity.toml {name}.{kind}", p) for p in patterns]
    return found


def _topic_patterns() -> list[tuple[str, str]]:
    return [
        (f"topics.toml {spec.name}.{field}", p)
        for spec in shipped_topics()
        for field in ("patterns", "exclude", "context", "document")
        for p in getattr(spec, field, ()) or ()
    ]


@pytest.mark.parametrize("source", ["cues", "topics"])
def test_no_pattern_starts_or_ends_inside_a_word(source: str) -> None:
    patterns = _cue_patterns() if source == "cues" else _topic_patterns()
    assert len(patterns) > 100
    dead = [(where, p) for where, p in patterns if _DEAD_START.search(p) or _DEAD_END.search(p)]
    assert dead == []


def test_the_edge_checks_catch_the_two_dead_cues_of_v0_30() -> None:
    assert _DEAD_START.search("n\\x27t say (?:that )?the shortage")
    assert _DEAD_END.search("will cost us (?:about )?\\$")
    assert not _DEAD_START.search("(?:not|n\\x27t) (?:\\w+ )?say")
    assert not _DEAD_END.search("(?:[$€£]|USD )\\s?\\d[\\d.,]*")


def test_a_lookbehind_holding_a_space_matches_one_whitespace_character() -> None:
    """A look-behind must match a fixed width: a space in it is one whitespace character, not `\\s+`, and a space
    outside it still matches any run (the shipped exclude `(?<!export )licen[cs]es? or ... regulatory approvals?`)."""
    regex = re.compile(flex_spaces("(?<!export )licen[cs]es? or (?:other )?regulatory approvals?"), re.IGNORECASE)
    assert regex.search("without special license or\n  regulatory approval")
    assert not regex.search("export licenses or regulatory approvals")
    assert not regex.search("Export\nlicenses or regulatory approvals")
    assert regex.search("export  licenses or regulatory approvals")  # a limit: two spaces are not one character
    nested = re.compile(flex_spaces(r"(?<=(?:base|peak) )tariff"), re.IGNORECASE)
    assert nested.search("the base\ttariff") and not nested.search("a trade tariff")
    assert flex_spaces(r"[ ](?<! x)\ y") == r"[ ](?<!\sx)\ y"  # a class and an escaped space are left as written


def test_every_shipped_pattern_compiles_with_its_spaces_flexed() -> None:
    broken = []
    for where, pattern in _topic_patterns():
        try:
            re.compile(flex_spaces(pattern))
        except re.error as exc:
            broken.append((where, pattern, str(exc)))
    assert broken == []
