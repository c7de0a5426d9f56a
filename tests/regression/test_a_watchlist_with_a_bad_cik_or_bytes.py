"""Bug (a CLI review): a watchlist with `cik = 99999999999999999999999` passed `run --dry-run` ("valid") and made the
run fail with "unexpected ConversionException ... please report it" when the CIK was stored; one saved in Latin-1
(`name = "café"`) was read with "caf\ufffd" as its name, said nowhere. A CIK longer than SEC's ten digits is now an
invalid watchlist, and a watchlist that is not UTF-8 says at which byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.graph.watchlist import load_watchlist
from watchdesk.sources.errors import ConfigError


def test_a_cik_longer_than_ten_digits_is_invalid(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text('[[tickers]]\nsymbol = "NVDA"\ncik = 99999999999999999999999\n')
    with pytest.raises(ConfigError, match=r"w\.toml:3: tickers\.0\.cik: Input should be less than or equal to 999"):
        load_watchlist(path)
    path.write_text('[[tickers]]\nsymbol = "NVDA"\ncik = 9999999999\n')
    assert load_watchlist(path).tickers[0].cik == 9999999999


def test_a_watchlist_that_is_not_utf8_says_where(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_bytes('name = "café"\n[[tickers]]\nsymbol = "NVDA"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match=r"w\.toml: not UTF-8 text \(byte 11\); save the watchlist as UTF-8$"):
        load_watchlist(path)
