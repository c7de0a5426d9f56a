"""Typed, idempotent writes of watchdesk rows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, fields
from datetime import UTC, date, datetime
from typing import Any

import duckdb

from watchdesk.sources.redact import redact_json, redact_json_text, redact_text
from watchdesk.store.bulk import insert_new, upsert, upsert_records
from watchdesk.store.records import (
    ActionRecord,
    DocumentRecord,
    FindingRecord,
    GapRecord,
    ReadCutRecord,
    RunRecord,
    SentenceRecord,
    SpanRecord,
    content_hash,
)


def upsert_company(con: duckdb.DuckDBPyConnection, *, cik: int, ticker: str, name: str) -> None:
    row = {"cik": cik, "ticker": ticker, "name": name, "updated_at": datetime.now(UTC)}
    upsert(con, "companies", [row], key=["cik"])


def known_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> set[str]:
    """Which of these document URLs are already stored (so they are not fetched again)."""
    wanted = list(urls)
    if not wanted:
        return set()
    rows = con.execute("SELECT url FROM documents WHERE list_contains(?, url)", [wanted]).fetchall()
    return {r[0] for r in rows}


def upsert_document(con: duckdb.DuckDBPyConnection, doc: DocumentRecord) -> str:
    row = asdict(doc)
    row["items"] = list(doc.items)
    row["source_url"] = doc.source_url or doc.url
    row.update(doc_id=doc.doc_id, content_hash=content_hash(doc.text), n_chars=len(doc.text))
    # The first storage time places an undated document in a briefing period; a re-store must not move it.
    row["first_stored_at"] = doc.first_stored_at or doc.fetched_at
    upsert(con, "documents", [row], key=["doc_id"], keep=["first_stored_at"])
    return doc.doc_id


def replace_sentences(con: duckdb.DuckDBPyConnection, doc_id: str, sentences: Sequence[SentenceRecord]) -> int:
    """A document's sentences are replaced whole: a re-split never leaves stale rows behind."""
    con.execute("DELETE FROM sentences WHERE doc_id = ?", [doc_id])
    return insert_new(con, "sentences", sentences)


def replace_spans(con: duckdb.DuckDBPyConnection, doc_id: str, spans: Sequence[SpanRecord]) -> int:
    con.execute("DELETE FROM doc_spans WHERE doc_id = ?", [doc_id])
    return upsert_records(con, "doc_spans", spans, key=["doc_id", "seq"])


def replace_findings(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    findings: Sequence[FindingRecord],
    *,
    method: str,
    method_version: str,
) -> int:
    """Re-flagging a document replaces its findings of the same method version, never duplicates."""
    con.execute(
        "DELETE FROM findings WHERE doc_id = ? AND method = ? AND method_version = ?",
        [doc_id, method, method_version],
    )
    names = [f.name for f in fields(FindingRecord)]  # not asdict(), which deep-copies each field of each finding
    rows = [{**{n: getattr(f, n) for n in names}, "finding_id": f.finding_id} for f in findings]
    return upsert(con, "findings", rows, key=["finding_id"])


def record_gap(con: duckdb.DuckDBPyConnection, gap: GapRecord) -> None:
    row = {**asdict(gap), "gap_id": gap.gap_id, "tried": [redact_text(t) for t in gap.tried]}
    row.update(target=redact_text(gap.target), reason=redact_text(gap.reason))
    upsert(con, "gaps", [row], key=["gap_id"])


def replace_read_cuts(
    con: duckdb.DuckDBPyConnection, *, run_id: str, agent: str, ticker: str, cuts: Sequence[ReadCutRecord]
) -> None:
    """A step's read cuts are replaced whole: a step run again under the same run id leaves none of its old ones."""
    con.execute("DELETE FROM read_cuts WHERE run_id = ? AND agent = ? AND ticker = ?", [run_id, agent, ticker])
    upsert_records(con, "read_cuts", cuts, key=["run_id", "agent", "ticker", "unread_from"])


def record_actions(con: duckdb.DuckDBPyConnection, actions: Sequence[ActionRecord]) -> int:
    return upsert_records(con, "actions", actions, key=["action_id"])


def save_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> None:
    row = asdict(run)
    row["error"] = redact_text(run.error) if run.error else None
    # redacted here too, whoever built the record: a resumed run's watchlist read before migration 013 took the
    # secrets out of the stored copy would otherwise put them back
    row["watchlist_json"] = redact_json_text(run.watchlist_json)
    row["plan"] = redact_json(run.plan)
    for name in ("plan", "counts", "cost"):
        row[name] = json.dumps(row[name], default=str, sort_keys=True)
    # a record without a plan (a run failed or stopped before its result was read) keeps the one save_plan stored
    upsert(con, "runs", [row], key=["run_id"], keep=() if run.plan else ["plan"])


def save_plan(con: duckdb.DuckDBPyConnection, *, run_id: str, plan: Sequence[Mapping[str, object]]) -> None:
    """The run's plan as soon as it is made, its URLs' secrets redacted: a run stopped before it waits for approval
    or ends (Ctrl-C, a kill) still shows what it was doing."""
    text = json.dumps(redact_json([dict(step) for step in plan]), default=str, sort_keys=True)
    con.execute("UPDATE runs SET plan = ? WHERE run_id = ?", [text, run_id])


def set_cursor(con: duckdb.DuckDBPyConnection, *, ticker: str, source: str, value: str) -> None:
    row = {"ticker": ticker, "source": source, "value": value, "updated_at": datetime.now(UTC)}
    upsert(con, "cursors", [row], key=["ticker", "source"])


def get_cursor(con: duckdb.DuckDBPyConnection, *, ticker: str, source: str) -> str | None:
    rows = con.execute("SELECT value FROM cursors WHERE ticker = ? AND source = ?", [ticker, source]).fetchall()
    return rows[0][0] if rows else None


def known_accessions(con: duckdb.DuckDBPyConnection, accessions: Iterable[str]) -> set[str]:
    """Filings (by accession) that already have a stored document."""
    wanted = list(accessions)
    if not wanted:
        return set()
    rows = con.execute(
        "SELECT DISTINCT accession FROM documents WHERE list_contains(?, accession)", [wanted]
    ).fetchall()
    return {r[0] for r in rows}


def mark_interrupted(con: duckdb.DuckDBPyConnection, *, keep: Sequence[str] = ()) -> list[str]:
    """Runs still `running` whose process is gone become `interrupted`; their ids, oldest first.

    Only a writer may call this, and DuckDB lets one process write a file at a time: a run marked
    `running` in a file this process could open for writing has no process left, unless that process closed the
    file to wait and holds a lease on it (store/lease.py): those runs are `keep`.
    """
    rows = con.execute(
        "UPDATE runs SET status = 'interrupted', error = coalesce(error, ?) WHERE status = 'running'"
        " AND NOT list_contains(?, run_id) RETURNING run_id, started_at",
        ["its process ended before the run finished (killed or crashed)", list(keep)],
    ).fetchall()
    return [r[0] for r in sorted(rows, key=lambda r: r[1])]


def save_briefing(con: duckdb.DuckDBPyConnection, row: Mapping[str, Any], *, as_of: date | None = None,
                  closes: bool = True) -> None:  # fmt: skip
    """Write a briefing's row (its `tickers` upper case). Written on or after its period's last day (the UTC day, or
    the `--as-of` day of the run writing it), it closes the period, unless `closes` is false (a `brief` written for a
    person to read, sent to no target): the first such write's time is kept as closed_at (migration 028; a document of
    the period first stored after it is late, store/queries.LATE_DAY; one the run stored before writing it is in it)."""
    now = datetime.now(UTC)
    upsert(con, "briefings", [dict(row)], key=["briefing_id"])
    if closes and row["period_end"] <= max(now.date(), as_of or date.min):
        con.execute("UPDATE briefings SET closed_at = coalesce(closed_at, ?) WHERE briefing_id = ?",
                    [now, row["briefing_id"]])  # fmt: skip
