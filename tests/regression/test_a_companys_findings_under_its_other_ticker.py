"""Bug: GOOG and GOOGL are one company (CIK 1652044). Watching both, Alphabet's filings are stored once, under the
ticker listed first (GOOG), so `watchdesk findings --ticker GOOGL` and explore.findings(db, ticker="GOOGL") said
"No findings for GOOGL. Nothing was read for GOOGL: the store holds none of its documents", where the store held
Alphabet's 10-Q and its findings. Now a ticker reads its company's documents under the other ticker too, and says so:
"GOOGL is the same company as GOOG (CIK 1652044): its documents are stored under GOOG, and read here too."
(Alphabet's real Q2 2023 10-Q from the fixtures, stored and flagged as a run of a watchlist of both does.)"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from click.testing import CliRunner

from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.graph.cli import cli
from watchdesk.graph.planner import build_plan
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.edgar_parse import archive_url
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.models import CompanyRef
from watchdesk.store import explore
from watchdesk.store.records import DocumentRecord, RunRecord
from watchdesk.store.store import Store

ALPHABET = 1652044
ACCESSION = "0001652044-23-000070"  # the 10-Q for the quarter ended 2023-06-30, filed 2023-07-25
SAID = "GOOGL is the same company as GOOG (CIK 1652044): its documents are stored under GOOG, and read here too."


def _store(edgar_fixtures: Path, db: Path) -> None:
    """What a run of a watchlist of GOOG and GOOGL leaves: the 10-Q stored under GOOG (listed first), flagged."""
    watchlist = Watchlist.model_validate({"name": "alphabet", "tickers": [
        {"symbol": s, "cik": ALPHABET, "sources": ["edgar"]} for s in ("GOOG", "GOOGL")]})  # fmt: skip
    companies = {s: CompanyRef(ticker=s, cik=ALPHABET, name="Alphabet Inc.") for s in ("GOOG", "GOOGL")}
    plan = build_plan(watchlist, companies, as_of=date(2023, 7, 30), out_dir=db.parent / "out")
    page = (edgar_fixtures / f"filings/GOOG_10-Q_Q2-2023_{ACCESSION}.html").read_bytes()
    filing = DocumentRecord(url=archive_url(ALPHABET, ACCESSION, "goog-20230630.htm"), source="edgar",
                            text=html_to_text(page), fetched_at=datetime.now(UTC), ticker="GOOG", cik=ALPHABET,
                            form="10-Q", accession=ACCESSION, filed_at=date(2023, 7, 25), title="goog-20230630",
                            run_id="r1")  # fmt: skip
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id="r1", watchlist="alphabet", watchlist_hash="h", mode="replay", status="done",
                                 started_at=datetime.now(UTC), plan=list(plan), as_of=date(2023, 7, 30)))  # fmt: skip
        for ticker in ("GOOG", "GOOGL"):  # each watched ticker's company, as a run resolves it (one row a CIK)
            store.upsert_company(cik=ALPHABET, ticker=ticker, name="Alphabet Inc.")
        store.upsert_document(filing)
        flag_documents(store, tickers=["GOOG", "GOOGL"], topics=["inventory", "supply_chain", "geopolitical"],
                       run_id="r1")  # fmt: skip


def test_findings_by_either_ticker_read_the_companys_documents(edgar_fixtures: Path, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    _store(edgar_fixtures, db)
    under_goog = explore.findings(db, ticker="GOOG")
    assert len(under_goog) >= 5 and {r["ticker"] for r in under_goog} == {"GOOG"}
    by_googl = explore.findings(db, ticker="GOOGL")
    assert list(by_googl) == list(under_goog) and by_googl.note == SAID  # the same rows, and where they are stored
    assert str(by_googl).endswith(SAID)

    empty = explore.findings(db, ticker="GOOGL", start=date(2030, 1, 1))  # an empty answer says it too
    assert str(empty) == f"No findings for GOOGL from 2030-01-01. {SAID}" and "Nothing was read" not in str(empty)

    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "GOOGL", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["finding_id"] for r in listed] == [r["finding_id"] for r in under_goog]
    assert SAID in result.stderr and "Nothing was read" not in result.stderr


def test_a_ticker_with_documents_of_its_own_is_asked_about_alone(edgar_fixtures: Path, tmp_path: Path) -> None:
    """The briefing benchmark's synthetic tickers carry NVIDIA's CIK: ticker='NVDA' must stay NVIDIA's own findings.
    A ticker holding documents is asked about alone, as a briefing says "the same company as" only of one holding
    none."""
    db = tmp_path / "db.duckdb"
    _store(edgar_fixtures, db)
    accession = "0001652044-23-000094"  # the Q3 2023 10-Q, stored under GOOGL this time
    page = (edgar_fixtures / f"filings/GOOG_10-Q_Q3-2023_{accession}.html").read_bytes()
    with Store.open(db) as store:
        filing = DocumentRecord(url=archive_url(ALPHABET, accession, "goog-20230930.htm"), source="edgar",
                                text=html_to_text(page), fetched_at=datetime.now(UTC), ticker="GOOGL", cik=ALPHABET,
                                form="10-Q", accession=accession, filed_at=date(2023, 10, 25), title="goog-20230930",
                                run_id="r1")  # fmt: skip
        store.upsert_document(filing)
        flag_documents(store, tickers=["GOOGL"], topics=["inventory", "supply_chain", "geopolitical"], run_id="r1")
    own = explore.findings(db, ticker="GOOGL")
    assert own and {r["ticker"] for r in own} == {"GOOGL"} and own.note == ""
