"""From a walk of 20 analyst-style goals through `watchdesk plan` (goals3); each read wrong before.
- "watch costco + walmart + target for tarrifs and shrink" watched Costco and Walmart and dropped 'target' unsaid:
  "+" joined no list, so the lower-case word that is Target's alias stood in none. "+" now joins a list as "&" does.
- "watch Ford EV losses weekly" dropped 'EV losses' unsaid (an abbreviation and a common word: the leftovers report
  neither); "for EV losses" makes a custom topic. The words right after a watched company that no parser read, one
  of them an abbreviation, are now said, with how to flag them.
- "Monitor Delta, United and American Airlines for jet fuel costs" watched DLOG (Delta Corp Holdings, whose whole SEC
  name "Delta" is) for Delta Air Lines and dropped 'United' unsaid; "watch the delta in margins at NVDA" watched DLOG
  too. "Delta" is now an alias of DAL (in lower case the word, as "meta" is), and a word that starts too many names
  ("United") alone in a list of companies is said.
- "pls track META, snap & pinterest ad pricing thru Q1" stopped: "'pinterest ad' is not a company in SEC's ticker
  map; close matches: PINS": a lower-case name ran on into the next word. It ends where the two name no company."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("goal", "watched"), [
    ("watch costco + walmart + target for tarrifs and shrink", ["COST", "WMT", "TGT"]),
    ("Watch Costco + Walmart + Target", ["COST", "WMT", "TGT"]),
    ("watch nvda + amd + tsm", ["NVDA", "AMD", "TSM"]),
])  # fmt: skip
def test_a_list_joined_by_plus(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == watched


def test_ev_losses_after_a_company_are_said() -> None:
    # said until goals5; now the words Ford qualifies, ending in a measure ("losses"), are its custom topic
    plan = parse_goal("watch Ford EV losses weekly", as_of=DAY)
    assert not plan.not_understood and [c.name for c in plan.watchlist.topics.custom] == ["ev_losses"]
    assert [c.name for c in parse_goal("watch Ford for EV losses", as_of=DAY).watchlist.topics.custom] == ["ev_losses"]
    assert not parse_goal("watch AMD GPU share", as_of=DAY).not_understood  # GPU is read: ai_demand


def test_delta_is_the_airline_and_united_is_said() -> None:
    plan = parse_goal("Monitor Delta, United and American Airlines for jet fuel costs", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["DAL", "AAL"]
    assert ("'United': not understood, ignored (a company? 'United' alone starts too many companies' names: UPS "
            "(UNITED PARCEL SERVICE INC), URI (UNITED RENTALS, INC.), UMC (UNITED MICROELECTRONICS CORP), UAL "
            "(United Airlines Holdings, Inc.), UTHR (UNITED THERAPEUTICS Corp); write $UPS, $URI, $UMC, $UAL or $UTHR "
            "to watch one, or name it in full)") in plan.not_understood
    assert [t.symbol for t in parse_goal("watch the delta in margins at NVDA", as_of=DAY).watchlist.tickers] == ["NVDA"]


def test_a_lower_case_name_ends_before_a_word() -> None:
    plan = parse_goal("pls track META, snap & pinterest ad pricing thru Q1", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["META", "PINS"]
    assert [t.symbol for t in parse_goal("watch rivian automotive and NVDA", as_of=DAY).watchlist.tickers] == [
        "RIVN", "NVDA"]

