"""Bug (goals4): a one-word name that is one company's whole SEC name and the start of a better-known company's was
read as the first, said as a plain decision: `watchdesk plan "watch Paramount"` watched PGRE (Paramount Group, Inc.,
not Paramount Global), "Citizens" CIA (Citizens, Inc., not Citizens Financial), "Vertex" VERX (not Vertex
Pharmaceuticals), "Aspen" ASPU (not Aspen Technology), "Crown" CCK (not Crown Castle), "Prudential" PUK (not
Prudential Financial); "Frontier" stopped offering only $ULCC (not Frontier Communications), "Morgan" offered MGHL
first. Now such a word (SEC's whole name of one company, while a well-known company whose name starts with it ranks
about as well or better: graph/goal/names.py RIVAL) stops the plan and lists the companies, with the $TICKER to write
for each; the alias table names the one people mean only where the others are its own funds ("Invesco": IVZ, not
INVESCO QQQ TRUST). Checked over the whole shipped ticker map, not only the words found by hand. And a well-known
company SEC does not list, whose name starts a listed company's ("Tencent": not Tencent Music), is said as not
listed."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.names import WELL_KNOWN, Match, shipped_index
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 3)


@pytest.mark.parametrize(("word", "candidates"), [
    ("Paramount", ["PARA", "PGRE"]),
    ("Citizens", ["CFG", "CIA", "CIZN"]),  # CITIZENS HOLDING CO /MS/: its whole name too, since "/MS/" is no part of it
    ("Vertex", ["VRTX", "VERX"]),
    ("Morgan", ["MS", "MSDL", "MGHL"]),  # MSDL: a Morgan Stanley fund, listed since 2024-05
    ("Aspen", ["AZPN", "ASPN", "ASPU"]),
    ("Crown", ["CCI", "CCK"]),
    ("Prudential", ["PRU", "PUK"]),
    ("Viking", ["VIK", "VKTX"]),
    ("Rogers", ["RCI", "ROG"]),
    ("Patterson", ["PTEN", "PDCO"]),
    ("Teekay", ["TNK", "TK"]),
    ("Atlas", ["AESI", "ATCOL"]),  # Atlas Copco's ATLKY: not in SEC's list of early 2025
    ("Frontier", ["FYBR", "ULCC"]),  # an ordinary word too
    ("Snap", ["SNAP", "SNA"]),
    ("Crane", ["CR", "CXT"]),
])  # fmt: skip
def test_the_word_stops_and_lists_each_company_with_its_ticker(word: str, candidates: list[str]) -> None:
    with pytest.raises(ConfigError) as stop:
        parse_goal(f"watch {word} for pricing weekly", as_of=DAY)
    said = str(stop.value)
    assert f"{word!r}" in said and "several companies" in said
    tags = [f"${t}" for t in candidates]
    assert "write " + (", ".join(tags[:-1]) + " or " + tags[-1]) + " to watch one" in said
    for ticker in candidates:  # each named with the company, so the user sees which is which
        assert f"{ticker} (" in said


def test_the_cli_says_vertex_could_be_either() -> None:
    result = CliRunner().invoke(cli, ["plan", "Watch Vertex and NVDA for pricing", "--as-of", DAY.isoformat()])
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert ("'Vertex' could be several companies: VRTX (VERTEX PHARMACEUTICALS INC / MA), VERX (Vertex, Inc.); write "
            "$VRTX or $VERX to watch one (or name it in full)") in said


@pytest.mark.parametrize(("goal", "watched"), [
    ("watch $VRTX for pricing", ["VRTX"]),
    ("watch Vertex Pharmaceuticals for pricing", ["VRTX"]),
    ("watch Paramount Global and Citizens Financial", ["PARA", "CFG"]),
    ("watch Invesco", ["IVZ"]),  # the alias table: QQQ and DBC are its funds
    ("watch Sprott", ["SII"]),
    # "watch Hess" (Hess Corp, Hess Midstream ranking far behind) is said since goals6 to be acquired by Chevron:
    # test_a_company_acquired_since_the_snapshot_is_said.py
    ("watch Fox", ["FOXA"]),
    ("watch Amgen", ["AMGN"]),
])  # fmt: skip
def test_a_name_in_full_a_ticker_or_a_clear_lead_is_read(goal: str, watched: list[str]) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == watched


def test_no_one_word_name_picks_a_company_a_better_known_one_shares_it_with() -> None:
    """Over every one-word SEC name in the shipped map: a name read as one company is never the whole name of that one
    while a well-known company whose name starts with it ranks better."""
    index = shipped_index()
    wrong = []
    for key in index.names:
        if " " in key or key in index.aliases:
            continue
        found = index.by_name(key)
        if not isinstance(found, Match):
            continue
        better = [r for r in index.prefixes.get(key, []) if index.rank[r.cik] < min(
            WELL_KNOWN, index.rank[found.ref.cik])]  # fmt: skip
        if better:
            wrong.append((key, found.ref.ticker, [r.ticker for r in better]))
    assert not wrong


@pytest.mark.parametrize("name", ["Tencent", "Siemens", "Volkswagen", "Bayer", "Roche", "Nintendo", "Nissan"])
def test_a_well_known_company_sec_does_not_list_is_said_so(name: str) -> None:
    with pytest.raises(ConfigError) as stop:
        parse_goal(f"watch {name} for tariffs", as_of=DAY)
    assert f"'{name}': {name} is not listed with SEC (no ticker to watch)" in str(stop.value)


@pytest.mark.parametrize(("goal", "offered"), [
    ("watch paramount for ad revenue", "close matches: PARA (Paramount Global), PGRE (Paramount Group, Inc.)"),
    ("watch vertex for cystic fibrosis sales", "close matches: VRTX (VERTEX PHARMACEUTICALS INC / MA), VERX (Vertex, "
                                               "Inc.)"),
])  # fmt: skip
def test_in_lower_case_the_stop_offers_each_company_first(goal: str, offered: str) -> None:
    """Before: 'paramount' offered PGRE alone, 'vertex' VBTX (Veritex Holdings) alone."""
    with pytest.raises(ConfigError) as stop:
        parse_goal(goal, as_of=DAY)
    assert offered in str(stop.value)
