"""Bug (goals5): `watchdesk plan "watch TOELY and ATLKY"` (and "watch Tokyo Electron", "watch Atlas Copco") planned
10-K/20-F fetches for Tokyo Electron and Atlas Copco, as if filings would come: SEC's ticker map holds them only by
receipts that trade over the counter (TOELY and TOELF; ATLKY and ATLCY), and neither files a 10-K, 10-Q or 20-F. Only
entries whose SEC name ends "/ADR" were read so (goals4). Now a company every ticker of which is an OTC one (five
letters ending in Y, depositary receipts, or F, foreign shares), at least one a Y, is read as one that files no reports,
as Airbus is: the plan stops, saying so and how its calls or news can still be read. The rule is checked against SEC's
own exchange list (company_tickers_exchange.json) and the submissions of real filers in the shared fixtures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.names import shipped_index
from watchdesk.graph.goal.parse import parse_goal
from watchdesk.sources.errors import ConfigError

DAY = date(2026, 12, 7)


@pytest.mark.parametrize("command", [["plan"], ["run", "--dry-run"]])
def test_tokyo_electron_and_shin_etsu_stop_saying_they_file_no_reports(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [command[0], "watch TOELY and SHECY", *command[1:], "--as-of", DAY.isoformat()])
    assert result.exit_code == 2 and "Traceback" not in result.output
    said = " ".join(result.output.split())
    assert "'TOELY': TOELY (TOELY, Tokyo Electron LTD) files no reports with SEC" in said
    assert "'SHECY': SHECY (SHECY, Shin-Etsu Chemical Co., Ltd.) files no reports with SEC" in said
    assert "TOELY and SHECY file no 10-K, 10-Q or 20-F with SEC" in said
    assert "fetch_filings" not in said and "10-K" not in said.split("with SEC")[0]


@pytest.mark.parametrize("goal", ["watch Tokyo Electron", "watch ASML and Tokyo Electron for litho demand",
                                  "watch Shin-Etsu Chemical", "watch tokyo electron and asml", "watch $TOELY"])
def test_by_name_or_ticker_it_stops_too(goal: str) -> None:
    with pytest.raises(ConfigError, match="files no reports with SEC"):
        parse_goal(goal, as_of=DAY)


def test_named_as_context_it_is_read_with_the_goals_words() -> None:
    plan = parse_goal("watch NVDA for Tokyo Electron competition", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA"]
    assert [c.name for c in plan.watchlist.topics.custom] == ["tokyo_electron_competition"]


@pytest.mark.parametrize(("goal", "symbol"), [("watch Ryanair", "RYAAY"), ("watch RYAAY", "RYAAY"),
                                              ("watch TSMC", "TSM"), ("watch Novo Nordisk", "NVO")])
def test_receipts_listed_on_an_exchange_are_watched(goal: str, symbol: str) -> None:
    assert [t.symbol for t in parse_goal(goal, as_of=DAY).watchlist.tickers] == [symbol]


def test_the_rule_catches_only_receipts_sec_lists_over_the_counter(edgar_fixtures: Path) -> None:
    index = shipped_index()
    caught = {r.cik for r in index.by_ticker.values() if index.files_no_reports(r)}
    listed = json.loads((edgar_fixtures / "tickers" / "company_tickers_exchange.json").read_text())["data"]
    exchanges: dict[int, set[str]] = {}
    for cik, _name, _ticker, exchange in listed:
        exchanges.setdefault(cik, set()).add(exchange or "none")
    # SEC's 2025 list: each company caught trades over the counter, or is gone from it; none on Nasdaq, NYSE or CBOE
    on_exchange = {cik for cik in caught if exchanges.get(cik, set()) - {"OTC", "none"}}
    assert not on_exchange, [index.tickers_of[c] for c in on_exchange]
    assert len(caught) >= 140 and {1443276, 1442651} <= caught  # Tokyo Electron, Shin-Etsu Chemical
    # real filers whose submissions the fixtures hold (TSMC's 20-F among them) are never caught
    filers = {int(p.name[3:13]) for p in (edgar_fixtures / "submissions").glob("CIK00*.json")}
    assert len(filers) >= 8 and not filers & caught
