"""Watchlist loading: valid files load, every kind of mistake is named precisely."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from watchdesk.graph.watchlist import load_watchlist, parse_watchlist
from watchdesk.sources.errors import ConfigError


def test_shipped_example_is_valid() -> None:
    text = (resources.files("watchdesk.graph") / "example_watchlist.toml").read_text()
    wl = parse_watchlist(text)
    assert [t.symbol for t in wl.tickers] == ["NVDA", "TSM", "ASML"]
    assert {"inventory", "supply_chain", "geopolitical"} <= set(wl.topics.watch)
    assert wl.policy.approval == "first:1"


def test_symbols_are_upper_cased_and_defaults_fill_in() -> None:
    wl = parse_watchlist('[[tickers]]\nsymbol = " nvda "\n')
    assert wl.tickers[0].symbol == "NVDA"
    assert wl.tickers[0].sources == ("edgar",)
    assert wl.policy.allowed_domains == ("sec.gov",)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('name = "x"\n', "w.toml: tickers: Field required"),
        ('[[tickers]]\nsymbol = "NVDA"\ncik = "abc"\n', "w.toml:3: tickers.0.cik: "),
        ('[[tickers]]\nsymbol = "NVDA"\nbogus = 1\n', "w.toml:3: tickers.0.bogus: "),
        ('[[tickers]]\nsymbol = "NVDA"\n[policy]\napproval = "sometimes"\n', "w.toml:4: policy.approval: "),
        ('[[tickers]]\nsymbol = "NVDA"\n[schedule]\ntime = "25:00"\n', "w.toml:4: schedule.time: "),
        ('[[tickers]]\nsymbol = "NVDA"\naccessions = ["123"]\n', "accession number"),
        # the runs review (session 22): each of these passed `--dry-run` as valid and fetched or flagged nothing
        ('[[tickers]]\nsymbol = "  "\n', "w.toml:2: tickers.0.symbol: must be a ticker"),
        ('[[tickers]]\nsymbol = "NVDA"\nsources = []\n', "w.toml:3: tickers.0.sources: no source"),
        ('[[tickers]]\nsymbol = "NVDA"\n[topics]\nwatch = []\n', "no topic to watch"),
        ('[[tickers]]\nsymbol = "NVDA"\nforms = []\n', "no form named"),
        ('[[tickers]]\nsymbol = "NVDA"\n[filings]\nforms = [""]\n', "an empty form"),
    ],
)
def test_invalid_fields_are_named(text: str, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_watchlist(text, origin="w.toml")
    assert needle in str(info.value) and "w.toml" in str(info.value)


def test_a_misspelled_key_gets_a_suggestion_and_a_bad_time_an_example() -> None:
    """A new user's walkthrough (session 22): `cadense` said only "Extra inputs are not permitted", and `time = "7am"`
    printed the regex."""
    with pytest.raises(ConfigError) as info:
        parse_watchlist('[[tickers]]\nsymbl = "NVDA"\n[schedule]\ncadense = "daily"\ntime = "7am"\n', origin="w.toml")
    said = str(info.value)
    assert "; did you mean symbol?" in said and "; did you mean cadence?" in said
    assert "must be a 24-hour time HH:MM, e.g. 07:00" in said and "[01]" not in said


def test_forms_as_people_write_them_are_sec_forms() -> None:
    """`forms = ["10K", "10q", "8-k"]` matched only 8-k's filings: 10K and 10q were silently never fetched."""
    wl = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\nforms = ["10K", "10q", "8-k", "20f/a", "s1", "DEF 14A"]\n'
                         '[filings]\nforms = ["10 k", "6K"]\n')  # fmt: skip
    assert wl.tickers[0].forms == ("10-K", "10-Q", "8-K", "20-F/A", "S-1", "DEF 14A")
    assert wl.filings.forms == ("10-K", "6-K")


def test_syntax_error_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[tickers]]\nsymbol = "NVDA"\nforms = [10-K]\n')
    with pytest.raises(ConfigError, match=r"bad\.toml: TOML syntax error: .*line 3"):
        load_watchlist(path)


def test_fingerprint_changes_with_content() -> None:
    a = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n')
    b = parse_watchlist('[[tickers]]\nsymbol = "AMD"\n')
    assert a.fingerprint() != b.fingerprint() and a.fingerprint() == a.fingerprint()


@pytest.mark.parametrize("text", ["", "\n\n", "# my watchlist, to fill in\n"])
def test_an_empty_watchlist_is_said_empty(text: str) -> None:
    """It said "field `tickers`: Field required", as if one key were missing (a walkthrough, session 28)."""
    with pytest.raises(ConfigError) as said:
        parse_watchlist(text, origin="w.toml")
    assert str(said.value) == ("w.toml: the watchlist is empty (no tickers, no settings); `watchdesk init` writes one "
                               "to start from, each setting explained")
