"""Bug: a store found damaged after the run opened it (DuckDB finds a missing block only when a query reads it) became
the step's gap: storing NVIDIA's 10-Q raised DuckDB's "Could not read enough bytes from file", the filing's gap said
"... is damaged ...", the run went on into the damaged file, wrote a briefing of nothing and ended done with exit 0,
so a cron job read a broken store as a quiet week. Now the run stops there as it does when the store is found damaged
at open: exit 2, "error: w.duckdb is damaged: ... Restore it from a copy, or pass --db with a new path to start a new
store.", no gap and no briefing; what the store held before is left as it was."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import run_args
from tests.regression.test_a_cut_short_store_is_said_to_be import DAMAGED
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store import writes
from watchdesk.store.store import Store

# DuckDB's words reading a block past the end of a file cut short
CUT = 'IO Error: Could not read enough bytes from file "{db}": attempted to read 262144 bytes from location 1314816'


def test_a_store_found_damaged_while_a_step_stores_stops_the_run(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    db = tmp_path / "w.duckdb"

    def damaged(*_args: object, **_kw: object) -> None:
        raise duckdb.IOException(CUT.format(db=db))

    monkeypatch.setattr(writes, "replace_spans", damaged)
    result = CliRunner().invoke(cli, run_args(tmp_path))
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"error: {db} {DAMAGED}" in said, said
    assert "gap" not in said and "unexpected" not in said and "briefing written" not in said, said
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir()), "no briefing of a broken store"
    with Store.open(db, read_only=True) as store:
        ((status, error),) = store.query("SELECT status, error FROM runs")
        assert store.query("SELECT count(*) FROM gaps") == [(0,)], "a damaged store is no source's gap"
    assert (status, error) == ("failed", f"{db} {DAMAGED}")
