"""A ticker typed by a space after a company written in capitals or as its ticker is one of its list, as with a comma.
Before, `watchdesk plan "monitor NVDA ASML supply chain weekly"` watched NVDA alone and said "company 'ASML' read as
context in 'ASML supply chain', not as a company to watch: ASML (ASML HOLDING NV) is not watched; to watch it too,
list it with the companies ('NVDA and ASML')": the ticker qualifying the words after it made it context, though
"NVDA tsm supply chain" (a lower-case ticker beside one in capitals) watches TSM. A name ("NVIDIA Apple demand"), a
ticker after "for" ("Watch NVDA for AMD competition") or an English word in lower case ("NVDA low margins") is no
part of the list, as before."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "tickers"), [
    ("monitor NVDA ASML supply chain weekly", ["NVDA", "ASML"]),
    ("watch NVDA TSM supply chain", ["NVDA", "TSM"]),
    ("watch NVIDIA AMD margins", ["NVDA", "AMD"]),
    ("watch NVDA amd margins", ["NVDA", "AMD"]),
    ("monitor NVDA asml supply chain weekly", ["NVDA", "ASML"]),
    ("watch nvda amd margins", ["NVDA", "AMD"]),
    ("watch NVDA LOW margins", ["NVDA", "LOW"]),  # in capitals, a ticker
])  # fmt: skip
def test_a_ticker_by_a_space_is_one_of_the_list(goal: str, tickers: list[str]) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.decisions
    assert not any("read as context" in d for d in result.decisions), result.decisions


@pytest.mark.parametrize(("goal", "context"), [
    ("watch NVIDIA Apple demand", "company 'Apple' read as context in 'Apple demand'"),
    ("watch nvda apple demand", "company 'apple' read as context in 'apple demand'"),
    ("watch NVDA for AMD competition", "company 'AMD' read as context in 'AMD competition'"),
    ("Watch NVDA for TSM AMD demand", "company 'TSM' read as context in 'TSM AMD demand'"),
])  # fmt: skip
def test_a_name_or_a_ticker_after_for_stays_context(goal: str, context: str) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"], result.decisions
    assert any(d.startswith(context) for d in result.decisions), result.decisions
