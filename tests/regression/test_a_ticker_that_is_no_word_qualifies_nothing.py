"""A review of 35d39ea: a lower-case ticker that qualifies the word after it stayed a word ("NVDA low margins" is no
Lowe's), but so did one that is no English word: `watchdesk plan "monitor NVDA tsm supply chain weekly"` watched NVDA
alone and said "'tsm': not understood, ignored (a company? close matches: TSM ...)", and "watch nvda cash flow"
stopped with "the goal names no company". Only a ticker that is also an English word (graph/goal/english_words.txt,
then a hand list: low, fast, cold...) is read as the word where it qualifies the next; "tsm", "nvda", "avgo" qualify
nothing. And the same reading holds where every word is in lower case ("watch nvda low margins weekly" watched LOW by
the older rule of spaced lower-case tickers) and in a list ("watch NVDA, tsm and low inventory" watched LOW)."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)
LOW_SAID = ("'low': not understood, ignored (in lower case a word, not the ticker of LOWES COMPANIES INC (LOW): write "
            "LOW or $LOW to watch it)")


@pytest.mark.parametrize(("goal", "tickers", "said"), [
    # a ticker that is no word, before words: the company
    ("monitor NVDA tsm supply chain weekly", ["NVDA", "TSM"], "company 'tsm' -> TSM"),
    ("watch NVDA avgo demand", ["NVDA", "AVGO"], "company 'avgo' -> AVGO"),
    ("watch AMD nvda supply chain", ["AMD", "NVDA"], "company 'nvda' -> NVDA"),
    ("watch nvda cash flow", ["NVDA"], "company 'nvda' -> NVDA"),
    # a ticker that is an English word, qualifying the next: the word, every word in lower case too
    ("watch nvda low margins weekly", ["NVDA"], LOW_SAID),
    ("nvda low margins", ["NVDA"], LOW_SAID),
    ("monitor nvda tsm low margins weekly", ["NVDA", "TSM"], LOW_SAID),
    # 'growth' too, since goals3 (it was dropped unsaid)
    ("watch nvda fast growth", ["NVDA"], "'fast growth': not understood, ignored ('fast' in lower case is a word, not "
                                         "the ticker of FASTENAL CO (FAST)"),
    ("watch NVDA, tsm and low inventory", ["NVDA", "TSM"], LOW_SAID),
    ("monitor NVDA low margins weekly", ["NVDA"], LOW_SAID),
    # a list of tickers, an English word among them: the companies
    ("watch nvda tsm asml weekly", ["NVDA", "TSM", "ASML"], "company 'asml' -> ASML"),
    ("watch nvda cat asml", ["NVDA", "CAT", "ASML"], "company 'cat' -> CAT"),
    ("watch NVDA and low", ["NVDA", "LOW"], "company 'low' -> LOW"),
    ("monitor NVDA tsm ASML daily", ["NVDA", "TSM", "ASML"], "company 'tsm' -> TSM"),
    # unchanged: a word the parser never reads as a ticker
    ("monitor intc now", ["INTC"], "company 'intc' -> INTC"),
    ("watch amd well positioned", ["AMD"], "'positioned': not understood, ignored"),
    ("nvda and amd cash flow", ["NVDA", "AMD"], "'cash flow': not understood, ignored"),
])  # fmt: skip
def test_only_a_ticker_that_is_a_word_reads_as_one(goal: str, tickers: list[str], said: str) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, (result.decisions, result.not_understood)
    assert any(s.startswith(said) for s in result.decisions + result.not_understood), (result.decisions,
                                                                                       result.not_understood)


@pytest.mark.parametrize("goal", ["watch low margins", "watch fast growth"])
def test_a_word_that_is_a_ticker_alone_says_how_to_name_the_company(goal: str) -> None:
    """Before, "watch low margins" watched Lowe's (LOW), said as a plain decision: the goal's only lower-case ticker."""
    word = goal.split()[1]
    with pytest.raises(ConfigError) as err:
        parse_goal(goal, as_of=AS_OF)
    assert f"'{word}' in lower case is a word, not the ticker of" in str(err.value)
    assert f"write {word.upper()} or ${word.upper()} to watch it" in str(err.value)


def test_a_slip_after_a_ticker_read_after_the_verb_stops_the_plan() -> None:
    """'nvda', no word, is read after the watch verb now; the slip beside it still stops the plan with its close
    matches. Before, "monitor nvda tsmm daily" stopped saying "'nvda' in lower case is a word", the slip unsaid."""
    with pytest.raises(ConfigError) as err:
        parse_goal("monitor nvda tsmm daily", as_of=AS_OF)
    assert "'tsmm' is not a company in SEC's ticker map; close matches: TSM (TAIWAN SEMICONDUCTOR" in str(err.value)
    assert "'nvda'" not in str(err.value)
