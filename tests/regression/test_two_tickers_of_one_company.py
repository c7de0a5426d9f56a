"""Bug: GOOG and GOOGL are one company (CIK 1652044, both in SEC's ticker map). Watching both, a filing is stored once,
under the ticker whose step stored it first, and is "already stored" for the other's step, so the briefing said
"No new documents for GOOGL in this period (nothing filed ...)" of the week Alphabet's 10-Q came. Now the plan's
filings steps name their CIK, and a ticker with no documents of its own whose company has them under another watched
ticker is said to be that company: "GOOGL: the same company as GOOG (CIK 1652044); its new documents are listed under
GOOG." The filing is still stored and briefed once."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from pathlib import Path

from tests.regression.demo_briefs import missing
from tests.timing import slowdown
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import Period
from watchdesk.graph.planner import build_plan
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.edgar_parse import archive_url
from watchdesk.sources.models import CompanyRef
from watchdesk.store.records import DocumentRecord, RunRecord
from watchdesk.store.store import Store

ALPHABET = 1652044
ACCESSION = "0001652044-23-000070"  # the 10-Q for the quarter ended 2023-06-30, signed 2023-07-25
WEEK = Period(date(2023, 7, 24), date(2023, 7, 30))


def test_the_second_ticker_of_a_company_is_not_said_to_have_filed_nothing(edgar_fixtures: Path, tmp_path: Path) -> None:
    started, cpu = time.perf_counter(), time.process_time()
    watchlist = Watchlist.model_validate({"name": "alphabet", "tickers": [
        {"symbol": s, "cik": ALPHABET, "sources": ["edgar"]} for s in ("GOOG", "GOOGL")]})  # fmt: skip
    companies = {s: CompanyRef(ticker=s, cik=ALPHABET, name="Alphabet Inc.") for s in ("GOOG", "GOOGL")}
    plan = build_plan(watchlist, companies, as_of=WEEK.end, out_dir=tmp_path / "out")
    page = (edgar_fixtures / f"filings/GOOG_10-Q_Q2-2023_{ACCESSION}.html").read_text(encoding="utf-8")
    filing = DocumentRecord(url=archive_url(ALPHABET, ACCESSION, "goog-20230630.htm"), source="edgar",
                            text=page[page.index("Alphabet Inc."):][:2000], fetched_at=datetime.now(UTC),
                            ticker="GOOG", cik=ALPHABET, form="10-Q", accession=ACCESSION, filed_at=date(2023, 7, 25),
                            title="goog-20230630", run_id="r1")  # fmt: skip
    with Store.open(tmp_path / "db.duckdb") as store:
        store.save_run(RunRecord(run_id="r1", watchlist="alphabet", watchlist_hash="h", mode="replay", status="done",
                                 started_at=datetime.now(UTC), plan=list(plan), as_of=WEEK.end))  # fmt: skip
        store.upsert_document(filing)
        files = write_briefing(store, BriefingRequest(run_id="r1", watchlist_name="alphabet",
                                                      tickers=["GOOG", "GOOGL"], topics=["inventory"], period=WEEK,
                                                      out_dir=tmp_path / "out", formats=("md",)))  # fmt: skip
    lines = missing(files.markdown)
    assert "No new documents for GOOGL" not in lines and "GOOGL in this period" not in lines, lines
    assert "- GOOGL: the same company as GOOG (CIK 1652044); its new documents are listed under GOOG." in lines
    assert "- GOOG: 1 document stored but not yet flagged" in lines  # the filing is GOOG's alone
    assert [d.ticker for d in files.data.documents] == ["GOOG"]  # the filing once
    # 3 s, of this process's CPU and of the wall clock on an idle machine (a busy one's: times how much slower it is)
    assert time.process_time() - cpu < 3
    assert time.perf_counter() - started < 3 * slowdown()
