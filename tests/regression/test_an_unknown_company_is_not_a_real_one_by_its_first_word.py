"""Bug (goals6's review): `watchdesk plan "Watch Acme Inc for supply chain risks"` watched Acme United (ACU, "company
'Acme Inc' -> ACU (ACME UNITED CORP, CIK 2098) by start of SEC name"), and "Watch Puma SE" watched Puma Biotechnology
(PBYI): a name written with its legal form is the whole of a company's name, and the little-known company whose name
only starts with its first word is another company. "Watch Acme" alone already stopped with its close matches. Now a
name with its legal form is a company only as a whole SEC name, an alias or a well-known company's start ("Micron
Inc"); else the plan stops and offers the company it starts, as a close match to check."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize(("goal", "said"), [
    ("Watch Acme Inc for supply chain risks", "'Acme Inc' is not a company in SEC's ticker map; close matches: ACU"),
    ("Watch Acme Corp", "'Acme Corp' is not a company in SEC's ticker map; close matches: ACU"),
    ("Watch NVDA and Acme Holdings Inc", "'Acme"),
])  # fmt: skip
def test_a_made_up_company_stops_the_plan_with_what_it_resembles(goal: str, said: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_goal(goal, as_of=DAY)
    assert f"  - {said}" in str(raised.value)


@pytest.mark.parametrize(("goal", "ticker"), [
    ("Watch Acme United Corp", "ACU"),  # its whole SEC name
    ("Watch Micron Inc", "MU"),  # an alias
    ("Watch Nvidia Corp", "NVDA"),  # a whole SEC name
    ("Watch Advanced Micro Inc", "AMD"),  # the start of a well-known company's name
    ("Watch Goldman Sachs Inc", "GS"),  # SEC: GOLDMAN SACHS GROUP INC
])  # fmt: skip
def test_a_real_company_with_its_legal_form_is_still_watched(goal: str, ticker: str) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == [ticker]
