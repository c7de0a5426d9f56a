# ruff: noqa: E501  (goals are written as analysts write them: one sentence a line)
"""`watchdesk plan` on goals that are not plain ASCII: accented names, curly quotes and apostrophes, typographic
hyphens and dashes, pasted spaces and marks, full-width letters, other scripts.

Reviews found "Nestlé" read as 'Nestl', "Hermès" as 'Herm', "Société Générale" as three companies ('Soci', 'G',
'rale'), "Ørsted" as 'rsted', "Zürich" as 'rich', "inventöry" as the custom topic 'invent ry', "exposé risks" as
'expos risks', "台积电" dropped without a word, "ＮＶＩＤＩＡ" and "NVI\u200bDIA" no company, and "from 2025-01-01 –
2025-06-30" no end to the window of filings.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.test_goal_table import GOALS
from watchdesk.graph.goal.parse import GoalPlan, parse_goal
from watchdesk.graph.goal.text import fold, normalize
from watchdesk.sources.errors import ConfigError

AS_OF = date(2026, 12, 3)


def plan(goal: str) -> GoalPlan:
    return parse_goal(goal, as_of=AS_OF)


def tickers(goal: str) -> list[str]:
    return [t.symbol for t in plan(goal).watchlist.tickers]


# (goal, tickers, sources with forms, watched and +custom topics)
READ = [
    ("Watch NVIDIA’s and AMD’s earnings calls for inventory", "NVDA AMD", "transcripts", "inventory"),
    ("Watch NVIDIA‘s filings for tariffs", "NVDA", "edgar", "geopolitical"),  # the wrong curly quote, as typed
    ("Track Lowe’s 10‑Q filings for tariffs", "LOW", "edgar 10-Q", "geopolitical"),  # U+2011 non-breaking hyphen
    ("Track Apple’s 10‑K and 10–Q filings weekly", "AAPL", "edgar 10-K 10-Q", "geopolitical inventory supply_chain"),
    ("Monitor Coca‑Cola and PepsiCo for pricing", "KO PEP", "edgar", "pricing_margins"),
    ("Watch ＮＶＩＤＩＡ and ＄ＡＭＤ filings for tariffs", "NVDA AMD", "edgar", "geopolitical"),  # full-width
    ("Watch NVIDIA® and AMD™ filings for tariffs", "NVDA AMD", "edgar", "geopolitical"),
    ("Watch “NVIDIA” and «AMD» for supply chain risks", "NVDA AMD", "edgar", "supply_chain"),
    ("Monitor NVIDIA\u00a0and AMD for supply\u00a0chain risks", "NVDA AMD", "edgar", "supply_chain"),  # no-break spaces
    ("Monitor NVI\u200bDIA and A\u00adMD for supply\u202fchain risks", "NVDA AMD", "edgar", "supply_chain"),
    ("Watch NVIDIA for ‘Blackwell delays’ and export controls…", "NVDA", "edgar", "geopolitical +blackwell_delays"),
    ("Watch NVIDIA, TSMC & ASML for inventory — weekly, please", "NVDA TSM ASML", "edgar", "inventory"),
    ("Monitor NVIDIA—AMD—Intel for tariffs", "NVDA AMD INTC", "edgar", "geopolitical"),  # an em dash is no hyphen
    ("Monitor NVIDIA for inventöry", "NVDA", "edgar", "inventory"),  # a typo with an umlaut is still a typo
]


@pytest.mark.parametrize(("goal", "symbols", "sources", "topics"), READ)
def test_typographic_and_accented_goals_read_as_their_ascii_forms(goal: str, symbols: str, sources: str,
                                                                  topics: str) -> None:
    wl = plan(goal).watchlist
    assert " ".join(t.symbol for t in wl.tickers) == symbols
    forms = "" if wl.filings.forms == ("10-K", "10-Q", "8-K", "20-F", "6-K") else " " + " ".join(wl.filings.forms)
    assert " ".join(wl.tickers[0].sources) + forms == sources
    assert " ".join(sorted(wl.topics.watch) + [f"+{c.name}" for c in wl.topics.custom]) == topics


def test_a_quoted_phrase_is_flagged_without_its_quotes() -> None:
    """'‘Blackwell delays’' (and "'Blackwell delays'") flagged the phrase "Blackwell delays’", quote and all."""
    for goal in ("Watch NVIDIA for ‘Blackwell delays’", "Watch NVIDIA for 'Blackwell delays'"):
        assert [c.phrases for c in plan(goal).watchlist.topics.custom] == [("Blackwell delays",)]


def test_an_accented_custom_topic_flags_the_phrase_as_written_under_a_plain_name() -> None:
    """'exposé risks' was the custom topic 'expos risks' (the word cut at 'é')."""
    for goal, name, phrase in [("Watch NVIDIA for Blackwell rollout in Zürich", "blackwell_rollout_in_zurich",
                                "Blackwell rollout in Zürich"), ("Watch NVIDIA for exposé risks", "expose_risks",
                                                                 "exposé risks")]:
        assert [(c.name, c.phrases) for c in plan(goal).watchlist.topics.custom] == [(name, (phrase,))]


@pytest.mark.parametrize(
    ("goal", "said"),
    [
        ("Watch Nestlé filings for pricing", "'Nestlé': Nestlé is not listed with SEC (no ticker to watch)"),
        ("Watch Nestle filings for pricing", "'Nestle': Nestle is not listed with SEC (no ticker to watch)"),
        ("Watch Hermès and LVMH for demand", "'Hermès': Hermès is not listed with SEC (no ticker to watch)"),
        ("Watch L’Oréal filings", "\"L'Oréal\": L'Oréal is not listed with SEC (no ticker to watch)"),
        # not SGS, whose SEC name starts "SGS Societe Generale", and not three words read as companies
        ("Watch Société Générale filings", "'Société Générale': Société Générale is not listed with SEC"),
        ("Monitor Ørsted and NVIDIA", "'Ørsted' is not a company in SEC's ticker map"),  # was 'rsted'
    ],
)
def test_an_accented_company_is_named_whole_in_what_stops_the_plan(goal: str, said: str) -> None:
    with pytest.raises(ConfigError) as stopped:
        plan(goal)
    assert said in str(stopped.value)
    assert "close matches: NEWTL" not in str(stopped.value)  # a company the alias table knows: no guesses


def test_an_accented_company_where_no_company_stands_is_read_with_the_goal_words() -> None:
    result = plan("Watch NVIDIA for Hermès demand")
    assert [t.symbol for t in result.watchlist.tickers] == ["NVDA"] and result.watchlist.topics.watch == ("demand",)
    assert "company 'Hermès' is not listed with SEC (no ticker to watch): not watched, read with the goal's words" \
        in result.decisions


def test_words_of_other_scripts_are_said_not_dropped() -> None:
    assert "'台积电': not understood, ignored" in plan("Watch TSMC (台积电) for tariffs").not_understood
    assert "'Zürich': not understood, ignored" in plan("Watch NVIDIA for inventory in Zürich").not_understood


def test_an_address_with_letters_outside_ascii_is_said_as_such() -> None:
    result = plan("Monitor NVIDIA; email josé@fund.com")
    assert result.watchlist.policy.allowed_recipients == ()
    assert any(n.startswith("'josé@fund.com': an address with letters outside ASCII is not supported")
               for n in result.not_understood)


@pytest.mark.parametrize("dash", ["-", "–", "—", " – ", " - "])
def test_a_dash_between_two_dates_is_a_window_of_filings(dash: str) -> None:
    """'filings from 2025-01-01 – 2025-06-30' read only 'since 2025-01-01' and dropped the end in silence ('for
    inventory from 2025-01-01 – 2025-06-30' made it a custom topic '2025-06-30')."""
    wl = plan(f"Watch NVIDIA filings from 2025-01-01{dash}2025-06-30").watchlist
    assert (wl.filings.since, wl.filings.until) == (date(2025, 1, 1), date(2025, 6, 30)) and not wl.topics.custom
    months = plan(f"Watch NVIDIA filings from January 2025{dash}June 2025").watchlist
    assert (months.filings.since, months.filings.until) == (date(2025, 1, 1), date(2025, 6, 30))


def test_a_dash_between_months_without_a_year_is_said() -> None:
    """'January–June 2025' was dropped without a word (the en dash split it into two common words); read as
    'January-June' it is said, as the ASCII goal is."""
    assert "'January-June': not understood, ignored" in plan("Monitor NVIDIA filings from January–June 2025").not_understood


def test_normalize_and_fold() -> None:
    assert normalize("NVIDIA’s 10‑Q — “AI”\u00a0demand™\u200b") == "NVIDIA's 10-Q — \"AI\" demand"
    assert normalize("10–Q and Q1–Q2, not 2025 – 2026 nor NVIDIA—AMD") == "10-Q and Q1-Q2, not 2025 – 2026 nor NVIDIA—AMD"
    assert [fold(w) for w in ("Nestlé", "Hermès", "Straße", "Ørsted", "ＮＶＩＤＩＡ")] == [
        "nestle", "hermes", "strasse", "orsted", "nvidia"]


# What a person's keyboard, phone or word processor makes of an ASCII goal: each character may come out as one
# that stands for it, and invisible characters may fall inside words.
_STANDS_FOR = {
    "'": ["'", "’", "ʼ"],
    " ": [" ", "\u00a0", "\u2009", "\u202f"],
    '"': ['"', "“", "”"],
}


def _typed(goal: str) -> st.SearchStrategy[str]:
    def char(i: int, ch: str) -> st.SearchStrategy[str]:
        if ch in _STANDS_FOR:
            return st.sampled_from(_STANDS_FOR[ch])
        if ch == "-" and 0 < i < len(goal) - 1 and goal[i - 1].isalnum() and goal[i + 1].isalnum():
            return st.sampled_from(["-", "\u2011", "\u2010", "–"])
        if ch.isascii() and ch.isalnum():  # a full-width form, or a soft hyphen / zero-width space after it
            return st.sampled_from([ch, chr(ord(ch) + 0xFEE0), ch + "\u00ad", ch + "\u200b"])
        return st.just(ch)

    return st.tuples(*(char(i, ch) for i, ch in enumerate(goal))).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([row[0] for row in GOALS]).flatmap(lambda goal: st.tuples(st.just(goal), _typed(goal))))
def test_a_goal_typed_with_typographic_characters_plans_as_its_ascii_form(pair: tuple[str, str]) -> None:
    ascii_goal, typed = pair
    want, got = plan(ascii_goal), plan(typed)
    assert got.watchlist == want.watchlist, typed
    assert (got.decisions, got.not_understood) == (want.decisions, want.not_understood), typed


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60), st.sampled_from(["Watch NVIDIA for tariffs", "Monitor Nestlé and AMD", ""]),
       st.text(max_size=60))
def test_any_text_around_a_goal_plans_or_is_refused_in_words(before: str, goal: str, after: str) -> None:
    """Never a traceback: a plan, or a ConfigError naming what stopped it."""
    try:
        plan(f"{before} {goal} {after}")
    except ConfigError as exc:
        assert str(exc)
