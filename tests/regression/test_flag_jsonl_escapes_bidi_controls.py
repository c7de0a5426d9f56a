"""A security review (Trojan Source): `watchdesk flag` wrote its JSONL with every character as fetched, so a
sentence holding a right-to-left override (U+202E) showed reversed in a terminal or pager, and the rest of its
line with it (the topic, the polarity and the offsets read backwards). Bidi embeddings, overrides and isolates (and
DEL and the C1 controls) are now written as JSON escapes ("\\u202e"): the line reads left to right, and a JSON
reader gets the sentence back exactly as it was."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.redact import inert_json

SENTENCE = "We believe the channel inventory correction is behind us."  # NVIDIA's Q1 FY2024 call
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f\x9b"


def test_flag_writes_bidi_controls_as_json_escapes(shared_fixtures: Path) -> None:
    call = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2024_Q1.txt").read_text(encoding="utf-8")
    assert SENTENCE in call
    spoofed = SENTENCE.replace("correction is", "\u202ecorrection\u2066 is\u2069")
    result = CliRunner().invoke(cli, ["flag", "--text", spoofed, "--topics", "inventory", "--no-llm"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert not set(CONTROLS) & set(line), line
    assert "\\u202ecorrection\\u2066 is\\u2069" in line
    assert json.loads(line)["sentence"] == spoofed  # a reader of the JSON gets the text as fetched


def test_inert_json_is_the_same_value() -> None:
    value = {"text": f"a{CONTROLS}b 台積電 \u200f", "n": [1, 2.5, None]}
    for indent in (None, 2):
        out = inert_json(value, indent=indent)
        assert not set(CONTROLS) & set(out) and "台積電 \u200f" in out
        assert json.loads(out) == value
