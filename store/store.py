"""A thread-safe handle on one open DuckDB file.

LangGraph runs parallel branches in threads; a DuckDB connection must not be used by two threads
at once, so every call takes the handle's lock. Reads and writes are short, so this costs little.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from watchdesk.sources.errors import DiskFullError, StoreDamagedError, WatchdeskError, disk_full
from watchdesk.store import db, lease, unrecorded, writes
from watchdesk.store.records import (
    ActionRecord,
    DocumentRecord,
    FindingRecord,
    GapRecord,
    ReadCutRecord,
    RunRecord,
    SentenceRecord,
    SpanRecord,
)
from watchdesk.store.reopen import REOPEN_WAIT_S, gave_up, reopen, set_aside_error, stopped_waiting

T = TypeVar("T")
__all__ = ["REOPEN_WAIT_S", "Store"]


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a source's next run starts (the last item stored), moved with what it points past."""

    ticker: str
    source: str
    value: str


_OPEN: weakref.WeakSet[Store] = weakref.WeakSet()  # every store of this process, for interrupt_queries()


_UNMERGED: dict[str, str] = {}  # a store file whose log could not be merged into it at close: why (no room)


def unmerged_logs() -> dict[str, str]:
    """The store files closed since the last call whose write-ahead log (FILE.wal) could not be merged into them for
    want of room, each with why; the list is emptied. What was written is kept in the log: the next open reads it."""
    found = dict(_UNMERGED)
    _UNMERGED.clear()
    return found


# Set by a Ctrl-C (or SIGTERM) until the command ends: a run's parallel steps stop at their next statement. Python
# raises KeyboardInterrupt in the main thread only, and LangGraph waits there for the steps running on its worker
# threads to end: they went on fetching, parsing and storing whole filings for 5 to 10 s after Ctrl-C, progress lines
# and all (a new user's walkthrough).
_STOPPING = threading.Event()


def interrupt_queries() -> None:
    """Interrupt the query each open store is running, from any thread (a Ctrl-C watcher): it ends as interrupted, and
    the store raises KeyboardInterrupt in the thread that ran it. A store not running one is left alone. Until
    `carry_on()`, any other thread's next statement raises KeyboardInterrupt too: the process is stopping."""
    _STOPPING.set()
    for store in list(_OPEN):
        if store._running:
            with suppress(duckdb.Error):  # closed since: its query ended, there is nothing to stop
                store.con.interrupt()


def carry_on() -> None:
    """The Ctrl-C said by interrupt_queries() is over (its command ended): statements on any thread run again."""
    _STOPPING.clear()


class Store:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.path: str | None = None  # the file, when opened by path: said in a damaged-file error
        self.read_only = False
        self._lock = threading.RLock()
        self._running = 0  # statements in progress (the lock is re-entrant: a transaction's work runs within it)
        # not reopened after a wait (another program held the file past the reopen wait): the side file that holds
        # what this process would have written, and the lease it keeps meanwhile (unrecorded.py)
        self.set_aside: Path | None = None
        self._aside = ExitStack()
        self._aside_why = "held"  # or "interrupted": a Ctrl-C stopped the wait for the other program
        _OPEN.add(self)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Store:
        store = cls(db.connect(path, read_only=read_only))
        store.path = str(path)
        store.read_only = read_only
        return store

    def close(self, *, stopping: bool = False) -> None:
        """Close the file, its log merged into it. A Ctrl-C that stopped that merge (DuckDB turns it into "Query
        interrupted" and Python never sees the Ctrl-C) is raised again as KeyboardInterrupt once the file is closed,
        unless the store is closed as the command stops already (`stopping`: __exit__ during an exception)."""
        interrupted = None
        with self._lock:
            if self.set_aside is not None:  # closed already; its side file is the next open's to record
                self._aside.close()
                return
            if self.path is not None and not self.read_only:
                # DuckDB merges its log into the file as it closes and says nothing when that fails: a file at its
                # size limit or a full disk left FILE.wal growing run after run while each run said done (a walkthrough)
                try:
                    self.con.execute("CHECKPOINT")
                except duckdb.Error as exc:  # another error (a transaction of another handle) is close's own to skip
                    if (full := disk_full(exc)) is not None:
                        _UNMERGED[self.path] = full
                except RuntimeError as exc:  # the log stays, and is merged by the next open
                    if str(exc) != "Query interrupted":
                        raise
                    interrupted = exc
            self.con.close()
        if interrupted is not None and not stopping:
            raise KeyboardInterrupt from interrupted

    @contextmanager
    def released(self, *, run_id: str | None, briefing_id: str | None = None, doing: str,
                 report: Callable[[str], None] = lambda _m: None, poll_s: float = 0.5,
                 wait_s: float = REOPEN_WAIT_S) -> Iterator[None]:  # fmt: skip
        """The file closed while this process waits (a retry's backoff), so a notebook, `watchdesk findings` or another
        run can open it meanwhile; a lease beside it says this process lives and will write again (lease.py). Reopened
        when the block ends, waiting up to `wait_s` while another process holds it; this process's other threads wait
        for that. Past it the store is set aside: what would be written goes to a side file (unrecorded.py). A block
        ended by Ctrl-C (or an error) reopens the file at once or sets it aside, not waiting; a Ctrl-C during the wait
        sets it aside too: never left closed. A store in memory, read-only or set aside already, or on a system without
        flock, stays as it is."""
        if self.path is None or self.path == ":memory:" or self.read_only or not lease.supported() or self.set_aside:
            yield
            return
        with self._lock, ExitStack() as held:
            try:
                held.enter_context(lease.holding(self.path, run_id=run_id, briefing_id=briefing_id, doing=doing))
            except OSError:  # no room for the lease file (a full disk): the store stays open, as it did before
                leased = False
            else:
                leased = True
            if not leased:
                yield
                return
            try:
                self.close()
            except KeyboardInterrupt:  # Ctrl-C as it closed: closed all the same
                self._back(held, report=report, poll_s=poll_s, wait_s=None)
                raise
            try:
                yield
            except BaseException:  # stopping: the user is not kept waiting for another program to let go
                self._back(held, report=report, poll_s=poll_s, wait_s=None)
                raise
            self._back(held, report=report, poll_s=poll_s, wait_s=wait_s)

    def _back(self, held: ExitStack, *, report: Callable[[str], None], poll_s: float, wait_s: float | None) -> None:
        """The file reopened after a wait, waiting up to `wait_s` (None: the process stops, one try); or, while another
        program still holds it, set aside with its side file, the lease kept (`held`) until it is recorded."""
        assert self.path is not None
        try:
            con = reopen(self.path, report=report, poll_s=poll_s, wait_s=wait_s)
        except KeyboardInterrupt:  # Ctrl-C as it waited for another program to let the file go
            report(stopped_waiting(self.path, self._set_aside(held, why="interrupted")))
            raise
        if isinstance(con, str):  # still held: how, said with the file its outcome goes to
            report(gave_up(self.path, con, self._set_aside(held, why="held")))
        else:
            self.con = con

    def _set_aside(self, held: ExitStack, *, why: str) -> Path | None:
        """The store set aside, its side file written at once (with no row yet), so that what is said names the file
        there is: beside the store, or in the state folder when its folder refuses it; None when none could be."""
        assert self.path is not None
        kept = unrecorded.keep(self.path)
        self.set_aside, self._aside, self._aside_why = kept or unrecorded.side_file(self.path), held.pop_all(), why
        lease.restate(self.path, doing=f"could not reopen the store after it waited, so it keeps what it did in "
                                       f"{self.set_aside} until it can")  # fmt: skip
        return kept

    def available(self) -> bool:
        """Whether the store is open: one set aside is tried again (at once, no wait), and once reopened it has
        recorded its side file (db.connect does) and given up its lease."""
        with self._lock:
            if self.set_aside is None:
                return True
            assert self.path is not None
            try:
                con = db.connect(self.path)
            except WatchdeskError:  # still held, or refused now (damaged): what follows goes on to the side file
                return False
            self.con, self.set_aside = con, None
            self._aside.close()
            return True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(stopping=exc[0] is not None)

    @contextmanager
    def statements(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection, held by this thread alone; a Ctrl-C that DuckDB turned into an error is raised again as the
        KeyboardInterrupt it was, so no step takes it for a bug and goes on (the run stops and says how to resume),
        a full disk likewise stops the run (DiskFullError), and so does a file found cut short (StoreDamagedError,
        said with what to do), never said as a bug or one item's gap."""
        if _STOPPING.is_set() and threading.current_thread() is not threading.main_thread():
            raise KeyboardInterrupt  # a step on a worker thread, after Ctrl-C: stopped between two statements
        with self._lock:
            if self.set_aside is not None and not self.available():
                raise set_aside_error(str(self.path), self.set_aside, why=self._aside_why)
            self._running += 1
            try:
                yield self.con
            except (duckdb.InterruptException, RuntimeError) as exc:
                if isinstance(exc, duckdb.InterruptException) or str(exc) == "Query interrupted":
                    raise KeyboardInterrupt from exc
                raise
            except duckdb.Error as exc:
                if (full := disk_full(exc)) is not None:
                    raise DiskFullError(full) from exc
                if (cut := db.cut_short(exc, path=self.path)) is not None:
                    raise StoreDamagedError(cut) from exc
                raise
            finally:
                self._running -= 1

    def _locked(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.statements() as con:
            return fn(con, *args, **kwargs)

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self.statements() as con:
            return con.execute(sql, list(params)).fetchall()

    def transaction(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run `work` atomically: a failure leaves nothing half-written."""
        with self.statements():
            try:  # BEGIN too: a Ctrl-C's interrupt landing on it leaves a transaction open, aborted, and every later
                self.con.execute("BEGIN TRANSACTION")  # statement refused ("please ROLLBACK")
                result = work(self.con)
            except BaseException:
                db.rollback(self.con)
                raise
            self.con.execute("COMMIT")
            return result

    def upsert_company(self, *, cik: int, ticker: str, name: str) -> None:
        self._locked(writes.upsert_company, cik=cik, ticker=ticker, name=name)

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        return self._locked(writes.known_urls, urls)

    def known_accessions(self, accessions: Iterable[str]) -> set[str]:
        return self._locked(writes.known_accessions, accessions)

    def upsert_document(self, doc: DocumentRecord) -> str:
        return self._locked(writes.upsert_document, doc)

    def replace_sentences(self, doc_id: str, sentences: Sequence[SentenceRecord]) -> int:
        return self._locked(writes.replace_sentences, doc_id, sentences)

    def save_document(
        self, doc: DocumentRecord, spans: Sequence[SpanRecord] = (), *, cursor: Cursor | None = None
    ) -> str:
        """A document and its labelled spans, in one transaction: never one without the other."""
        return self.save_documents([(doc, spans)], cursor=cursor)[0]

    def save_documents(
        self, docs: Sequence[tuple[DocumentRecord, Sequence[SpanRecord]]], *, cursor: Cursor | None = None
    ) -> list[str]:
        """A filing's documents (primary and exhibits), their spans and the cursor past it, all or nothing.

        A run killed between two of these writes would leave a filing half-stored and counted as
        stored, or stored with its cursor behind it; one transaction leaves neither.
        """

        def write(con: duckdb.DuckDBPyConnection) -> list[str]:
            ids = []
            for doc, spans in docs:
                ids.append(writes.upsert_document(con, doc))
                writes.replace_spans(con, doc.doc_id, spans)
            if cursor is not None:
                writes.set_cursor(con, ticker=cursor.ticker, source=cursor.source, value=cursor.value)
            return ids

        return self.transaction(write)

    def replace_spans(self, doc_id: str, spans: Sequence[SpanRecord]) -> int:
        return self._locked(writes.replace_spans, doc_id, spans)

    def spans(self, doc_id: str) -> list[SpanRecord]:
        rows = self.query(
            'SELECT seq, start, "end", section, title, speaker, role, speaker_kind FROM doc_spans'
            " WHERE doc_id = ? ORDER BY start, seq",
            [doc_id],
        )
        return [
            SpanRecord(
                doc_id=doc_id,
                seq=r[0],
                start=r[1],
                end=r[2],
                section=r[3],
                title=r[4],
                speaker=r[5],
                role=r[6],
                speaker_kind=r[7],
            )
            for r in rows
        ]

    def replace_findings(
        self, doc_id: str, findings: Sequence[FindingRecord], *, method: str, method_version: str
    ) -> int:
        return self._locked(writes.replace_findings, doc_id, findings, method=method, method_version=method_version)

    def record_gap(self, gap: GapRecord) -> None:
        self._locked(writes.record_gap, gap)

    def replace_read_cuts(self, *, run_id: str, agent: str, ticker: str, cuts: Sequence[ReadCutRecord]) -> None:
        self._locked(writes.replace_read_cuts, run_id=run_id, agent=agent, ticker=ticker, cuts=cuts)

    def record_actions(self, actions: Sequence[ActionRecord]) -> int:
        return self._locked(writes.record_actions, actions)

    def save_plan(self, *, run_id: str, plan: Sequence[Mapping[str, object]]) -> None:
        self._locked(writes.save_plan, run_id=run_id, plan=plan)

    def save_run(self, run: RunRecord) -> None:
        self._locked(writes.save_run, run)

    def mark_interrupted(self) -> list[str]:
        """Runs left `running` by a dead process become `interrupted`: not one whose process closed the file to wait."""
        waiting = [held.run_id for held in lease.live(self.path)] if self.path not in (None, ":memory:") else []
        return self._locked(writes.mark_interrupted, keep=[r for r in waiting if r])

    def set_cursor(self, *, ticker: str, source: str, value: str) -> None:
        self._locked(writes.set_cursor, ticker=ticker, source=source, value=value)

    def get_cursor(self, *, ticker: str, source: str) -> str | None:
        return self._locked(writes.get_cursor, ticker=ticker, source=source)

    def counts(self) -> dict[str, int]:
        return self._locked(db.table_counts)

    def store_id(self) -> str:
        """The identity drawn when this store was made (migration 014): what tells two stores' briefings apart."""
        return str(self.query("SELECT store_id FROM store_identity")[0][0])

