"""Bug: a watchlist with symbol = "ASLM" and cik = 937966 (ASML's CIK, the ticker mistyped) was valid, even with
--replay: the plan read `ASLM (CIK 937966)` and briefings then listed "ASLM" (a user walkthrough). A symbol given
with a CIK is now checked against the tickers SEC lists for that CIK; a mismatch is an error that names the right
symbol."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.companies import match_companies
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import Ticker
from watchdesk.sources.models import CompanyRef

MISTYPED = '[[tickers]]\nsymbol = "ASLM"\ncik = 937966\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n'


def test_a_dry_run_refuses_a_symbol_its_cik_does_not_have(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(MISTYPED)
    result = CliRunner().invoke(cli, ["run", str(wl), "--dry-run", "--replay", str(demo_pack()),
                                      "--out", str(tmp_path / "out"), "--db", str(tmp_path / "db.duckdb")])
    assert result.exit_code == 2, result.output
    assert ("tickers: ticker 'ASLM' is not CIK 937966's: the snapshot of SEC's ticker map shipped with watchdesk "
            "(2024-05) lists that CIK (ASML HOLDING NV) as ASML, ASMLF; did you mean symbol = \"ASML\"? (or correct "
            "the cik)") in result.output, result.output
    assert "NVDA" not in result.output.split("problem", 1)[1], "NVDA with its own CIK is fine"


def test_without_the_map_the_shipped_snapshot_checks_it() -> None:
    """A ticker given with its CIK needs no request for SEC's map: the snapshot shipped with watchdesk is read."""
    companies, problems = match_companies((Ticker(symbol="ASLM", cik=937966),), {})
    assert not companies and [p.suggestions for p in problems] == [["ASML"]]
    assert "lists that CIK (ASML HOLDING NV) as ASML, ASMLF" in str(problems[0])
    fetched = {"ASML": CompanyRef(ticker="ASML", cik=937966, name="ASML HOLDING NV")}  # SEC's map, when fetched
    _, problems = match_companies((Ticker(symbol="ASLM", cik=937966),), fetched)
    assert "SEC's ticker map lists that CIK (ASML HOLDING NV) as ASML; did you mean" in str(problems[0])


def test_a_cik_of_several_tickers_or_none_known_passes() -> None:
    tickers = (Ticker(symbol="GOOG", cik=1652044), Ticker(symbol="GOOGL", cik=1652044),
               Ticker(symbol="ACME", cik=9999999999))  # a CIK the snapshot does not list: nothing to check it by
    companies, problems = match_companies(tickers, {})
    assert not problems and list(companies) == ["GOOG", "GOOGL", "ACME"]
