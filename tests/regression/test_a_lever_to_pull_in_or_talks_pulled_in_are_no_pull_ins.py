"""Issue 10's known false flag: Carnival's "historically we've had only two levers to pull in the down cycle;
occupancy and rate" (Q2 2020 call) was an inventory warning, and Micron's customers that "pull in some of these
discussions about supply" (FQ3 2024) an inventory pull-in. The pattern 'pull(?:ed|ing|s)?[- ]?(?:ins?|...)' took any
"pull in" for customers buying ahead (rubric: pull-ins are inventory); a lever pulled and talks brought forward are
not. Orders pulled in, and pull-ins in the same calls, still are. Micron's sentence stays an inventory mention for
its own words ("carrying some extra inventory"), only no longer for the talks."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics

CARNIVAL = "transcripts/fool_raw_html/html/2020-07-10-carnival-corp-plc-ccl-q2-2020-earnings-call-transc.html"
MICRON = "transcripts/plaintext_2023_2025/MU_2024_Q3.txt"
CORE = ("inventory", "supply_chain", "geopolitical")


def _inventory_flags(root: Path, name: str, piece: str) -> list[str]:
    document = load_document((root / name).read_bytes(), origin=name)
    flags = flag_document(document, topics=load_topics(CORE))
    return [f.polarity for f in flags if f.topic == "inventory" and piece in " ".join(f.sentence.split())]


@pytest.mark.fixtures
def test_carnivals_levers_to_pull_in_the_down_cycle_are_no_inventory(shared_fixtures: Path) -> None:
    assert _inventory_flags(shared_fixtures, CARNIVAL, "two levers to pull in the down cycle") == []


@pytest.mark.fixtures
def test_micron_customers_pulling_in_talks_are_read_for_their_extra_inventory_alone(shared_fixtures: Path) -> None:
    text = (shared_fixtures / MICRON).read_text(encoding="utf-8")
    at = text.index("And that is causing customers to pull in some of these discussions about supply")
    clause = text[at : text.index(" and And,", at)]  # the talks alone, without the extra inventory that follows
    assert [f.topic for f in flag_text(clause, topics=load_topics(CORE)) if f.topic == "inventory"] == []
    assert _inventory_flags(shared_fixtures, MICRON, "carrying some extra inventory to guard") == ["negative"]


@pytest.mark.fixtures
def test_pull_ins_of_the_same_calls_are_still_pull_ins(shared_fixtures: Path) -> None:
    name = "transcripts/plaintext_2023_2025/MU_2025_Q3.txt"
    assert _inventory_flags(shared_fixtures, name, "Some customers may have some level of tariff-related pull-ins") \
        == ["negative"]


@pytest.mark.parametrize("sentence", [
    "Historically we have had only two levers to pull in a downturn: occupancy and rate.",
    "There are several levers we can pull in the second half.",
    "Customers want to pull in the negotiations about next year's supply.",
    "They pulled in their discussions with us by a quarter.",
])  # fmt: skip
def test_levers_and_talks_pulled_in_are_no_inventory(sentence: str) -> None:
    assert [f for f in flag_text(sentence, topics=load_topics(["inventory"]))] == []


@pytest.mark.parametrize("sentence", [
    "Customers pulled in orders ahead of the price increase.",
    "We saw some pull-ins ahead of the tariffs.",
    "Some customers pulled in demand from the fourth quarter.",
])  # fmt: skip
def test_orders_pulled_in_are_still_inventory(sentence: str) -> None:
    assert [f.topic for f in flag_text(sentence, topics=load_topics(["inventory"]))] == ["inventory"]
