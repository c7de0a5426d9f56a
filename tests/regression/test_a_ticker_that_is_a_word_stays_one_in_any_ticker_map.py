"""Two defects of lower-case tickers that are English words.

1. Which tickers are words was a hand list (graph/goal/words.py TICKER_WORDS) over the shipped 2024-05 snapshot's
   first 2,000 companies: with SEC's current map (`watchdesk plan --refresh-tickers`), a well-known company whose
   ticker is an English word the list lacked was read where the word qualifies the next ("watch nvda love margins"
   watched it). A lower-case word is now English by a shipped word list (graph/goal/english_words.txt, from SCOWL's
   common American English words), whatever the ticker map: such a ticker stays the word where it qualifies the next,
   and is said how to name.
2. Function words that are tickers were offered as companies in prose: "watch NVDA so I know" said "'so': not
   understood, ignored (in lower case a word, not the ticker of SOUTHERN CO (SO) ...)" and "watch NVDA and so" watched
   Southern Co. They are common words (common_words.txt), never a ticker in lower case; only one standing between two
   companies of a list ("nvda, on and amd") is said, where it was dropped without a word."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.names import CompanyIndex, load_aliases, parse_snapshot
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.graph.goal.words import english_words, words
from watchdesk.sources.models import CompanyRef

AS_OF = date(2026, 12, 3)
# The hand list the shipped word list replaces: every one is a word still
BEFORE = words(
    "ago air alit ally amp app arch ash ax axon ay bah bill boot bud bur calm car card cart cat cent coin "
    "coke cold coo coop cop cube dash deck doc docs door dorm dull eat ego elf expo fang fast fix fizz "
    "flex fold form fox fro frog fun gen gild glob golf grab halo has hi hog hood hubs hum ice ifs ions "
    "jazz keys lad lea lite lope lot low man mar mat met mod morn nice odd onto owl path pay peg pen pep "
    "pi pins play prim race ramp rare rely rig riot road rock sap shoo shop sim site sky slab snow so son "
    "spot spy stag step sum sun tap tho trip ups vale wen wing wire wit wolf yelp yeti yum zeta"
)


def _refreshed(*new: CompanyRef) -> CompanyIndex:
    """SEC's map as --refresh-tickers would fetch it, with `new` companies at its head (the best known)."""
    from importlib import resources

    data = (resources.files("watchdesk.graph.goal") / "sec_tickers.tsv.gz").read_bytes()
    return CompanyIndex.build([*new, *parse_snapshot(data)], aliases=load_aliases())


def test_the_word_list_keeps_every_word_of_the_hand_list() -> None:
    assert sorted(BEFORE - english_words()) == []
    # tickers typed in lower case that are no words to a reader of goals
    assert not {"nvda", "tsm", "mu", "ms", "gs", "amd", "intc", "avgo"} & english_words()


@pytest.mark.parametrize("word", ["love", "hope", "glad"])
def test_a_new_tickers_word_qualifying_the_next_stays_a_word(word: str) -> None:
    index = _refreshed(CompanyRef(ticker=word.upper(), cik=9_900_001, name=f"{word.title()} Holdings Inc"))
    result = parse_goal(f"watch nvda {word} margins", as_of=AS_OF, index=index)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"], result.decisions
    assert (f"'{word}': not understood, ignored (in lower case a word, not the ticker of {word.title()} Holdings Inc "
            f"({word.upper()}): write {word.upper()} or ${word.upper()} to watch it)") in result.not_understood


def test_a_new_ticker_that_is_no_word_is_read() -> None:
    index = _refreshed(CompanyRef(ticker="ZQXR", cik=9_900_002, name="Zqxr Semiconductor Inc"))
    result = parse_goal("watch nvda zqxr supply chain", as_of=AS_OF, index=index)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA", "ZQXR"], result.decisions


@pytest.mark.parametrize(("goal", "ticker"), [
    ("watch NVDA so I know", "SO"),
    ("watch nvda so i know when inventory builds", "SO"),
    ("watch NVDA and so", "SO"),
    ("watch NVDA and see if margins fall", "SEE"),
    ("monitor nvda now", "NOW"),
    ("watch NVDA, are margins ok", "ARE"),
    ("watch NVDA and all suppliers", "ALL"),
    ("watch NVDA on Mondays, it matters", "IT"),
    ("Hi, please watch NVDA filings", "HI"),
    ("watch NVDA: what has changed in its 10-Q", "HAS"),
])  # fmt: skip
def test_a_function_word_is_no_ticker_in_prose(goal: str, ticker: str) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"], result.decisions
    said = result.decisions + result.not_understood
    assert not any(f"({ticker})" in s or f"-> {ticker} " in s for s in said), said


@pytest.mark.parametrize(("goal", "word", "name"), [
    ("watch nvda, on and amd", "on", "ON SEMICONDUCTOR CORP (ON)"),
    ("watch NVDA, it, AMD", "it", "GARTNER INC (IT)"),
    ("watch nvda, all and amd", "all", "ALLSTATE CORP (ALL)"),
])  # fmt: skip
def test_one_between_companies_is_said(goal: str, word: str, name: str) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA", "AMD"], result.decisions
    assert any(n.startswith(f"'{word}': not understood, ignored (in lower case a word, not the ticker of {name}")
               for n in result.not_understood), result.not_understood


def test_an_abbreviation_or_a_letter_in_a_list_is_said() -> None:
    """ "track ge, gm and f for tariffs" watched GE alone and said nothing of gm (gross margin to the parser) or f."""
    result = parse_goal("track ge, gm and f for tariffs", as_of=AS_OF)
    # since goals6 'gm' in a list is General Motors (test_gm_where_a_company_stands_is_general_motors.py)
    assert [t.symbol for t in result.watchlist.tickers] == ["GE", "GM"], result.decisions
    assert result.not_understood[:1] == (
        "'f': not understood, ignored (in lower case a letter, not the ticker of FORD MOTOR CO (F): write F or $F to "
        "watch it)",)
    assert not any("(GM)" in n for n in parse_goal("watch NVDA and AMD gm trends", as_of=AS_OF).not_understood)
