"""Every cue of polarity.toml and pattern of topics.toml is matched between word edges (cues.py and topics.py wrap each
in `(?<!\\w)...(?!\\w)`). A cue that starts inside a word ("n't" of "wouldn't") or ends right before one ("$" before the
digits of "$5") can never match, and nothing says so: two of v0.30's first cues were dead that way until a review
found them. A lookbehind holding a space fails to compile once spaces are made to match any whitespace (`flex_all`):
write `(?<!not.)`, not `(?<!not )`."""

from __future__ import annotations

import re

import pytest

from watchdesk.agents.flagging import cues
from watchdesk.agents.flagging.topics import shipped_topics

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


def test_no_lookbehind_holds_a_space() -> None:
    spaced = [(w, p) for w, p in _cue_patterns() + _topic_patterns() if re.search(r"\(\?<!?[^)]* [^)]*\)", p)]
    assert spaced == []
    for name, macro in cues._cue_file()["macros"].items():
        assert not re.search(r"\(\?<!?[^)]* [^)]*\)", macro), name
