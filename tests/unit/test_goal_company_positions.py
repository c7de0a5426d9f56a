"""`watchdesk plan`: a company the goal names as context of what is watched for is not watched.

A review: "watch NVDA for Apple demand" watched AAPL, "Watch NVIDIA for AMD competition" watched AMD, "Track Walmart
for Target competition" watched TGT, each said as a plain "company 'Apple' -> AAPL". A company qualifying the words
after it ("Apple demand"), or after a word of context ("comments about Apple", "orders from Apple"), is context when
another company stands where a company to watch does; the decisions say how each was read and how to watch it too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_goal_llm import fill, proposal
from watchdesk.graph.goal.parse import GoalPlan, parse_goal

AS_OF = date(2026, 12, 3)


def plan(goal: str) -> GoalPlan:
    return parse_goal(goal, as_of=AS_OF)


# (goal, watched tickers, tickers read as context)
POSITIONS = [
    # the review's sentences
    ("watch NVDA for Apple demand", "NVDA", "AAPL"),
    ("Watch NVIDIA for AMD competition", "NVDA", "AMD"),
    ("Track Walmart for Target competition", "WMT", "TGT"),
    # a company qualifying the words after it, after the companies to watch
    ("Watch NVIDIA for Microsoft capex", "NVDA", "MSFT"),
    ("Monitor ASML for TSMC capex and Intel orders", "ASML", "TSM INTC"),
    ("Monitor TSMC for Apple orders and Nvidia demand", "TSM", "AAPL NVDA"),
    ("Track AMD for Intel share losses", "AMD", "INTC"),
    ("Monitor Ford for Tesla price cuts, weekly", "F", "TSLA"),
    ("Track TSMC: Apple orders, Nvidia demand", "TSM", "AAPL NVDA"),
    ("Monitor Broadcom for Apple and Google custom chip orders", "AVGO", "AAPL GOOGL"),
    ("Watch NVIDIA and AMD for Microsoft and Meta AI capex every Friday", "NVDA AMD", "MSFT META"),
    ("Monitor NVIDIA filings and flag AMD and Intel pricing", "NVDA", "AMD INTC"),
    ("Watch NVIDIA for AMD's competition", "NVDA", "AMD"),
    ("Follow Micron 10-Qs for Nvidia HBM orders", "MU", "NVDA"),
    # a company alone right after "for" and the companies to watch (a review: "Watch NVIDIA for Apple" watched both)
    ("Watch NVIDIA for Apple", "NVDA", "AAPL"),
    ("Monitor NVIDIA for Apple.", "NVDA", "AAPL"),
    ("Track TSMC for Apple weekly", "TSM", "AAPL"),
    ("watch NVDA for AMD", "NVDA", "AMD"),
    ("Watch NVIDIA for Apple and AMD, every Friday", "NVDA", "AAPL AMD"),
    ("Watch NVIDIA and Broadcom for Apple", "NVDA AVGO", "AAPL"),
    ("Watch NVIDIA filings for Apple", "NVDA", "AAPL"),
    ("Watch NVIDIA's earnings calls for Microsoft until March", "NVDA", "MSFT"),
    ("Watch NVIDIA for Target", "NVDA", "TGT"),
    # a company after a word of context
    ("Track TSMC for mentions of Apple", "TSM", "AAPL"),
    ("watch NVDA for news about AMD", "NVDA", "AMD"),
    ("Watch NVIDIA for comments about Apple", "NVDA", "AAPL"),
    ("Watch NVIDIA for mentions of Apple and Microsoft", "NVDA", "AAPL MSFT"),
    ("Watch Costco for pricing pressure from Walmart and Target", "COST", "WMT TGT"),
    ("Watch Broadcom for exposure to Apple", "AVGO", "AAPL"),
    ("Watch NVIDIA for pricing vs AMD", "NVDA", "AMD"),
    ("Watch NVIDIA for hyperscalers like Microsoft and Google", "NVDA", "MSFT GOOGL"),
    # where a company to watch stands: after a watch verb, in a list with one, before a source, a $TICKER, alone
    ("Watch NVIDIA and AMD for Apple demand", "NVDA AMD", "AAPL"),
    ("Keep tabs on Microsoft and Google cloud pricing", "MSFT GOOGL", ""),
    ("Watch Apple demand and TSMC orders", "AAPL", "TSM"),
    ("Watch NVIDIA vs AMD pricing", "NVDA AMD", ""),
    ("Watch NVIDIA as well as AMD filings", "NVDA AMD", ""),
    ("Watch NVIDIA and also Apple supply chain", "NVDA AAPL", ""),
    ("Watch NVIDIA and summarize the sentiment of Micron earnings calls", "NVDA MU", ""),
    ("Monitor the 10-Q filings of AMD and Intel for Apple orders", "AMD INTC", "AAPL"),
    ("Watch NVDA for $AAPL demand", "NVDA AAPL", ""),
    ("Watch Apple for Apple demand", "AAPL", ""),
    ("Watch Apple for Apple", "AAPL", ""),
    ("Watch NVIDIA for $AAPL", "NVDA AAPL", ""),
    ("Watch NVIDIA for AMD filings", "NVDA AMD", ""),
    ("Flag inventory for NVIDIA and AMD", "NVDA AMD", ""),
    ("Monitor Apple demand at TSMC", "AAPL TSM", ""),
    ("Flag tariffs for Walmart, Target and Costco in their 10-Qs", "WMT TGT COST", ""),
    # a ticker in lower case right after a watch verb stands as in upper case (a review: nvda was not understood and
    # Apple watched); a common word, an ordinary word that is also a name, or one qualifying words is no ticker
    ("watch nvda for Apple demand", "NVDA", "AAPL"),
    ("watch nvda and tsm for Apple orders", "NVDA TSM", "AAPL"),
    ("keep an eye on nvda for comments about Apple", "NVDA", "AAPL"),
    ("Track amat filings for Apple and Samsung demand", "AMAT", "AAPL"),
    ("watch nvda's earnings calls for Microsoft capex", "NVDA", "MSFT"),
    ("monitor nvda for Apple", "NVDA", "AAPL"),
    ("watch it and Apple for demand", "AAPL", ""),
    ("Watch all of Apple's filings for demand", "AAPL", ""),
    ("watch gold for Apple demand", "AAPL", ""),
    ("watch cash flow at Tesla", "TSLA", ""),
    ("watch cash, debt and margins at Tesla", "TSLA", ""),
    # every company qualifies a word: they are the goal's companies
    ("Flag Target and Walmart margins weekly", "TGT WMT", ""),
    ("Compare NVIDIA and AMD margins weekly", "NVDA AMD", ""),
    # a comparison names both (a review: 'with AMD' was read as context)
    ("Compare NVIDIA with AMD on inventory", "NVDA AMD", ""),
    ("Watch NVIDIA compared with AMD for inventory", "NVDA AMD", ""),
    ("Track Micron compared to SK Hynix and Samsung pricing", "MU", ""),
    ("Apple iPhone demand and Microsoft cloud growth, weekly", "AAPL MSFT", ""),
]


@pytest.mark.parametrize(("goal", "watched", "context"), POSITIONS)
def test_a_company_named_as_context_is_not_watched(goal: str, watched: str, context: str) -> None:
    result = plan(goal)
    assert " ".join(t.symbol for t in result.watchlist.tickers) == watched, result.decisions
    assert " ".join(result.context) == context
    # "Target competition": an ordinary word's company is said as the word or context (test_goal_ordinary_words)
    said = [d for d in result.decisions if " read as context in " in d or "' not watched: in '" in d]
    assert len(said) == len(result.context)


def test_the_decisions_say_how_each_company_was_read_and_how_to_watch_a_context_one_too() -> None:
    result = plan("watch NVDA for Apple demand")
    assert result.decisions[1:3] == (
        "company 'NVDA' -> NVDA (NVIDIA CORP, CIK 1045810) by ticker",
        "company 'Apple' read as context in 'Apple demand', not as a company to watch: AAPL (Apple Inc.) is not "
        "watched; to watch it too, list it with the companies ('NVDA and Apple')",
    )
    assert result.watchlist.topics.watch == ("demand",) and not result.not_understood
    # the suggestion works
    assert [t.symbol for t in plan("watch NVDA and Apple for demand").watchlist.tickers] == ["NVDA", "AAPL"]


def test_a_context_phrase_no_topic_maps_is_flagged_as_written() -> None:
    """As "for Huawei competition" was: the custom topic flags the goal's phrase in the watched company's documents."""
    result = plan("Watch NVIDIA for AMD competition")
    assert [(c.name, c.phrases) for c in result.watchlist.topics.custom] == [("amd_competition", ("AMD competition",))]
    assert "company 'AMD' read as context in 'AMD competition'" in result.decisions[2]


def test_a_context_company_is_not_reported_as_a_word_not_understood() -> None:
    for goal in ("Watch NVIDIA for pricing vs AMD", "Watch NVIDIA for comments about Apple",
                 "Watch Costco for pricing pressure from Walmart and Target"):
        assert plan(goal).not_understood == (), goal


def test_a_model_may_not_add_back_a_company_read_as_context() -> None:
    """With WATCHDESK_MODEL, merge.py let a model add any ticker the goal writes: it would watch Apple again."""
    base = plan("watch NVDA for Apple demand and pricing decks")  # 'decks' is not understood: the model is asked
    assert base.not_understood and base.context == ("AAPL",)
    tickers: list[Any] = [*base.watchlist.model_dump(mode="json", exclude_none=True)["tickers"], {"symbol": "AAPL"}]
    filled = fill(base, proposal(base, tickers=tickers))
    assert [t.symbol for t in filled.watchlist.tickers] == ["NVDA"] and "AAPL" not in filled.companies
    assert any(d.startswith("model: ticker AAPL refused: the goal names it as context") for d in filled.decisions)


def test_a_company_left_out_is_said_once_in_the_goal_order() -> None:
    """It was said twice: 'company 'Intel' -> INTC (INTEL CORP...) by alias', then 'left out'."""
    decisions = [d for d in plan("Monitor NVIDIA, AMD and Intel excluding Intel").decisions if d.startswith("company")]
    assert [d.split(" ->")[0] for d in decisions] == ["company 'NVIDIA'", "company 'AMD'", "company 'Intel'"]
    assert decisions[2] == "company 'Intel' -> INTC left out (from 'excluding Intel')"


WATCHED = ["NVIDIA", "AMD", "TSMC", "ASML", "Micron", "Broadcom", "Costco", "Ford", "Qualcomm", "Intel"]
CONTEXT = ["Apple", "Microsoft", "Google", "Amazon", "Tesla", "Meta", "Samsung"]
WORDS = ["demand", "orders", "capex", "competition", "pricing", "price cuts", "share losses", "supply", "guidance",
         "inventory", "AI spending", "custom chip plans"]
VERBS = ["Watch", "Monitor", "Track", "Keep an eye on", "Follow", "watch", "Please track"]
TAILS = ["", " weekly", ", every Monday", " for the next quarter", ". Email me at pm@fund.com"]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(VERBS), st.lists(st.sampled_from(WATCHED), min_size=1, max_size=3, unique=True),
       st.sampled_from(CONTEXT), st.sampled_from(WORDS), st.sampled_from(TAILS))
def test_watch_a_for_b_words_watches_a_only(verb: str, watched: list[str], context: str, words: str, tail: str) -> None:
    listed = ", ".join(watched[:-1]) + (" and " if len(watched) > 1 else "") + watched[-1]
    result = plan(f"{verb} {listed} for {context} {words}{tail}")
    named = [plan(f"Watch {name}").watchlist.tickers[0].symbol for name in watched]
    assert [t.symbol for t in result.watchlist.tickers] == named
    if context == "Samsung":  # not listed with SEC: read with the goal's words, as before
        assert any(d.startswith("company 'Samsung' is not listed with SEC") for d in result.decisions)
    else:
        said = "\n".join(result.decisions)  # "Meta demand": an ordinary word, said as the word or context
        assert len(result.context) == 1 and (f"company '{context}' read as context in '{context} " in said or
                                             f"company '{context}' not watched: in '{context} " in said)
    # listed with the companies, it is watched
    both = plan(f"{verb} {listed} and {context} for {words}{tail}") if context != "Samsung" else None
    if both is not None:
        assert len(both.watchlist.tickers) == len(named) + 1 and both.context == ()
