"""Bug (a demanding user's walkthrough): a list written as one text, `watch = "inventory"`, `sources = "edgar"`,
`forms = "10-K"`, `to = "pm@example.com"`, was refused as "Input should be a valid tuple (got 'inventory')": pydantic's
word for what TOML calls an array. Now: 'a list, in brackets even for one: watch = ["inventory"]'."""

from __future__ import annotations

import pytest

from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError

HEAD = 'name = "x"\n[[tickers]]\nsymbol = "NVDA"\n'


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ('[topics]\nwatch = "inventory"', 'w.toml:5: topics.watch: a list, in brackets even for one: '
         'watch = ["inventory"]'),
        ('sources = "edgar"', 'w.toml:4: tickers.0.sources: a list, in brackets even for one: '
         'sources = ["edgar"]'),
        ('[filings]\nforms = "10-K"', 'a list, in brackets even for one: forms = ["10-K"]'),
        ('[[delivery]]\nkind = "email"\nto = "pm@example.com"', 'to = ["pm@example.com"]'),
    ],
)  # fmt: skip
def test_the_list_is_said_in_brackets(text: str, how: str) -> None:
    with pytest.raises(ConfigError) as err:
        parse_watchlist(HEAD + text, origin="w.toml")
    assert how in str(err.value) and "valid tuple" not in str(err.value), str(err.value)
