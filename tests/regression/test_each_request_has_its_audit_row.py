"""A review: two requests of one URL in a run left one audit row. GOOG's and GOOGL's filings steps both list
CIK 1652044; the audit table showed one request, as the row's id hashed the run, URL, attempt and outcome but no
time or sequence, so the second request's row overwrote the first. Now each request (each event audited) has a row
of its own, while one event written twice (held, then flushed) is still one row."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_parse import submissions_url
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.replay import PackWriter
from watchdesk.store.records import ActionRecord
from watchdesk.store.store import Store


def test_two_requests_of_one_url_are_two_rows(edgar_fixtures: Path, tmp_path: Path) -> None:
    url = submissions_url(320193)
    writer = PackWriter(tmp_path / "pack")
    body = (edgar_fixtures / "submissions/CIK0000320193_APPLE.json").read_bytes()
    writer.add(url, 200, {"content-type": "application/json"}, body, source="fixture")
    writer.save()
    audit = AuditBuffer()
    config = GatewayConfig(mode="replay", replay_dir=tmp_path / "pack", allowed_domains=("sec.gov",))
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=audit) as gw:
        gw.get(url, agent="filings", run_id=None, cache=False)  # held until the store is attached
        audit.attach(store, run_id="r1")
        gw.get(url, agent="filings", run_id="r1", cache=False)  # one company's filings step
        gw.get(url, agent="filings", run_id="r1", cache=False)  # another's, of the same CIK
        rows = store.query("SELECT target, outcome FROM actions WHERE run_id = 'r1'")
    assert len(audit.urls) == 3 and rows == [(url, rows[0][1])] * 3, rows


def test_one_event_written_twice_is_one_row(tmp_path: Path) -> None:
    event = ActionRecord(run_id="r1", agent="filings", action="http.get", target=submissions_url(320193), attempt=1,
                         outcome="ok", status=200, at=datetime.now(UTC))  # fmt: skip
    with Store.open(tmp_path / "db.duckdb") as store:
        store.record_actions([event])
        store.record_actions([event])  # a write retried, say
        assert store.query("SELECT count(*) FROM actions") == [(1,)]
