"""Bug (session 28's note): watching GOOG and GOOGL (one company, CIK 1652044), both tickers' filings steps ran at
once and the shared filings were stored under whichever thread stored them first, so which ticker held Alphabet's
10-Q changed from run to run (and both fetched it). Now the later ticker's filings step waits for the earlier one's:
the filings are stored once, under the ticker the watchlist lists first."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from watchdesk.graph.planner import build_plan
from watchdesk.graph.state import RunState, StepResult
from watchdesk.graph.supervisor import supervisor
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.models import CompanyRef

ALPHABET = 1652044


def _sent(state: RunState, watchlist: Watchlist, out: Path) -> list[str]:
    deps = SimpleNamespace(audit=SimpleNamespace(flush=lambda *_a, **_k: None), store=None, watchlist=watchlist,
                           settings=SimpleNamespace(out_dir=out))  # fmt: skip
    command = supervisor(state, SimpleNamespace(context=deps))  # type: ignore[arg-type]
    goto: Any = command.goto
    return [send.arg["step"]["id"] for send in goto] if isinstance(goto, list) else [goto]


def test_the_second_ticker_of_a_company_fetches_after_the_first(tmp_path: Path) -> None:
    tickers = [{"symbol": s, "cik": c, "sources": ["edgar"]} for s, c in
               (("GOOGL", ALPHABET), ("NVDA", 1045810), ("GOOG", ALPHABET))]  # fmt: skip
    watchlist = Watchlist.model_validate({"name": "alphabet", "tickers": tickers})
    companies = {t["symbol"]: CompanyRef(ticker=t["symbol"], cik=t["cik"], name=t["symbol"]) for t in tickers}
    plan = build_plan(watchlist, companies, as_of=date(2023, 7, 30), out_dir=tmp_path / "out")
    state = RunState(run_id="r1", plan=plan, approval="not_needed", results=[])
    assert _sent(state, watchlist, tmp_path / "out") == ["filings:GOOGL", "filings:NVDA"]
    done = [StepResult(step_id=i, status="done", summary="", new_doc_ids=[], gaps=[])
            for i in ("filings:GOOGL", "filings:NVDA")]  # fmt: skip
    assert _sent(RunState(**{**state, "results": done}), watchlist, tmp_path / "out") == ["filings:GOOG"]
