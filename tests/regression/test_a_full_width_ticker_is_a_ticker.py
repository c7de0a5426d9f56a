"""Bug: `watchdesk plan "Watch ＮＶＤＡ"` (full-width letters, as a Japanese or Chinese keyboard types them) watches
NVDA, but `edgar list ＮＶＤＡ` said "'ＮＶＤＡ' is not a ticker", and so did a watchlist's symbol. Every ticker given
is now read as plan reads it: full-width and other compatibility forms as their plain characters (NFKC)."""

from __future__ import annotations

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import parse_watchlist


def test_edgar_list_reads_a_full_width_ticker() -> None:
    args = ["--forms", "10-K", "--replay", str(demo_pack())]
    plain = CliRunner().invoke(cli, ["edgar", "list", "NVDA", *args])
    wide = CliRunner().invoke(cli, ["edgar", "list", "ＮＶＤＡ", *args])
    assert wide.exit_code == 0, wide.output
    assert wide.stdout == plain.stdout and plain.stdout


def test_a_watchlist_symbol_in_full_width_is_the_ticker() -> None:
    assert parse_watchlist('[[tickers]]\nsymbol = "ＢＲＫ．Ｂ"\n').tickers[0].symbol == "BRK.B"
    assert parse_watchlist('[[tickers]]\nsymbol = "＄ｎｖｄａ"\n').tickers[0].symbol == "NVDA"
