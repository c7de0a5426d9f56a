"""A security review (Trojan Source): a watchlist named with a right-to-left override (U+202E) or an isolate passed
the name check, and the name goes into the e-mail subject, the Slack headline, the briefing's title and its file
name, where it reversed what follows it ("watchdesk briefing: semis\u202e, 2026-W35" showed the period backwards).
The name check now refuses bidi embeddings, overrides and isolates as the control characters they are; the marks
U+200E/U+200F, which a right-to-left name needs, stay allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.offline import GIVE_UP_AT_ONCE
from watchdesk.graph.cli import cli

SEC = {"WATCHDESK_SEC_IDENTITY": "A B a@b.example", **GIVE_UP_AT_ONCE}


def _run(tmp_path: Path, name: str) -> str:
    path = tmp_path / "w.toml"
    path.write_text(f'name = "{name}"\n[[tickers]]\nsymbol = "NVDA"\n', encoding="utf-8")
    return CliRunner().invoke(cli, ["run", str(path), "--dry-run"], env=SEC).output


@pytest.mark.parametrize("char", ["\\u202b", "\\u202e", "\\u2066"])
def test_a_name_with_a_bidi_control_is_bad_input(tmp_path: Path, char: str) -> None:
    out = _run(tmp_path, f"semis{char}sknab")
    assert "name" in out and "one line of printable text" in out, out


def test_a_right_to_left_name_with_its_marks_is_fine(tmp_path: Path) -> None:
    out = _run(tmp_path, "\\u05e9\\u05d1\\u05d1\\u05d9\\u05dd\\u200f 2026")
    assert "one line of printable text" not in out, out
