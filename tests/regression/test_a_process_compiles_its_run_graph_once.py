"""Cost: every run compiled the LangGraph graph again (~15-20 ms of CPU: LangGraph disassembles each node's code to
find the subgraphs it calls), though the graph is the same for every run: only the checkpointer differs. A process
(the scheduler, a notebook, the test workers) now compiles it once and gives each run a copy holding its own
checkpointer; two runs of one process still keep their checkpoints apart, and the second is resumable as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from langgraph.graph import StateGraph

from tests.regression.demo_slice import nvidia_pack, watchlist
from watchdesk.graph import runner
from watchdesk.graph.demo import DEMO_AS_OF
from watchdesk.graph.settings import Settings


def test_two_runs_compile_the_graph_once_and_checkpoint_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[object] = []
    compile_ = StateGraph.compile

    def counted(self: StateGraph, *args: object, **kwargs: object) -> object:  # type: ignore[type-arg]
        compiled.append(self)
        return compile_(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StateGraph, "compile", counted)
    pack, threads = nvidia_pack(tmp_path / "pack"), []
    for n in range(2):
        settings = Settings(db_path=tmp_path / f"s{n}.duckdb", mode="replay", replay_dir=pack, as_of=DEMO_AS_OF,
                            out_dir=tmp_path / f"out{n}")  # fmt: skip
        outcome = runner.start_run(watchlist(), settings)
        assert outcome.status == "done", outcome
        with sqlite3.connect(runner.checkpoint_path(settings.db_path)) as con:
            threads.append({row[0] for row in con.execute("SELECT DISTINCT thread_id FROM checkpoints")})
    assert len(compiled) <= 1  # before: 2, one a run (none when this process compiled it for an earlier test)
    assert len(threads[0]) == len(threads[1]) == 1 and threads[0] != threads[1]  # each file holds its own run
