"""Bug: a notebook's store is found relative to the kernel's folder (notebooks/), a CLI's relative to where it ran
(the repo root), and the notebooks said too little of which file they read. With a `watchdesk.duckdb` in notebooks/
(a `watchdesk demo` run from there) and the one the CLI writes at the repo root, explore_run read the first and
printed its path only, never that the other one exists; `WATCHDESK_DB=watchdesk.duckdb`, as the CLI reads it from
the repo root, was refused in a notebook as "names watchdesk.duckdb, which is not a file", without the folder it
was looked for in. Now the notebook says when it last changed and which other store it left unread (and how to
read that one), and a relative WATCHDESK_DB that names no file is said with the path it was looked for at."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchdesk.sources.errors import ConfigError
from watchdesk.store import reader
from watchdesk.store.store import Store


def test_the_store_read_is_named_with_the_one_left_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for path in (notebooks / "watchdesk.duckdb", tmp_path / "watchdesk.duckdb"):
        Store.open(path).close()
    os.utime(notebooks / "watchdesk.duckdb", (0, datetime(2026, 11, 30, 9, 15, tzinfo=UTC).timestamp()))
    monkeypatch.chdir(notebooks)  # a kernel runs in the notebook's folder
    db = reader.locate(None, fallbacks=reader.NOTEBOOK_FALLBACKS)
    assert db is not None
    said = reader.reading_what(db, fallbacks=reader.NOTEBOOK_FALLBACKS)
    assert said.splitlines() == [
        f"reading {notebooks / 'watchdesk.duckdb'} (last changed 2026-11-30 09:15 UTC)",
        f"not reading {tmp_path / 'watchdesk.duckdb'}, another watchdesk.duckdb: set WATCHDESK_DB to its path to read "
        "that one",
    ]
    (notebooks / "watchdesk.duckdb").unlink()  # one store: just its name and time
    db = reader.locate(None, fallbacks=reader.NOTEBOOK_FALLBACKS)
    assert db is not None
    said = reader.reading_what(db, fallbacks=reader.NOTEBOOK_FALLBACKS)
    assert said.startswith(f"reading {tmp_path / 'watchdesk.duckdb'} (last changed ") and "\n" not in said


def test_a_relative_watchdesk_db_says_where_it_was_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        reader.locate("watchdesk.duckdb", fallbacks=reader.NOTEBOOK_FALLBACKS)
    assert str(caught.value) == (
        f"WATCHDESK_DB names watchdesk.duckdb, which is not a file ({tmp_path / 'watchdesk.duckdb'}: a relative path "
        "is read from the kernel's folder, the notebook's): give its absolute path, or unset it"
    )
