"""A security review (Trojan Source): `watchdesk transcript parse` and `transcript fetch` printed a statement's text
with its characters as fetched, so a right-to-left override (U+202E) in a call's text showed the rest of its line
reversed in a terminal or pager. The transcript's JSON now writes bidi controls (and DEL and C1) as JSON escapes
("\\u202e"); read back, the statement is the same text."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

SENTENCE = "We believe the channel inventory correction is behind us."  # NVIDIA's Q1 FY2024 call


def test_transcript_parse_writes_bidi_controls_as_json_escapes(shared_fixtures: Path, tmp_path: Path) -> None:
    source = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2024_Q1.txt"
    text = source.read_text(encoding="utf-8")
    assert SENTENCE in text
    spoofed = tmp_path / source.name
    spoofed.write_text(text.replace(SENTENCE, SENTENCE.replace("correction", "\u202ecorrection")), encoding="utf-8")
    result = CliRunner().invoke(cli, ["transcript", "parse", str(spoofed)])
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stdout and "inventory \\u202ecorrection is behind us." in result.stdout
    said = [s["text"] for s in json.loads(result.stdout)["statements"] if "\u202ecorrection" in s["text"]]
    assert len(said) == 1 and "inventory \u202ecorrection is behind us." in said[0]
