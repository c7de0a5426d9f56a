"""Bug (goals a user would type): a one-letter ticker was read as the start of a company's name and watched the wrong
company, said as a plain decision: "watch T and VZ" watched T-Mobile (TMUS, "'T' -> TMUS ... by start of SEC name"),
"Watch V and MA" V.F. Corp (VFC), "monitor C, JPM and BAC" C.H. Robinson (CHRW); "watch F and GM" stopped with "'F
and' could be several companies: FG (F&G Annuities ...), FMBM (F&M BANK CORP)". And a ticker written in capitals that
is also a common word or an acronym was dropped without a word where it stood in a list: "watch NVDA, ON and AMD"
watched no ON Semiconductor, "watch Ford and GM" Ford alone (GM read as gross margin), nothing said. Such a ticker
(graph/goal/capitals.py) is now read where a company stands: listed with one, or a letter after a watch verb,
qualifying no word after it; an acronym there is said with how to watch the company ($GM), not guessed; elsewhere
it stays the word ("NVDA and IT spending", "GM compression", "Plan B", "vitamin D")."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "tickers", "said"), [
    ("watch T and VZ for pricing", ["T", "VZ"], "company 'T' -> T (AT&T INC., CIK 732717) by ticker"),
    ("Watch V and MA for consumer spending", ["V", "MA"], "company 'V' -> V (VISA INC., CIK 1403161) by ticker"),
    ("monitor C, JPM and BAC weekly", ["C", "JPM", "BAC"], "company 'C' -> C (CITIGROUP INC, CIK 831001)"),
    ("watch F and GM for EV pricing", ["F", "GM"], "company 'F' -> F (FORD MOTOR CO, CIK 37996) by ticker"),
    ("track TSLA and F for tariffs, email me at pm@fund.com", ["TSLA", "F"], "company 'F' -> F (FORD MOTOR CO"),
    # an acronym is how analysts write something else too ("AI"): said, not guessed; but "GM" where a company stands
    # is General Motors (since goals6: test_gm_where_a_company_stands_is_general_motors.py)
    ("watch Ford and GM for EV pricing", ["F", "GM"], "company 'GM' -> GM (General Motors Co, CIK 1467858) by ticker"),
    ("watch MSFT, GOOGL and AI", ["MSFT", "GOOGL"], "'AI': an abbreviation, not the ticker of C3.ai, Inc. (AI)"),
    ("watch NVDA, ON and AMD", ["NVDA", "ON", "AMD"], "company 'ON' -> ON (ON SEMICONDUCTOR CORP, CIK 1097864)"),
    ("watch F for tariffs", ["F"], "company 'F' -> F (FORD MOTOR CO"),
])  # fmt: skip
def test_a_letter_or_word_in_capitals_is_a_ticker_where_a_company_stands(goal: str, tickers: list[str],
                                                                          said: str) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.decisions
    assert any(d.startswith(said) for d in result.decisions + result.not_understood), result.decisions


@pytest.mark.parametrize(("goal", "tickers"), [
    ("watch NVDA and IT spending", ["NVDA"]),
    ("watch NVDA GM compression", ["NVDA"]),
    ("watch NVDA and AMD GM", ["NVDA", "AMD"]),
    ("Flag Plan B and vitamin D mentions for NVDA", ["NVDA"]),
    ("Watch C suite changes at NVDA", ["NVDA"]),
    ("watch NVDA, I want inventory news", ["NVDA"]),
])  # fmt: skip
def test_elsewhere_it_stays_the_word(goal: str, tickers: list[str]) -> None:
    result = parse_goal(goal, as_of=AS_OF)
    assert [t.symbol for t in result.watchlist.tickers] == tickers, result.decisions
    assert not any(" by start of SEC name" in d or "BGS" in d for d in result.decisions), result.decisions
