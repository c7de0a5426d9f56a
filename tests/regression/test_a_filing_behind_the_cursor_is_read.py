"""A review: after a run of Apple's 10-Qs from 2025-07-01, a run from 2025-04-01 (a wider window, or a second
watchlist on the same store) listed 0 filings, stored nothing and recorded no gap, and its briefing of 2025-W18 said
"No new documents for AAPL ... (nothing filed 2025-04-28 to 2025-05-04)", though Apple filed its 10-Q on 2025-05-02.
Raising limit_per_form from 1 to 2 did the same. One cursor per ticker and form, for the whole store, dropped every
listed filing older than the newest stored, whatever this run's window or limit. Now a run reads its window (and its
limit) less what is stored: the 10-Q is fetched, and only it (what is stored is not fetched again)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import archive_url, submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

APPLE = CompanyRef(ticker="AAPL", cik=320193, name="Apple Inc.")
AUGUST = archive_url(320193, "0000320193-25-000073", "aapl-20250628.htm")  # the 10-Q filed 2025-08-01
MAY = archive_url(320193, "0000320193-25-000057", "aapl-20250329.htm")  # the 10-Q filed 2025-05-02


def apple_pack(root: Path, edgar: Path) -> Path:
    writer = PackWriter(root)
    writer.add(submissions_url(320193), 200, {"content-type": "application/json"},
               (edgar / "submissions/CIK0000320193_APPLE.json").read_bytes(), source="fixture")  # fmt: skip
    writer.add(AUGUST, 200, {"content-type": "text/html"},
               (edgar / "filings/AAPL_10-Q_Q3FY2025_filed-2025-08-01.html").read_bytes(), source="fixture")  # fmt: skip
    writer.add(MAY, 200, {"content-type": "text/html"},
               (edgar / "filings/AAPL_10-Q_Q2FY2025_aapl-20250329.htm").read_bytes(), source="fixture")  # fmt: skip
    writer.save()
    return root


def request(*, since: date, limit: int | None) -> filings.FilingsRequest:
    return filings.FilingsRequest(company=APPLE, forms=("10-Q",), since=since, until=date(2025, 8, 31),
                                  limit_per_form=limit, compare_previous=False)  # fmt: skip


def collect(pack: Path, store: Store, req: filings.FilingsRequest, run_id: str) -> tuple[filings.FilingsResult, list]:
    audit = AuditBuffer()
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",))
    with Gateway(config, audit=audit) as gw:
        return filings.collect(req, fetcher=gw, store=store, run_id=run_id), audit.urls


def accessions(store: Store) -> list[str]:
    return [row[0] for row in store.query("SELECT accession FROM documents ORDER BY accession")]


def test_a_wider_window_reads_the_filing_before_the_newest_stored(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = apple_pack(tmp_path / "pack", edgar_fixtures)
    with Store.open(tmp_path / "db.duckdb") as store:
        collect(pack, store, request(since=date(2025, 7, 1), limit=None), "narrow")
        wide, urls = collect(pack, store, request(since=date(2025, 4, 1), limit=None), "wide")
        assert accessions(store) == ["0000320193-25-000057", "0000320193-25-000073"]
    assert urls == [submissions_url(320193), MAY], "only the 10-Q not stored is fetched"
    assert (wide.listed, len(wide.new_doc_ids), wide.skipped, wide.gaps) == (2, 1, 1, [])


def test_a_raised_limit_per_form_reads_the_filing_it_now_takes(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = apple_pack(tmp_path / "pack", edgar_fixtures)
    one = request(since=date(2025, 4, 1), limit=1)
    with Store.open(tmp_path / "db.duckdb") as store:
        collect(pack, store, one, "limit-1")
        _, urls = collect(pack, store, dataclasses.replace(one, limit_per_form=2), "limit-2")
        assert accessions(store) == ["0000320193-25-000057", "0000320193-25-000073"]
        cuts = store.query("SELECT run_id, unread_from, unread_to FROM read_cuts ORDER BY run_id")
    assert urls == [submissions_url(320193), MAY]
    # the first run read only the newest 10-Q (its cut); the second read both, and left nothing unread
    assert cuts == [("limit-1", date(2025, 4, 1), date(2025, 7, 31))]
