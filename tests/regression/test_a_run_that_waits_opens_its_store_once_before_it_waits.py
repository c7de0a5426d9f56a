"""Cost: a `watchdesk run` that came to wait for approval closed its store, then opened it again to supersede the
older runs waiting for the same period and write its notice; at a terminal it opened it twice more, read-only, for the
plan and why it waits, and after the answer twice more before resuming: each open a new DuckDB database instance
(~30-40 ms of CPU). Its work before the wait is done in the store the run opened now. The store is still closed while
the prompt waits (a person may take minutes; a notebook or `watchdesk approve` from another shell must get in), and
opened once read-only after the answer (what may have changed meanwhile), then for writing to resume."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph import cli as cli_module
from watchdesk.graph import cli_ask
from watchdesk.graph.cli import cli
from watchdesk.store import db

ALWAYS = WATCHLIST.replace('approval = "never"', 'approval = "always"')


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each open of a store, read-only (True) or for writing, as the run makes them."""
    said: list[bool] = []
    connect = db.connect

    def counted(path: Path | str, *, read_only: bool = False, **kwargs: Any) -> Any:
        said.append(read_only)
        return connect(path, read_only=read_only, **kwargs)

    monkeypatch.setattr(db, "connect", counted)
    return said


def _args(tmp: Path) -> list[str]:
    (tmp / "w.toml").write_text(ALWAYS, encoding="utf-8")
    return ["run", str(tmp / "w.toml"), "--replay", str(nvidia_pack(tmp / "pack")), "--db", str(tmp / "w.duckdb"),
            "--out", str(tmp / "out")]  # fmt: skip


def test_a_run_left_waiting_opens_its_store_once(tmp_path: Path, opened: list[bool]) -> None:
    args = _args(tmp_path)
    older = CliRunner().invoke(cli, args)  # no terminal: it waits, for `watchdesk approve`
    assert older.exit_code == 0 and "is awaiting approval" in older.output, older.output
    assert opened == [False]  # before: [False, False]
    newer = CliRunner().invoke(cli, args)
    said = " ".join(newer.output.split())
    run_id, waiting = (said.split("watchdesk approve ", 1)[1].split()[0],
                       older.output.split("watchdesk approve ", 1)[1].split()[0])  # fmt: skip
    # said as before: how to approve it, then the older run it supersedes, then its notice
    assert said.index(f"run {run_id} is awaiting approval") < said.index(f"run {waiting} superseded by run {run_id}")
    assert [p.name for p in (tmp_path / "out").glob("AWAITING-*")] == [f"AWAITING-APPROVAL-{run_id}.md"]


def test_a_run_asked_at_a_terminal_waits_with_its_store_closed_and_opens_it_three_times(
    tmp_path: Path, opened: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[list[bool], list[tuple[Any, ...]]]] = []

    def answer(request: dict[str, Any]) -> str:
        con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)  # fails while the run holds the file
        asked.append((list(opened), con.execute("SELECT status FROM runs").fetchall()))
        con.close()
        assert "fetch_filings -> NVDA" in request["text"] and request["why"], request
        return "approve"

    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    monkeypatch.setattr(cli_ask, "ask", answer)
    result = CliRunner().invoke(cli, _args(tmp_path))
    assert result.exit_code == 0 and ": done (this run: 1 document" in result.output, result.output
    assert asked == [([False], [("awaiting_approval",)])]  # before: [False, False, True, True]
    assert opened == [False, True, False]  # before: and True twice more after the answer: 7 opens
