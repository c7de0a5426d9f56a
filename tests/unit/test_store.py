"""The store: migrations, idempotent writes, the one-writer rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from watchdesk.sources.errors import DatabaseInUseError
from watchdesk.store import db, writes
from watchdesk.store.records import DocumentRecord, FindingRecord, GapRecord, SentenceRecord
from watchdesk.store.store import Store

NOW = datetime(2025, 9, 1, tzinfo=UTC)


def doc(url: str = "https://www.sec.gov/Archives/edgar/data/1/1/a.htm") -> DocumentRecord:
    return DocumentRecord(
        url=url,
        source="edgar",
        text="Inventory rose. Supply is tight.",
        fetched_at=NOW,
        ticker="NVDA",
        filed_at=date(2025, 8, 27),
        items=("2.02",),
    )


def finding(d: DocumentRecord, version: str = "0.1") -> FindingRecord:
    return FindingRecord(
        doc_id=d.doc_id,
        topic="inventory",
        polarity="negative",
        score=-0.5,
        sentence="Inventory rose.",
        start=0,
        end=15,
        method="rules",
        method_version=version,
        created_at=NOW,
        ticker="NVDA",
    )


@pytest.mark.usefixtures("real_migrations")  # a new store migrated from nothing, as a user's is
def test_migrations_apply_once(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store.open(path):
        pass
    con = duckdb.connect(str(path))
    assert db.migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] == len(db.migrations())
    con.close()


def test_a_store_from_before_the_sure_mark_keeps_its_findings(tmp_path: Path) -> None:
    """Migration 011 adds findings.sure to a store made by migrations 001-010: the old findings read NULL (the
    briefing marks nothing on them), the view shows the column, and new findings keep their mark."""
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, step in db.migrations():
        if version <= 10:
            db.apply_step(con, step)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, NOW])
    d = doc()
    con.execute(
        "INSERT INTO findings (finding_id, doc_id, topic, polarity, score, sentence, start, \"end\", method, "
        "method_version, created_at) VALUES ('old', ?, 'inventory', 'negative', -0.5, 'Inventory rose.', 0, 15, "
        "'rules', '0.11', ?)",
        [d.doc_id, NOW],
    )
    con.close()
    with Store.open(path) as store:
        new = [replace(finding(d, "0.12"), sure=False)]
        store.replace_findings(d.doc_id, new, method="rules", method_version="0.12")
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute("SELECT method_version, sure FROM current_findings ORDER BY 1").fetchall()
    con.close()
    assert rows == [("0.11", None), ("0.12", False)]


def test_writes_are_idempotent() -> None:
    with Store.open(":memory:") as store:
        d = doc()
        for _ in range(2):
            store.upsert_document(d)
            store.replace_sentences(
                d.doc_id, [SentenceRecord(doc_id=d.doc_id, seq=0, start=0, end=15, text="Inventory rose.")]
            )
            store.replace_findings(d.doc_id, [finding(d)], method="rules", method_version="0.1")
            store.record_gap(GapRecord(run_id="r", agent="filings", target="x", reason="404", created_at=NOW))
        counts = store.counts()
        assert (counts["documents"], counts["sentences"], counts["findings"], counts["gaps"]) == (1, 1, 1, 1)
        # A new method version adds its own findings; re-flagging with it replaces only those.
        store.replace_findings(d.doc_id, [finding(d, "0.2")], method="rules", method_version="0.2")
        store.replace_findings(d.doc_id, [finding(d, "0.2")], method="rules", method_version="0.2")
        assert store.counts()["findings"] == 2
        assert store.known_urls([d.url, "https://nope"]) == {d.url}


def test_sentences_split_again_replace_the_stored_ones(tmp_path: Path) -> None:
    """A document's sentences are inserted, not upserted, after its old ones are deleted in the same transaction: on
    a file whose rows are checkpointed, a new split (same keys, other text; then fewer) replaces them whole."""
    path = tmp_path / "s.duckdb"
    d = doc()

    def split(texts: list[str]) -> list[SentenceRecord]:
        return [SentenceRecord(doc_id=d.doc_id, seq=i, start=0, end=len(t), text=t) for i, t in enumerate(texts)]

    for texts in (["Inventory rose.", "Supply is tight."], ["Inventory rose sharply.", "Supply eased."], ["One."]):
        with Store.open(path) as store:  # each open checkpoints the last one's rows into the file
            store.transaction(lambda con, texts=texts: writes.replace_sentences(con, d.doc_id, split(texts)))
        con = duckdb.connect(str(path), read_only=True)
        assert con.execute("SELECT seq, text FROM sentences ORDER BY seq").fetchall() == list(enumerate(texts))
        con.close()
    with Store.open(path) as store, pytest.raises(duckdb.ConstraintException):  # a repeated key is a bug: said
        store.transaction(lambda con: writes.replace_sentences(con, d.doc_id, split(["A."]) + split(["B."])))


def test_failed_transaction_writes_nothing() -> None:
    with Store.open(":memory:") as store:

        def boom(con: duckdb.DuckDBPyConnection) -> None:
            con.execute("INSERT INTO cursors VALUES ('NVDA', 'edgar:10-K', 'x', now())")
            raise RuntimeError("crash mid-write")

        with pytest.raises(RuntimeError):
            store.transaction(boom)
        assert store.counts()["cursors"] == 0


def test_second_writer_gets_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,sys; c=duckdb.connect({str(path)!r}); print('ok', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,  # held until killed: a 30 s sleep let go of it first on a slow enough machine
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "ok"
        with pytest.raises(DatabaseInUseError, match="database in use"):
            Store.open(path)
    finally:
        holder.kill()
        holder.wait()
