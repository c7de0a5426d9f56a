"""Bug (a demanding user's walkthrough): a watchlist value written as people write it, unquoted or in another date
format, stopped every command with tomllib's words alone: `time = 07:00` and `since = 2025/01/01` gave "TOML syntax
error: Expected newline or end of document after a statement (at line 6, column 13)", `day = monday` "Invalid value
(at line 6, column 5)"; and TOML's own time of day, `time = 07:00:00`, was refused as "Input should be a valid string
(got datetime.time(7, 0))". Now the message names the line and says how to write it (graph/toml_values.py), a TOML
time of whole minutes is read as HH:MM, and a value that could be a secret (under webhook_env or a misspelt key) is
never echoed."""

from __future__ import annotations

import pytest

from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError

HEAD = 'name = "x"\n[[tickers]]\nsymbol = "NVDA"\n'


def said(text: str) -> str:
    with pytest.raises(ConfigError) as err:
        parse_watchlist(HEAD + text, origin="w.toml")
    return str(err.value)


@pytest.mark.parametrize(
    ("line", "how"),
    [
        ('[schedule]\ntime = 07:00', 'w.toml: TOML syntax error: `time = 07:00` (line 5): write the time of day in '
         'quotes, 24-hour HH:MM: time = "07:00"'),
        ("[filings]\nsince = 2025/01/01", "`since = 2025/01/01` (line 5) is no date TOML reads: write a day that "
         "exists as YYYY-MM-DD, unquoted (since = 2025-01-31)"),
        ("[filings]\nuntil = 2025-02-30  # month end", "`until = 2025-02-30` (line 5) is no date TOML reads"),
        ('[schedule]\nday = monday', '`day = monday` (line 5): write text in quotes (day = "monday")'),
        ("[filings]\nlookback_days = 1,000", "`lookback_days = 1,000` (line 5): write a whole number, digits alone "
         "(lookback_days = 1000)"),
        ('[[delivery]]\nkind = "email"\nto = pm@example.com', '`to = pm@example.com` (line 6): write a list of text '
         'in brackets, each in quotes (to = ["pm@example.com"])'),
    ],
)  # fmt: skip
def test_the_line_and_how_to_write_it(line: str, how: str) -> None:
    assert how in said(line)


def test_a_toml_time_of_whole_minutes_is_the_time() -> None:
    assert parse_watchlist(HEAD + "[schedule]\ntime = 07:30:00").schedule.time == "07:30"
    assert "must be a 24-hour time HH:MM in quotes, e.g. time = \"07:00\" (got 07:30:15)" in said(
        "[schedule]\ntime = 07:30:15")


def test_a_secret_is_never_echoed() -> None:
    hook = said('[[delivery]]\nkind = "slack"\nwebhook_env = hooks.slack.com/services/T0/B0/XYZSECRET')
    misspelt = said("[policy]\npasword = hunter2secret")
    assert "XYZSECRET" not in hook and "hunter2secret" not in misspelt
    assert "Invalid value (at line 6, column 15)" in hook  # tomllib's words: where, not what


def test_a_key_set_twice_is_still_said_so() -> None:
    twice = said('[schedule]\nday = "mon"\nday = "tue"\ntime = "07:00"')
    assert "`day` is set twice (the second time on line 6): keep one" in twice
