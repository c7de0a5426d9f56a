"""The notebooks read a store without holding it, and say plainly why they cannot read a file.

A review found: a notebook left open blocked the next `watchdesk run` (its kernel kept a read-only connection,
which in DuckDB blocks a writer); explore_run.ipynb crashed on a store from an older watchdesk ("Table with name
current_findings does not exist"), called a file that is no DuckDB database "held by another process", crashed on
a DuckDB file that is no watchdesk store, and showed a killed run as `running`; filing_changes.ipynb read
../watchdesk.duckdb when WATCHDESK_DB named a missing file, and showed DuckDB's IOException on a held file.
Each notebook runs here in a real kernel, as `pytest --nbmake` runs it, with WATCHDESK_DB set.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from tests.conftest import REPO
from tests.regression.test_a_cut_short_store_is_said_to_be import cut_store
from tests.timing import slowdown
from tests.unit.test_store_reader import old_store
from watchdesk.store import reader
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

NOTEBOOKS = REPO / "notebooks"
EXPLORE, CHANGES = "explore_run.ipynb", "filing_changes.ipynb"


# ipykernel's launcher as Jupyter's python3 kernel runs it (`python -m ipykernel_launcher -f FILE`), with debugpy
# not importable: ipykernel then leaves its debugger out, its own fallback where debugpy is not installed
_WITHOUT_DEBUGGER = ("import runpy, sys; sys.modules['debugpy'] = None; "
                     "runpy.run_module('ipykernel_launcher', run_name='__main__', alter_sys=True)")  # fmt: skip


class _WithoutDebugger(KernelSpecManager):
    """Jupyter's python3 kernel started without ipykernel's debugger. ipykernel imports debugpy at each start, ~0.8 s
    of a kernel's ~1.5 s of CPU, to serve a front end's debug requests, which no test sends; the suite starts about
    twenty kernels. Cells run alike with or without it. nbmake's runs of the notebooks, and filing_changes_run (nbmake's
    check of filing_changes.ipynb), keep Jupyter's kernel as it is installed."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        spec = super().get_kernel_spec(kernel_name)
        if spec.argv[1:3] == ["-m", "ipykernel_launcher"]:  # another launcher is left as it is: slower, never wrong
            spec.argv = [spec.argv[0], "-c", _WITHOUT_DEBUGGER, *spec.argv[3:]]
        return spec


class _KernelWithoutDebugger(KernelManager):
    def __init__(self, **options: Any) -> None:
        super().__init__(kernel_spec_manager=_WithoutDebugger(), **options)


def kernel_client(nb: nbformat.NotebookNode, folder: Path, *, debugger: bool = False, **options: Any) -> NotebookClient:
    """A client running `nb` in a python3 kernel started in `folder`, as Jupyter runs it (without ipykernel's debugger
    unless `debugger`: _WithoutDebugger): 60 s for the kernel to start
    and 120 s for a cell (nbclient's start-up default and ours) on an idle machine, times how much slower than CPU time
    the wall clock runs now (tests/timing.slowdown): a load of 20 on two cores makes a kernel's start-up 5-10x longer
    in wall time, and the bounds are there to stop a hung kernel, not a busy machine."""
    scale = slowdown()
    manager = KernelManager if debugger else _KernelWithoutDebugger
    return NotebookClient(nb, kernel_manager_class=manager, timeout=round(120 * scale),
                          startup_timeout=round(60 * scale), kernel_name="python3",
                          resources={"metadata": {"path": str(folder)}}, **options)  # fmt: skip


# Made at the start of each run in the reused kernel, as a new kernel is for the notebook: no variable of an earlier
# run (IPython's `%reset -f`, twice: this cell's own names go too), no figure left open, the run's environment alone,
# the run's folder
_AS_NEW = """%reset -f
import json, os, sys
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
os.chdir({folder!r})
for name in [name for name in os.environ if not name.startswith("JPY_")]:  # JPY_: the kernel's own, from its start
    del os.environ[name]
os.environ.update(json.loads({env!r}))
%reset -f
"""
_reused: list[NotebookClient] = []  # this test process's kernel for the runs that need none of their own


@contextmanager
def in_a_kernel(
    nb: nbformat.NotebookNode,
    env: dict[str, str],
    *,
    folder: Path = NOTEBOOKS,
    fresh: bool = False,
    debugger: bool = False,
    **options: Any,
) -> Iterator[NotebookClient]:
    """A client to run `nb`'s cells with the environment `env` in a kernel in `folder`. `fresh` (or `debugger`):
    in a kernel of its own, started with `env` and shut down after, as nbmake runs a notebook. Else in this test
    process's one reused kernel (started at its first use, without the debugger), made as a new one is for the
    notebook first (_AS_NEW: no variable left, the run's environment, its folder): what stays from an earlier run is
    what a Python process keeps, the modules it imported (watchdesk's store reader, DuckDB), so a run costs its cells,
    not a kernel's start and first imports (~0.9 s of CPU, 3-10 s of wall at a load of 10; matplotlib's ~2 s). For the
    tests of what explore_run.ipynb shows of a store or says of a file it cannot read, and of filing_changes.ipynb's
    chart without the team's fixtures; a test of the kernel itself (an open kernel blocks no run), nbmake's runs and
    filing_changes_run start a kernel of their own."""
    if fresh or debugger:
        client = kernel_client(nb, folder, debugger=debugger, **options)
        with client.setup_kernel(env=env):
            yield client
        return
    if not _reused or _reused[0].km is None or not _reused[0].km.is_alive():
        stop_the_reused_kernel()
        started = kernel_client(nbformat.v4.new_notebook(), NOTEBOOKS)
        started.km = started.create_kernel_manager()
        started.start_new_kernel(env=env)
        started.start_new_kernel_client()
        _reused.append(started)
    client = _reused[0]
    client.nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(_AS_NEW.format(folder=str(folder), env=json.dumps(env)))])  # fmt: skip
    client.allow_errors = False
    client.execute_cell(client.nb.cells[0], 0)
    client.nb, client.allow_errors = nb, options.get("allow_errors", False)
    try:
        yield client
    except BaseException:  # a cell timed out, or the test stopped mid-run: the next run gets a new kernel
        stop_the_reused_kernel()
        raise


def stop_the_reused_kernel() -> None:
    """Shut down this process's reused kernel, if it has one (tests/conftest.py, at the session's end: the kernel's
    CPU is then counted as this process's, as a kernel shut down after its test is)."""
    while _reused:
        client = _reused.pop()
        if client.km is not None:
            client._cleanup_kernel()


# what the last cell, run again on another store (None: WATCHDESK_DB unset), showed: (its error or "", its outputs)
Again = Callable[[Path | None], tuple[str, list[dict[str, Any]]]]


def execute(
    name: str,
    db: Path,
    *,
    between_cells: Callable[[], None] = lambda: None,
    last_cell_again: Callable[[Again], None] = lambda _: None,
    env: dict[str, str | None] | None = None,
    debugger: bool = False,
    fresh: bool = False,
) -> tuple[str, str]:
    """Run the notebook with WATCHDESK_DB=db (and `env`, where None unsets a variable) up to its first error:
    (printed output, error or "").
    `between_cells` runs after each code cell, with the kernel alive, as an analyst's kernel stays open.
    `last_cell_again(again)`, once the notebook ran without error: `again(other)` runs its last cell once more in
    the same kernel with WATCHDESK_DB=other, as an analyst who points the variable elsewhere and re-runs it: its
    error or "", and its outputs. For the last cell's messages without the earlier cells' work (filing_changes.ipynb
    compares eight filings first). `debugger`: in Jupyter's python3 kernel as installed (kernel_client); `fresh`: in a
    kernel of its own, else in this process's reused one (in_a_kernel)."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    error = ""
    given = {**os.environ, "WATCHDESK_DB": str(db), "MPLBACKEND": "Agg", **(env or {})}
    kernel_env = {name: value for name, value in given.items() if value is not None}

    def again(other: Path | None) -> tuple[str, list[dict[str, Any]]]:
        index = max(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
        # one cell, as the analyst's edit would be: the variable set, then the last cell's code as it stands
        setting = "import os\n" + ("os.environ.pop('WATCHDESK_DB', None)\n" if other is None else
                                   f"os.environ['WATCHDESK_DB'] = {str(other)!r}\n")  # fmt: skip
        cell = nbformat.v4.new_code_cell(setting + nb.cells[index].source)
        try:
            client.execute_cell(cell, index)
        except CellExecutionError as exc:
            return re.sub(r"\x1b\[[0-9;]*m", "", str(exc)), cell.outputs
        return "", cell.outputs

    with in_a_kernel(nb, kernel_env, fresh=fresh, debugger=debugger) as client:
        try:
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
                if cell.cell_type == "code":
                    between_cells()
        except CellExecutionError as exc:
            error = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))  # IPython colours its tracebacks
        # what the notebook printed, before a last cell run again that succeeds takes the last cell's place in `nb`
        printed = "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []))
        if not error:
            last_cell_again(again)
    return printed, error


def store_with_a_killed_run(path: Path) -> Path:
    with Store.open(path) as store:
        store.save_run(RunRecord(run_id="killed-run", watchlist="w", watchlist_hash="h", mode="live",
                                 status="running", started_at=datetime(2026, 11, 23, tzinfo=UTC)))  # fmt: skip
    return path


@contextmanager
def held_for_writing(db: Path) -> Iterator[None]:
    # held until killed: a 60 s sleep let go while a kernel on a loaded machine was still starting
    code = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        yield
    finally:
        holder.kill()
        holder.wait()


# Another program, asked on its standard input to open a file as a writer (and close it at once): "ok" or "no".
_WRITER = """import sys, duckdb
while line := sys.stdin.readline():
    try:
        duckdb.connect(line.rstrip("\\n")).close()
    except Exception:
        print("no", flush=True)
    else:
        print("ok", flush=True)
"""
_writers: list[subprocess.Popen[str]] = []


def writer_can_open(db: Path) -> bool:
    """Whether another process can open `db` for writing now, as the next `watchdesk run` would. That process is
    started once per test process and asked for each file (a kernel's test asks after each cell): each ask was a
    Python of its own importing DuckDB, ~0.3 s of CPU, a dozen per notebook run."""
    if not _writers or _writers[0].poll() is not None:
        _writers[:] = [subprocess.Popen([sys.executable, "-c", _WRITER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)]  # fmt: skip
        atexit.register(_writers[0].kill)
    writer = _writers[0]
    assert writer.stdin is not None and writer.stdout is not None
    writer.stdin.write(f"{db}\n")
    writer.stdin.flush()
    return writer.stdout.readline().strip() == "ok"


@dataclass(frozen=True)
class ChangesRun:
    """filing_changes.ipynb run once in one kernel on a store with a killed run (db), a writer opening the store
    between its cells (opened: whether it could), then its last cell once more in that kernel on each of `again`'s
    stores: a missing file, the store held for writing by another program, a damaged store (cut short), the demo's
    store, and with WATCHDESK_DB unset ("unset"). The notebook compares eight fixture filings first (~10 s of CPU with
    the kernel's start): test_an_open_kernel_does_not_block_a_run, test_a_section_not_compared_shows_no_similarity.py,
    test_the_filing_notebook_lists_what_changed.py and test_a_notebook_on_a_bad_store_says_so_once_in_its_own_terms.py
    each ran it so, and now read this one run (tests/conftest.py::filing_changes_run). It runs as nbmake runs the
    notebook (Jupyter's python3 kernel as installed, matplotlib's inline backend; the last cell also without
    WATCHDESK_DB), and is nbmake's check of it where both would run (tests/conftest.py::_OneRunOfFilingChanges)."""

    db: Path
    printed: str
    error: str
    opened: list[bool]
    again: dict[str, tuple[str, list[dict[str, Any]]]]  # "missing", "held", "damaged", "demo": (error or "", outputs)


def filing_changes_once(folder: Path, demo_db: Path) -> ChangesRun:
    db = store_with_a_killed_run(folder / "wd.duckdb")
    opened: list[bool] = []
    again_on: dict[str, tuple[str, list[dict[str, Any]]]] = {}

    def on_other_stores(again: Again) -> None:
        again_on["missing"] = again(folder / "typo.duckdb")
        with held_for_writing(db):
            again_on["held"] = again(db)
        (folder / "damaged").mkdir()
        again_on["damaged"] = again(cut_store(folder / "damaged", keep=0.5))
        again_on["demo"] = again(demo_db)
        again_on["unset"] = again(None)

    # the kernel's own matplotlib backend (inline), as nbmake's and Jupyter's: the chart is drawn as a user sees it
    printed, error = execute(CHANGES, db, between_cells=lambda: opened.append(writer_can_open(db)),
                             last_cell_again=on_other_stores, debugger=True,
                             env={"WATCHDESK_NOTEBOOK_OUT": str(folder), "MPLBACKEND": None})  # fmt: skip
    return ChangesRun(db, printed, error, opened, again_on)


@pytest.mark.parametrize("name", [EXPLORE, CHANGES])
def test_an_open_kernel_does_not_block_a_run(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if name == CHANGES:  # filing_changes.ipynb's last cell then refuses a missing file and a held one
        ran: ChangesRun = request.getfixturevalue("filing_changes_run")
        db, printed, error, opened = ran.db, ran.printed, ran.error, ran.opened
        assert f"WATCHDESK_DB names {db.parent / 'typo.duckdb'}, which is not a file" in ran.again["missing"][0]
        held_is_said_plainly(ran.again["held"][0])
        assert ran.again["unset"][0] == ""  # with the check below: nbmake's, which this run makes in its place
    else:
        db, opened = store_with_a_killed_run(tmp_path / "wd.duckdb"), []
        # a kernel of its own: what this test checks is what a kernel left open holds
        printed, error = execute(name, db, between_cells=lambda: opened.append(writer_can_open(db)), fresh=True)
    assert error == ""
    assert opened and all(opened)  # the kernel still runs: it holds nothing between cells
    assert f"reading {db.resolve()}" in printed
    if name == EXPLORE:  # the killed run is shown stale, and left as it is
        assert "killed-run" in printed and reader.STALE_RUNNING in printed
        with duckdb.connect(str(db), read_only=True) as con:
            assert con.execute("SELECT status FROM runs").fetchall() == [("running",)]


def bad_file(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.duckdb"
    if kind == "text":
        path.write_text("hello\n")
    elif kind == "foreign":
        duckdb.connect(str(path)).execute("CREATE TABLE t (x INTEGER)").close()
    elif kind == "old":
        old_store(path, upto=2)
    return path


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("text", "{db} is not a DuckDB database"),
        ("foreign", "{db} is a DuckDB database but not a watchdesk store"),
        ("old", "{db} is a watchdesk store at schema version 2, older than this watchdesk's"),
    ],
)
def test_explore_run_says_why_it_cannot_read_a_file(kind: str, said: str, tmp_path: Path) -> None:
    """A missing file, and a store held for writing, are the regression tests' (each in a kernel of its own, its every
    cell's error checked whole): test_a_notebook_on_a_bad_store_says_so_once_in_its_own_terms.py. Each was run here
    too, in a kernel of its own (~1.5 s of CPU), for a part of the same error."""
    db = bad_file(kind, tmp_path)
    _, error = execute(EXPLORE, db)
    assert said.format(db=db) in error
    assert "held by another process" not in error and "Catalog Error" not in error
    if kind == "old":
        assert f"watchdesk runs --db {db} --upgrade" in error


# filing_changes.ipynb's refusal of a missing file and of a held one: test_an_open_kernel_does_not_block_a_run[CHANGES]


def held_is_said_plainly(error: str) -> None:
    last = error.strip().splitlines()[-1]
    assert last.startswith("DatabaseInUseError: database in use") and "held for writing by another program" in last
    assert "IO Error" not in error  # DuckDB's own error is not chained on
