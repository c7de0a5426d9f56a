"""Bug: a second `make demo` in the same clone printed "flagged 0 documents" beside "this run: 17 documents, 985
findings, 8 gaps": the demo reuses its run id, and the summary counted every row carrying that id, the first demo's
included. Now a run counts what it stored since it started (a resumed run counts from its first start), the flagging
line says how many stored documents were already flagged, and a failure an earlier run of the same id recorded is not
reported (or recorded) as this run's."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import nvidia_pack, settings, watchlist
from watchdesk.agents.flagging import agent as flagging
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


def test_a_second_demo_counts_only_what_it_did(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    db = demo_store(tmp_path)  # the first demo (`watchdesk demo --quiet --out b1`, run once per test process)
    again = CliRunner().invoke(cli, ["demo", "--db", str(db), "--out", str(tmp_path / "b1")])
    assert again.exit_code == 0, again.output
    with Store.open(db, read_only=True) as store:
        stored = store.query("SELECT count(*) FROM documents")[0][0]
    lines = again.stderr.splitlines()
    flagged = next(line for line in lines if "flagged 0 documents" in line)
    assert flagged.endswith(f"flagged 0 documents: 0 sentences, 0 findings; {stored} stored documents already "
                            "flagged at this method version"), flagged
    summary = next(line for line in lines if line.startswith("run demo-2026-09-01: done"))
    gaps = [line for line in lines if line.startswith("  gap ")]
    assert f"(this run: 0 documents, 0 findings, {len(gaps)} gaps; " in summary, summary
    assert re.search(rf"database: documents {stored}, findings [1-9]\d*, gaps \d+\)$", summary), summary


def test_a_failure_of_an_earlier_run_of_the_same_id_is_not_this_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise KeyError("section")

    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    with monkeypatch.context() as patch:
        patch.setattr(flagging, "split_sentences", broken)
        patch.setattr(flagging, "split_filing_sentences", broken)  # a filing's splitter since flagging v0.40
        first = runner.start_run(watchlist(), s, run_id="same")
    assert [f.agent for f in first.failures] == ["flagging"] and first.this_run["documents"] == 1
    again = runner.start_run(watchlist(), s, run_id="same")  # the bug fixed: the document is flagged now
    assert again.failures == [] and again.this_run == {"documents": 0, "findings": again.this_run["findings"],
                                                        "gaps": 0}
    assert again.this_run["findings"] > 0
    with Store.open(s.db_path, read_only=True) as store:
        assert store.query("SELECT status, error FROM runs") == [("done", None)]
