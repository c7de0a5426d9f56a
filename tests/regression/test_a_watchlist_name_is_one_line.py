"""A security review: a watchlist named with U+2028 (line separator) or U+0085 (next line) passed the name check
(C0 controls only), then its e-mail delivery failed as an "unexpected ValueError" gap (Python's e-mail module refuses
the header; no injection). The name check now refuses C1 controls and the Unicode line and paragraph separators too,
at load, naming the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.offline import GIVE_UP_AT_ONCE
from watchdesk.graph.cli import cli


@pytest.mark.parametrize("char", ["\\u2028", "\\u2029", "\\u0085", "\\u009b"])
def test_a_name_with_a_unicode_line_break_is_bad_input(tmp_path: Path, char: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(f'name = "semis{char}Subject: hi"\n[[tickers]]\nsymbol = "NVDA"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(path), "--dry-run"])
    assert result.exit_code == 2, result.output
    assert "name" in result.output and "one line of printable text" in result.output


def test_a_name_in_another_script_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('name = "半導体 – Halbleiter"\n[[tickers]]\nsymbol = "NVDA"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(path), "--dry-run"],
                                env={"WATCHDESK_SEC_IDENTITY": "A B a@b.example", **GIVE_UP_AT_ONCE})
    assert "one line of printable text" not in result.output, result.output
