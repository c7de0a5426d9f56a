"""The session's bad-input review (journey5): `watchdesk edgar diff A A` compared a filing with itself and printed its
"nothing changed" report without a word, as if the company had repeated itself; the same happened with two copies of
one file. It is now said on stderr ("OLD and NEW are the same filing ...: nothing can have changed; give the company's
earlier filing as OLD"); the report itself is as before. Real 10-Q from SEC EDGAR."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.cli_edgar_diff import _one_file

_NAME = "AAPL_10-Q_Q2FY2025_aapl-20250329.htm"


def _filing(edgar_fixtures: Path) -> Path:
    path = edgar_fixtures / "filings" / _NAME
    if not path.exists():
        pytest.skip(f"{_NAME} is not in the fixtures")
    return path


def test_a_filing_given_twice_is_said_to_be_one(edgar_fixtures: Path, tmp_path: Path) -> None:
    path = _filing(edgar_fixtures)
    copy = tmp_path / "copy.htm"
    shutil.copyfile(path, copy)
    for pair, names in (((path, path), _NAME), ((path, copy), f"{_NAME}, copy.htm")):
        result = CliRunner().invoke(cli, ["edgar", "diff", *map(str, pair), "--section", "1A"])
        assert result.exit_code == 0, result.output
        assert f"warning: OLD and NEW are the same filing ({names}): nothing can have changed; give the company's " \
               "earlier filing as OLD" in " ".join(result.stderr.split()), result.stderr
        assert result.stdout.startswith("{")


def test_two_filings_are_not_one(edgar_fixtures: Path, tmp_path: Path) -> None:
    path = _filing(edgar_fixtures)
    other = tmp_path / "other.htm"
    other.write_bytes(path.read_bytes() + b" ")
    assert not _one_file(path, other)
    assert not _one_file(Path("-"), Path("-"))
