"""Bug: with to = ["pm@fund.exmaple"] and allowed_recipients = ["pm@fund.example"], the dry run advised
"... is not in policy.allowed_recipients [...]: add it (or its @domain) there", that is, to allow the typo (a user
walkthrough). When an allowed recipient is close, the problem now asks "did you mean ...?" first, and keeps the
allow-list advice for an address that really is new."""

from __future__ import annotations

from watchdesk.graph.validate import watchlist_problems
from watchdesk.graph.watchlist import Watchlist


def problems(to: str, allowed: list[str]) -> list[str]:
    wl = Watchlist.model_validate({"tickers": [{"symbol": "NVDA"}],
                                   "delivery": [{"kind": "email", "to": [to]}],
                                   "policy": {"allowed_recipients": allowed}})  # fmt: skip
    return watchlist_problems(wl, topic_names=["inventory", "geopolitical", "supply_chain"])


def test_a_typo_of_an_allowed_address_is_suggested() -> None:
    (said,) = problems("pm@fund.exmaple", ["pm@fund.example"])
    assert said == ("delivery[0].to: 'pm@fund.exmaple' is not in policy.allowed_recipients ['pm@fund.example']; "
                    "did you mean pm@fund.example? If not, add it (or its @domain) there")


def test_a_typo_of_an_allowed_domain_is_suggested() -> None:
    (said,) = problems("pm@fnud.example", ["@fund.example", "ops@desk.example"])
    assert "; did you mean pm@fund.example?" in said


def test_a_new_address_gets_the_allow_list_advice_alone() -> None:
    (said,) = problems("boss@elsewhere.org", ["pm@fund.example"])
    assert said.endswith("['pm@fund.example']: add it (or its @domain) there") and "did you mean" not in said
