"""A review: over the policy's max_documents_per_run, the filings agent stored the OLDEST filings of the window and
left the newest (this week's) out as a gap: with a cap of 1, Apple's 10-K of 2024-11-01 was stored and its 10-Q of
2025-08-01 left out. The transcripts agent keeps the newest calls (session 22); filings now do too, and say so in
the gap of those left out."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_filings_incremental import APPLE, apple_pack, gateway, request
from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.store.store import Store


def test_the_cap_keeps_the_newest_filing(edgar_fixtures: Path, tmp_path: Path) -> None:
    listing = (edgar_fixtures / "submissions/CIK0000320193_APPLE.json").read_bytes()
    pack = apple_pack(tmp_path / "pack", edgar_fixtures, listing=listing)
    with Store.open(":memory:") as store, gateway(pack, AuditBuffer()) as gw:
        res = filings.collect(request(APPLE, max_documents=1), fetcher=gw, store=store, run_id="r1")
        stored = store.query("SELECT form, accession FROM documents WHERE parent_doc_id IS NULL")
        gaps = store.query("SELECT target, reason, unread_from FROM gaps")
    assert stored == [("10-Q", "0000320193-25-000073")]
    left_out = "10-K 0000320193-24-000123: over the policy's max_documents_per_run (1); the newest were stored"
    assert res.gaps == [left_out]
    assert [(t, str(day)) for t, _, day in gaps] == [("10-K 0000320193-24-000123", "2024-11-01")]
