"""Bug (the session's review of the notebooks' messages): on a damaged store (cut short, or failing its checksum; also a
file that is no DuckDB database or no watchdesk store) explore_run.ipynb and filing_changes.ipynb said the command
line's advice, "Restore it from a copy, or pass --db with a new path to start a new store.", though a notebook has no
--db: it reads the store WATCHDESK_DB names. And the cells after a failed first cell, run one by one as an analyst
does, failed with NameError: `db` was never set when WATCHDESK_DB named a missing file, and the quoting cell read
`found`, which the cell counting findings sets only when it could read the store. Now a store error shows in a notebook
in its terms (set WATCHDESK_DB, how to set it in the kernel, run the notebook again from its first cell), and every
later cell stops with one line: the store's error again, or, when the first cell found no store, that it found none.
Each notebook runs in a real kernel with every cell executed, errors allowed, as Jupyter runs a cell at a time."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from tests.integration.test_notebooks_read_safely import (
    EXPLORE,
    NOTEBOOKS,
    ChangesRun,
    held_for_writing,
    in_a_kernel,
    store_with_a_killed_run,  # fmt: skip
)
from tests.regression.test_a_cut_short_store_is_said_to_be import cut_store
from watchdesk.store import reader

IN_A_NOTEBOOK = ('set WATCHDESK_DB to another store\'s path (in the notebook: os.environ["WATCHDESK_DB"] = '
                 '"/path/to/watchdesk.duckdb"), then run the notebook again from its first cell.')


def every_cell(name: str, db: Path) -> list[tuple[int, str]]:
    """Run every code cell of the notebook with WATCHDESK_DB=db, on past errors: (cell, what its error shows). In the
    test process's reused kernel, made as a new one for the notebook (in_a_kernel): no variable of an earlier run is
    left, so a cell reading one that its notebook never set still fails with NameError."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    with in_a_kernel(nb, {**os.environ, "WATCHDESK_DB": str(db), "MPLBACKEND": "Agg"}, allow_errors=True) as client:
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    return [(index, shown) for index, cell in enumerate(nb.cells) if cell.cell_type == "code"
            for shown in _errors(cell.outputs)]  # fmt: skip


def _errors(outputs: list[dict[str, Any]]) -> list[str]:
    """What each error among a cell's outputs shows, without IPython's colours."""
    return [re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(out["traceback"])) for out in outputs
            if out["output_type"] == "error"]  # fmt: skip


def _one_line_each(errors: list[tuple[int, str]]) -> None:
    for index, shown in errors:
        assert "\n" not in shown, (index, shown)  # before: NameError, with its traceback
        assert "NameError" not in shown and "--db" not in shown, (index, shown)


def test_a_damaged_store_says_to_set_watchdesk_db_in_every_cell(tmp_path: Path) -> None:
    db = cut_store(tmp_path, keep=0.5)
    errors = every_cell(EXPLORE, db)
    _one_line_each(errors)
    damaged = f"StoreFileError: {db} is damaged: the file ends before DuckDB's data does"
    # every code cell reads the store: each stops on the same line (before: the quoting cell's NameError)
    assert [index for index, _ in errors] == [1, 3, 5, 7, 9, 11]
    for _, shown in errors:
        assert shown.startswith(damaged) and shown.endswith(f"Restore it from a copy, or {IN_A_NOTEBOOK}"), shown


def test_the_filing_changes_notebook_says_it_as_well(filing_changes_run: ChangesRun) -> None:
    """Its one cell that reads a store (the cells before it chart the fixture filings) run on a damaged store, in the
    kernel of the suite's one run of filing_changes.ipynb (tests/conftest.py::filing_changes_run): this test ran the
    whole notebook in a kernel of its own, comparing its eight fixture filings again (~10 s of CPU) before that cell."""
    error, outputs = filing_changes_run.again["damaged"]
    errors = [(-1, shown) for shown in _errors(outputs)]
    assert error and errors, error
    _one_line_each(errors)
    assert all(shown.endswith(IN_A_NOTEBOOK) for _, shown in errors), errors


def test_a_missing_store_stops_every_later_cell_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "typo.duckdb"
    errors = every_cell(EXPLORE, db)
    _one_line_each(errors)
    assert errors[0] == (1, f"ConfigError: WATCHDESK_DB names {db}, which is not a file: give its absolute path, or "
                            "unset it")  # fmt: skip
    assert errors[1:] == [(index, f"StoreFileError: {reader.NOTHING_READ}") for index in (3, 5, 7, 9, 11)]


def test_a_held_store_stops_every_cell_saying_who_holds_it(tmp_path: Path) -> None:
    db = store_with_a_killed_run(tmp_path / "wd.duckdb")
    with held_for_writing(db):
        errors = every_cell(EXPLORE, db)
    _one_line_each(errors)
    assert [index for index, _ in errors] == [1, 3, 5, 7, 9, 11]
    assert all(shown.startswith(f"DatabaseInUseError: database in use: {db} is held for writing by another program")
               for _, shown in errors), errors  # fmt: skip
    assert not [shown for _, shown in errors if "IO Error" in shown]  # DuckDB's own error is not chained on


@pytest.mark.parametrize(("content", "said"), [
    ("hello\n", "is not a DuckDB database (watchdesk's store): set WATCHDESK_DB to the path of a watchdesk.duckdb "
                "file a run wrote (in the notebook"),
    ("", "is empty (0 bytes), not a DuckDB database: remove it and `watchdesk run` or `watchdesk demo` creates the "
         "store there, or set WATCHDESK_DB to the path of the watchdesk.duckdb file a run wrote (in the notebook"),
])  # fmt: skip
def test_a_file_that_is_no_store_is_said_in_a_notebooks_terms(tmp_path: Path, content: str, said: str) -> None:
    from watchdesk.sources.errors import StoreFileError

    db = tmp_path / "w.duckdb"
    db.write_text(content)
    with pytest.raises(StoreFileError) as caught, reader.reading(db):
        pass
    assert "give" in str(caught.value)  # the command line's words are as they were
    (shown,) = caught.value._render_traceback_()
    assert shown.startswith(f"StoreFileError: {db} {said}") and "--db" not in shown, shown
