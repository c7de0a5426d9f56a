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
            "(early 2025) lists that CIK (ASML HOLDING NV) as ASML, ASMLF; did you mean symbol = \"ASML\"? (or correct "
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


def test_a_ticker_changed_since_the_snapshot_passes() -> None:
    """A review (session 27): Block, Inc. (CIK 1512673) trades as XYZ since 2025, but the snapshot (2024-05 then; its
    early-2025 successor too) lists it as SQ, so `symbol = "XYZ"` with its CIK was refused (exit 2) and told to use the
    old ticker. Without SEC's map fetched, only a slip of the CIK's tickers or another company's ticker is refused."""
    companies, problems = match_companies((Ticker(symbol="XYZ", cik=1512673),), {})
    assert not problems and companies["XYZ"].cik == 1512673
    _, problems = match_companies((Ticker(symbol="AAPL", cik=937966),), {})  # Apple's ticker with ASML's CIK
    assert "lists that CIK (ASML HOLDING NV) as ASML, ASMLF" in str(problems[0])
    fetched = {"SQ": CompanyRef(ticker="SQ", cik=1512673, name="Block, Inc.")}  # SEC's map, when fetched, decides
    _, problems = match_companies((Ticker(symbol="XYZ", cik=1512673),), fetched)
    assert "SEC's ticker map lists that CIK (Block, Inc.) as SQ" in str(problems[0])
