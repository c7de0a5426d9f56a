"""Bug (goals6 walk): `watchdesk plan "GM compression at NVIDIA"` said "'compression': not understood, ignored" and
dropped 'GM' with no word (acronyms alone are no leftovers). An acronym no parser read right before an unread word
is now said with it: "'GM compression': not understood, ignored". "NVDA and GM compression" says it once, as gross
margin."""

from __future__ import annotations

from datetime import date

from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


def test_an_acronym_before_an_unread_word_is_said_with_it() -> None:
    assert parse_goal("GM compression at NVIDIA", as_of=DAY).not_understood == (
        "'GM compression': not understood, ignored",)


def test_said_once_where_gm_was_read_as_gross_margin() -> None:
    said = parse_goal("NVDA and GM compression", as_of=DAY).not_understood
    assert said == ("'GM' before 'compression': read as gross margin, not the ticker of General Motors Co (GM): write "
                    "$GM to watch it", "'compression': not understood, ignored"), said
