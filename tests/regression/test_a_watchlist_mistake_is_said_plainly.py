"""The session's bad-input review of watchlist files: a key given twice said tomllib's "TOML syntax error: Cannot
overwrite a value (at line 2, column 11)", naming neither the key nor what to do, and a table given twice "Cannot
declare ('policy',) twice"; `[tickers]` written for `[[tickers]]` said "field `tickers`: Input should be a valid tuple
(got {'symbol': 'NVDA'})"; and `cik = true` was read as CIK 1 (the plan fetched "NVDA (CIK 1)"), `cik = 1045810.0`,
`lookback_days = true` or `max_requests_per_run = 2.5`-like values were taken as numbers. Now each is said with the
key or table and what to write, exit 2, nothing done; numbers must be written as whole numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

NVDA = '[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n'


def _said(tmp_path: Path, text: str) -> str:
    path = tmp_path / "w.toml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner(env={"WATCHDESK_SEC_IDENTITY": "Jane Analyst jane@example.com"}).invoke(
        cli, ["run", str(path), "--dry-run", "--db", str(tmp_path / "w.duckdb")]
    )
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "w.duckdb").exists()
    return " ".join(result.stderr.split()).removeprefix(f"error: {path}: ").replace(str(path), "w.toml")


def test_a_key_set_twice_is_named(tmp_path: Path) -> None:
    said = _said(tmp_path, f'name = "semis"\nname = "chips"\n{NVDA}')
    assert said == "TOML syntax error: `name` is set twice (the second time on line 2): keep one", said


def test_a_table_declared_twice_is_named(tmp_path: Path) -> None:
    said = _said(tmp_path, f'{NVDA}[policy]\napproval = "never"\n[policy]\nmax_requests_per_run = 50\n')
    assert said == (
        "TOML syntax error: [policy] is declared twice (the second time on line 6): put its keys under one "
        "[policy] (a list of them is written [[policy]], one per entry)"
    ), said


def test_a_ticker_table_with_one_bracket_says_two(tmp_path: Path) -> None:
    said = _said(tmp_path, '[tickers]\nsymbol = "NVDA"\n')
    assert said == (
        "invalid watchlist: w.toml:1: tickers: a list of tables: write each entry under [[tickers]] (two "
        "brackets), not [tickers]"
    ), said
    said = _said(tmp_path, f'{NVDA}[delivery]\nkind = "file"\n')
    assert "write each entry under [[delivery]] (two brackets), not [delivery]" in said, said


@pytest.mark.parametrize(("setting", "field", "given"), [
    ("cik = true", "tickers.0.cik", "True"),  # before: the plan fetched "NVDA (CIK 1)"
    ("cik = 1045810.0", "tickers.0.cik", "1045810.0"),
    ("cik = 1045810\n[filings]\nlookback_days = true", "filings.lookback_days", "True"),
    ("cik = 1045810\n[policy]\nmax_requests_per_run = 2.0", "policy.max_requests_per_run", "2.0"),
])  # fmt: skip
def test_a_number_must_be_a_whole_number(tmp_path: Path, setting: str, field: str, given: str) -> None:
    said = _said(tmp_path, f'[[tickers]]\nsymbol = "NVDA"\n{setting}\n')
    line = 3 + setting.count("\n")  # the setting's own line
    assert f"w.toml:{line}: {field}: Input should be a valid integer (got {given})" in said, said
