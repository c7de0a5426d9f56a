"""Seen in a walk (goals2): `watchdesk plan "watch nvda, meta and amd"` watched NVDA and AMD and said 'meta' was "in
lower case a word"; "watch costco, walmart & target" left out Target the same way, and "watch meta and googl for ad
pricing" stopped, saying even 'googl' was a word. An ordinary word that is a company's alias (meta, target, shell, bp,
visa, arm), alone in a comma/and list of companies or of lower-case tickers, is now that company, and the decision says
how it was read; one that qualifies the words after it ("meta commentary", "target customers") stays the word."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)
META = ("company 'meta' -> META (Meta Platforms, Inc., CIK 1326801) in a list of companies, though 'meta' is also a "
        "word (write META to be sure)")


def test_watchdesk_plan_watches_meta() -> None:
    result = CliRunner().invoke(cli, ["plan", "watch nvda, meta and amd", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert 'symbol = "META"' in result.output
    assert META in result.output and "Not understood:\n  (nothing)" in result.output


@pytest.mark.parametrize(("goal", "tickers"), [
    ("watch NVDA, meta and AMD for capex", ["NVDA", "META", "AMD"]),
    ("watch meta and googl for pricing", ["META", "GOOGL"]),
    ("watch nvda, shell and bp for oil prices", ["NVDA", "SHEL", "BP"]),
    ("watch costco, walmart & target for tariffs", ["COST", "WMT", "TGT"]),
    ("watch nvda for target customers and meta commentary", ["NVDA"]),  # the words
    ("watch NVDA and meta commentary", ["NVDA"]),
    ("Watch NVIDIA and gold", ["NVDA"]),  # gold is no alias of Barrick's: the word, as before
])  # fmt: skip
def test_where_it_stands(goal: str, tickers: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == tickers


def test_alone_it_is_still_a_word() -> None:
    with pytest.raises(ConfigError, match="'meta' in lower case is a word, not the ticker of Meta Platforms"):
        parse_goal("watch meta", as_of=DAY)


def test_a_lower_case_ticker_that_is_no_word_is_not_called_one() -> None:
    with pytest.raises(ConfigError) as stopped:
        parse_goal("watch googl and ad", as_of=DAY)  # 'ad', listed with googl, is no company: the plan stops there
    assert "'googl' in lower case is a word" not in str(stopped.value)
