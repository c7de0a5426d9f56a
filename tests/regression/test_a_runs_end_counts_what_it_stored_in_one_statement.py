"""Cost: a run's end counted what it stored (its documents, findings and gaps, the earlier filings it stored only to
compare a new one with, and its findings as a briefing counts them) in five statements, ~3 ms of CPU each to plan and
send. It counts them in one now (graph/run_counts.py), and says the same numbers: those five plain counts give."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from watchdesk.graph import run_counts, runner
from watchdesk.store.queries import SAID_AGAIN
from watchdesk.store.store import Store

_SINCE = "(SELECT min(started_at) FROM runs WHERE run_id = ?)"


def _plainly(store: Store, run_id: str) -> tuple[dict[str, int], int]:
    """The five counts, one statement each, as the run's end made them before."""
    def count(sql: str) -> int:
        return int(store.query(sql, [run_id, run_id])[0][0])

    counts = {table: count(f"SELECT count(*) FROM {table} WHERE run_id = ? AND {at} >= {_SINCE}")
              for table, at in (("documents", "fetched_at"), ("findings", "created_at"), ("gaps", "created_at"))}
    earlier = count("SELECT count(DISTINCT d.doc_id) FROM documents d JOIN filing_comparisons c ON c.old_doc_id = "
                    f"d.doc_id WHERE c.run_id = ? AND d.run_id IS NULL AND d.first_stored_at >= {_SINCE}")
    once = count(f"SELECT count(*) FROM (SELECT f.* FROM findings f WHERE f.run_id = ? AND f.created_at >= {_SINCE} "
                 f"QUALIFY NOT {SAID_AGAIN})")
    return counts | ({run_counts.EARLIER: earlier} if earlier else {}), once


def test_a_runs_end_counts_what_it_stored_in_one_statement(
    demo_outcome: Callable[[Path], runner.RunOutcome], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended = demo_outcome(tmp_path)  # what the demo's run said at its end, and its store
    with Store.open(tmp_path / "demo.duckdb", read_only=True) as store:
        plain = _plainly(store, ended.run_id)
        sent: list[str] = []
        query = store.query

        def said(sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
            sent.append(sql)
            return query(sql, params)

        monkeypatch.setattr(store, "query", said)
        counted = run_counts.stored_by(store, ended.run_id)
        nothing = run_counts.stored_by(store, "no such run")
    assert counted == plain == (ended.this_run, ended.findings_counted)
    documents, earlier, findings, once = (plain[0]["documents"], plain[0].get(run_counts.EARLIER), plain[0]["findings"],
                                          plain[1])  # fmt: skip
    assert documents and earlier == 1 and 0 < once < findings and plain[0]["gaps"], plain  # each count is checked
    assert nothing == ({"documents": 0, "findings": 0, "gaps": 0}, 0)
    assert len(sent) == 2, sent  # one for each run; before: five
