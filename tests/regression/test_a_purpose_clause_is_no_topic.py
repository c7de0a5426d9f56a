"""Seen in session 31's last look: "watch T and VZ for tariffs weekly, so I know" made a custom topic so_i_know ("'so I
know' maps to no shipped topic, so that phrase is flagged as written"), a phrase no filing says. A topic clause now
ends where a purpose clause begins ("so I", "so that we"); what is left of it is said as not understood."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.graph.goal.parse import parse_goal


@pytest.mark.parametrize("goal", ["watch T and VZ for tariffs weekly, so I know",
                                  "watch NVDA for tariffs so that we can react"])  # fmt: skip
def test_a_purpose_clause_is_no_custom_topic(goal: str) -> None:
    result = parse_goal(goal, as_of=date(2026, 12, 3))
    assert not result.watchlist.topics.custom
    assert "geopolitical" in result.watchlist.topics.watch


def test_a_topic_named_so_is_still_read() -> None:
    result = parse_goal("watch NVDA for supply chain and so-called chip diversion", as_of=date(2026, 12, 3))
    assert [c.name for c in result.watchlist.topics.custom] == ["so_called_chip_diversion"]
