"""Bug (cost): a `watchdesk run` (and `approve`) that ended done opened its store a second time, read-only, only to read
the deliveries that failed: a new DuckDB database instance (~25-40 ms of CPU: DuckDB registers its built-in functions
in each) and a close, after every run. The run reads them now while its store is still open, and its end says them as
before (test_the_resend_hint_resends, test_a_resend_goes_only_where_it_failed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import cli
from watchdesk.store import db


def test_a_replayed_run_opens_its_store_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, bool]] = []
    connect = db.connect

    def counted(path: Path | str, *, read_only: bool = False, **kwargs: Any) -> Any:
        opened.append((str(path), read_only))
        return connect(path, read_only=read_only, **kwargs)

    monkeypatch.setattr(db, "connect", counted)
    wl, store = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST, encoding="utf-8")
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(store), "--out",
            str(tmp_path / "out")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert opened == [(str(store), False)]  # before: and (store, True), for the failed deliveries
