"""A goal a user would type: "monitor Apple for supply chain; also Foxconn" flagged a custom topic 'also Foxconn' (name
also_foxconn), a phrase no filing says. "also" before a topic is a filler, as "any" and "the" are."""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal


def test_also_is_no_part_of_a_custom_topic() -> None:
    result = parse_goal("monitor Apple for supply chain; also Foxconn", as_of=date(2026, 12, 3))
    assert [(c.name, c.phrases) for c in result.watchlist.topics.custom] == [("foxconn", ("Foxconn",))]
    assert "custom topic foxconn: 'Foxconn' maps to no shipped topic, so that phrase is flagged as written" in (
        result.decisions)
