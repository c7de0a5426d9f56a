"""Bug: a briefing said of a filing gap the days it concerns ("its filings before 2026-04-10 were not listed", "1
filing of it dated in this period could not be fetched") and of a call or news gap none ("its calls were not all
read", "news on it could not be read"), though the call that met a bug, the calls left over the policy's cap and the
news item that met a bug each carry their day. Their gaps now record those days (as a filing's does), and the
briefing says them: "its calls dated 2025-05-28 were not all read". A gap with its days is also listed only in the
briefings of the periods it concerns, as a filing's is."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.regression.test_a_call_or_feed_bug_is_its_gap import (  # noqa: F401  (fixtures)
    calls,
    collect_calls,
    match_with_a_bug,
    pack,
    read_feeds,
    spans_with_a_bug,
)
from watchdesk.agents import news, transcripts
from watchdesk.store.store import Store

Q1_CALL = date(2025, 5, 28)  # NVIDIA's call for Q1 FY2026: "as of today, May 28th, 2025"
ODD_ITEM_DAY = date(2026, 3, 6)  # its <pubDate> in the Seeking Alpha feed of March 2026


def _gaps(store: Store) -> list[tuple[str, date | None, date | None]]:
    return store.query("SELECT target, unread_from, unread_to FROM gaps ORDER BY target")


def test_a_call_that_met_a_bug_is_dated_by_its_call(calls: Path, tmp_path: Path,  # noqa: F811
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcripts, "_spans", spans_with_a_bug)
    with Store.open(tmp_path / "db.duckdb") as store:
        collect_calls(calls, store)
        (gap,) = _gaps(store)
    assert gap[1:] == (Q1_CALL, Q1_CALL), gap


def test_calls_left_over_the_cap_are_dated_by_their_calls(calls: Path, tmp_path: Path) -> None:  # noqa: F811
    nvda = transcripts.CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
    req = transcripts.TranscriptsRequest(company=nvda, aliases=("NVIDIA",), max_documents=1,
                                         chain=(transcripts.Source(kind="folder", path=str(calls)),))  # fmt: skip
    with Store.open(tmp_path / "db.duckdb") as store:
        transcripts.collect(req, fetcher=None, store=store, run_id="r1")  # type: ignore[arg-type]
        (gap,) = _gaps(store)
    assert gap == ("NVDA transcripts", Q1_CALL, Q1_CALL), "the newest call is stored, Q1's is left"


def test_a_news_item_that_met_a_bug_is_dated_by_its_publication(pack: Path, tmp_path: Path,  # noqa: F811
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(news, "match_tickers", match_with_a_bug)
    with Store.open(tmp_path / "db.duckdb") as store:
        read_feeds(pack, store)
        ((target, first, last),) = _gaps(store)
    assert target.startswith("news item ") and (first, last) == (ODD_ITEM_DAY, ODD_ITEM_DAY)
