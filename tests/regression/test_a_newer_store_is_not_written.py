"""Bug: a store from a newer watchdesk (its schema past this one's migrations) was written into by every command that
writes: `watchdesk brief --db`, `run`, `demo` and `approve` opened it, migrated nothing and wrote their rows, though
the notebooks and `reading()` refuse it ("written by a newer watchdesk"). The previous release shows what follows:
its `demo --db` on a store migrated to 018 stored the run, 'done', with both filings steps failed as bugs
("unexpected BinderException ... conflict target ... please report it") and their gaps recorded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store import db
from watchdesk.store.store import Store


def newer_store(path: Path) -> Path:
    Store.open(path).close()
    with duckdb.connect(str(path)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (?, 'future', now())", [db.latest_version() + 1])
    return path


@pytest.mark.parametrize("command", [["brief", "--week", "2026-W35", "--out", "b"], ["approve", "2026-11-23-deadbeef"]])
def test_a_store_from_a_newer_watchdesk_is_refused_unwritten(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = newer_store(tmp_path / "new.duckdb")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, [*command, "--db", str(path)])
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.stderr.split())
    assert f"schema version {db.latest_version() + 1}, written by a newer watchdesk than this one" in said
    assert "upgrade watchdesk" in said
    assert path.read_bytes() == before
    assert not (tmp_path / "b").exists()


def test_a_writable_open_refuses_a_newer_store(tmp_path: Path) -> None:
    path = newer_store(tmp_path / "new.duckdb")
    with pytest.raises(ConfigError, match="written by a newer watchdesk"):
        db.connect(path)
