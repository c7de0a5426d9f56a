"""Seen last session: watching GOOG and GOOGL (Alphabet's share classes, CIK 1652044), when each ticker held documents
of its own (a filing stored under each), the briefing's table listed GOOG and GOOGL as two companies, and nothing said
they are one. A line under the table now says so: "GOOG and GOOGL are one company (CIK 1652044): each row counts the
documents stored under its ticker, each document once." A ticker holding none is said as before ("the same company as
GOOG")."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from tests.regression.test_two_tickers_of_one_company import ALPHABET, WEEK
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.graph.planner import build_plan
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.edgar_parse import archive_url
from watchdesk.sources.models import CompanyRef
from watchdesk.store.records import DocumentRecord, RunRecord
from watchdesk.store.store import Store

SAID = ("GOOG and GOOGL are one company (CIK 1652044): each row counts the documents stored under its ticker, each "
        "document once.")


def _filing(edgar_fixtures: Path, ticker: str, accession: str, quarter: str, day: date) -> DocumentRecord:
    page = (edgar_fixtures / f"filings/GOOG_10-Q_{quarter}_{accession}.html").read_text(encoding="utf-8")
    # the filing's own text about inventory (so each ticker has a row in the table)
    text = page[page.index("Alphabet Inc."):][:2000] + " Inventory levels rose as demand slowed."
    return DocumentRecord(url=archive_url(ALPHABET, accession, f"{ticker.lower()}-{quarter}.htm"), source="edgar",
                          text=text, fetched_at=datetime.now(UTC), ticker=ticker, cik=ALPHABET, form="10-Q",
                          accession=accession, filed_at=day, title=f"{ticker} {quarter}", run_id="r1")  # fmt: skip


def _briefed(edgar_fixtures: Path, tmp_path: Path, tickers: list[str]) -> str:
    watchlist = Watchlist.model_validate({"name": "alphabet", "tickers": [
        {"symbol": s, "cik": ALPHABET, "sources": ["edgar"]} for s in ("GOOG", "GOOGL")]})  # fmt: skip
    companies = {s: CompanyRef(ticker=s, cik=ALPHABET, name="Alphabet Inc.") for s in ("GOOG", "GOOGL")}
    plan = build_plan(watchlist, companies, as_of=WEEK.end, out_dir=tmp_path / "out")
    filings = [("0001652044-23-000070", "Q2-2023", date(2023, 7, 25)), ("0001652044-23-000094", "Q3-2023",
                                                                       date(2023, 7, 26))]  # fmt: skip
    with Store.open(tmp_path / "db.duckdb") as store:
        store.save_run(RunRecord(run_id="r1", watchlist="alphabet", watchlist_hash="h", mode="replay", status="done",
                                 started_at=datetime.now(UTC), plan=list(plan), as_of=WEEK.end))  # fmt: skip
        for ticker, (accession, quarter, day) in zip(tickers, filings, strict=False):
            store.upsert_document(_filing(edgar_fixtures, ticker, accession, quarter, day))
        files = write_briefing(store, BriefingRequest(run_id="r1", watchlist_name="alphabet",
                                                      tickers=["GOOG", "GOOGL"], topics=["inventory"], period=WEEK,
                                                      out_dir=tmp_path / "out", formats=("md", "html")))  # fmt: skip
    assert files.html is not None
    return files.markdown + files.html


def test_two_tickers_each_holding_documents_are_said_one_company(edgar_fixtures: Path, tmp_path: Path) -> None:
    briefed = _briefed(edgar_fixtures, tmp_path, ["GOOG", "GOOGL"])
    assert SAID in briefed


def test_one_holding_none_is_said_as_before(edgar_fixtures: Path, tmp_path: Path) -> None:
    briefed = _briefed(edgar_fixtures, tmp_path, ["GOOG"])
    assert SAID not in briefed
    assert "GOOGL: the same company as GOOG (CIK 1652044)" in briefed
