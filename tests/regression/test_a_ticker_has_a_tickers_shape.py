"""A watchlist's `symbol` took any text: "NV DA", "NVDA;rm" and "1234567890" were planned as tickers (`run --dry-run`
listed "fetch_filings -> NVDA;RM"), and `transcript parse --ticker 'NV DA'` printed that as the call's ticker. A
ticker now has SEC's shape (letters and digits, a class after "." or "-": BRK.B, BF-B), read as `plan` and the
commands' TICKER arguments read one ("$nvda" is NVDA); any other is bad input naming the file, the line and the
entry (exit 2). Every ticker in SEC's map shipped with watchdesk keeps its shape."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import load_watchlist, parse_watchlist
from watchdesk.sources.errors import ConfigError

BAD = ("NV DA", "NVDA;rm", "1234567890", "123456789012", "N/A", "é", "$", "NVIDIA CORP")


@pytest.mark.parametrize("symbol", BAD)
def test_a_symbol_of_no_ticker_shape_is_refused_with_file_line_and_entry(tmp_path: Path, symbol: str) -> None:
    path = tmp_path / "w.toml"
    path.write_text(f'name = "chips"\n\n[[tickers]]\nsymbol = "NVDA"\n\n[[tickers]]\nsymbol = "{symbol}"\n')
    with pytest.raises(ConfigError) as caught:
        load_watchlist(path)
    said = str(caught.value)
    assert said.startswith(f"{path}: invalid watchlist"), said
    assert f"{path}:7: tickers.1.symbol: {symbol!r} is not a ticker" in said, said


@pytest.mark.parametrize(("given", "read"), [("BRK.B", "BRK.B"), ("bf-b", "BF-B"), ("GOOGL", "GOOGL"),
                                              ("TSM", "TSM"), ("NSRGY", "NSRGY"), (" $nvda ", "NVDA")])
def test_real_ticker_shapes_are_kept(given: str, read: str) -> None:
    assert parse_watchlist(f'[[tickers]]\nsymbol = "{given}"\n').tickers[0].symbol == read


def test_every_ticker_sec_lists_is_a_ticker() -> None:
    from watchdesk.graph.goal import names

    shipped = Path(names.__file__).with_name("sec_tickers.tsv.gz")
    with gzip.open(shipped, "rt") as lines:
        rows = [line.split("\t")[0] for line in lines.read().splitlines()[1:]]
    assert len(rows) > 9000
    text = "".join(f'[[tickers]]\nsymbol = "{symbol}"\ncik = 1\n' for symbol in rows)
    assert [t.symbol for t in parse_watchlist(text).tickers] == rows


def test_run_dry_run_refuses_it(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[tickers]]\nsymbol = "NVDA;rm"\n')
    result = CliRunner().invoke(cli, ["run", str(path), "--dry-run"])
    assert result.exit_code == 2, result.output
    assert "'NVDA;rm' is not a ticker" in result.output and "NVDA;RM" not in result.output


def test_transcript_parse_refuses_a_ticker_of_no_ticker_shape(shared_fixtures: Path) -> None:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt"
    result = CliRunner().invoke(cli, ["transcript", "parse", str(call), "--ticker", "NV DA"])
    assert result.exit_code == 2, result.output
    assert "'NV DA' is not a ticker" in result.output
    result = CliRunner().invoke(cli, ["transcript", "parse", str(call), "--ticker", "$amd"])
    assert result.exit_code == 0, result.output
    assert '"ticker": "AMD"' in result.stdout
