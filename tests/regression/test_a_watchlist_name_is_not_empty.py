"""A CLI review (session 26): a watchlist with `name = ""` (or blanks) was taken, so its runs, briefing files and
`brief --name` named nothing. It is now refused like any bad field, naming the field."""

from __future__ import annotations

import pytest

from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_watchlist_name_is_refused(name: str) -> None:
    with pytest.raises(ConfigError, match=r":1: name: must not be empty"):
        parse_watchlist(f'name = "{name}"\n[[tickers]]\nsymbol = "NVDA"\n')
    assert parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n').name == "watchlist"  # left out, it has its default
