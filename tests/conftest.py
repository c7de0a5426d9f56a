"""Shared test configuration.

Sockets are disabled for every test by pytest-socket (see pyproject addopts); only loopback
hosts are allowed, so a test that tries to reach SEC fails instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.integration.test_notebooks_read_safely import ChangesRun
    from watchdesk.graph.runner import RunOutcome

REPO = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = REPO.parent / "shared" / "fixtures"
# The folder (a WATCHDESK_CACHE_DIR) whose flagging/ cache the xdist controller filled for its workers.
_SHARED_PATTERNS = "WATCHDESK_TEST_PATTERN_CACHE"


def _keep_the_users_settings_out(config: pytest.Config) -> None:
    """A developer's ~/.config/watchdesk/env (what scheduled runs and `watchdesk approve` read for the settings a
    shell leaves unset: a real SMTP URL, Slack webhooks) never reaches the tests: where it exists, the session and
    every process it starts get a HOME of their own. Without it, a test approving a run with an e-mail target could
    send through the developer's own mail server. Where no such file exists (CI) nothing changes."""
    from watchdesk.graph.cron_env import env_file

    if not env_file().exists():
        return
    before = os.environ["HOME"]
    home = Path(tempfile.mkdtemp(prefix="watchdesk-test-home-"))
    os.environ["HOME"] = str(home)
    config.add_cleanup(lambda: shutil.rmtree(home, ignore_errors=True))
    config.add_cleanup(lambda: os.environ.__setitem__("HOME", before))


def pytest_configure(config: pytest.Config) -> None:
    """With test workers (pytest-xdist), the controller fills one compiled-pattern cache before they start
    (`watchdesk flag --warm-cache`, ~5 s of CPU on an idle machine) and each worker's private cache folder starts as
    a copy of it (_private_cache_dir). Before, each worker compiled the topics' regexes and the Hyperscan databases
    twice over, once in its own process for the tests that flag in-process and once in the first `watchdesk`
    command it ran. Not from the user's ~/.cache: another checkout's cache would lend this one its analyses."""
    _keep_the_users_settings_out(config)
    config.pluginmanager.register(_OneRunOfFilingChanges(), "watchdesk-one-run-of-filing-changes")
    if hasattr(config, "workerinput") or _SHARED_PATTERNS in os.environ or not config.getoption("numprocesses", None):
        return  # a worker (the controller's folder is in its environment), or one process: nothing to share
    folder = Path(tempfile.mkdtemp(prefix="watchdesk-test-patterns-"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    config.add_cleanup(lambda: os.environ.pop(_SHARED_PATTERNS, None))
    warmed = subprocess.run(
        [sys.executable, "-m", "watchdesk.graph.cli", "flag", "--warm-cache"],
        env={**os.environ, "WATCHDESK_CACHE_DIR": str(folder)}, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if warmed.returncode == 0:  # else each worker compiles as it did before: slower, never wrong
        os.environ[_SHARED_PATTERNS] = str(folder)


class _OneRunOfFilingChanges:
    """nbmake's run of notebooks/filing_changes.ipynb is left out (deselected) where
    test_an_open_kernel_does_not_block_a_run[filing_changes.ipynb] runs too: that test's kernel (filing_changes_run)
    runs every cell of the notebook as nbmake does, in a fresh kernel in notebooks/ with the kernel's own matplotlib
    backend, checks that none fails, and runs the last cell again with WATCHDESK_DB unset as nbmake runs it. Both
    compared the same eight fixture filings (~11 s of CPU). After -k and -m have chosen (trylast): alone, either
    runs as before."""

    NOTEBOOK = "notebooks/filing_changes.ipynb"
    KERNEL_TEST = "tests/integration/test_notebooks_read_safely.py::test_an_open_kernel_does_not_block_a_run[{}]"

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        if not any(item.nodeid == self.KERNEL_TEST.format(Path(self.NOTEBOOK).name) for item in items):
            return
        nbmake = [item for item in items if item.nodeid.split("::", 1)[0] == self.NOTEBOOK]
        if nbmake:
            items[:] = [item for item in items if item not in nbmake]
            config.hook.pytest_deselected(items=nbmake)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Python's cycle collector spends less of the suite's CPU: what collection imported (LangGraph, LangChain,
    pydantic's models, DuckDB, hypothesis, every test module: a few hundred thousand objects that live to the end) is
    frozen out of its passes, and a young-generation pass runs every 10,000 new objects, not 700. The suite makes
    many short-lived objects and few cycles; each full pass looked through all that was imported again (the flagging
    and listing code pause the collector on long work for the same reason: agents/flagging/flag.py, store/listing.py).
    Nothing a test checks depends on when the collector runs: cycles are still collected, later."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 50, 100)


@pytest.fixture(scope="session")
def shared_fixtures() -> Path:
    """The team's real-data fixtures folder; tests that need it skip cleanly when it is absent."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside this checkout")
    return SHARED_FIXTURES


@pytest.fixture(scope="session")
def edgar_fixtures(shared_fixtures: Path) -> Path:
    return shared_fixtures / "edgar"


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests keep their caches (HTTP, compiled flagging regexes) in a temporary folder, not ~/.cache.
    Under test workers it starts with the patterns the controller compiled (pytest_configure), which this process's
    own flagging reads too (it keeps them in memory alone otherwise)."""
    from watchdesk.agents.flagging import regex_cache

    folder = tmp_path_factory.mktemp("watchdesk-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("WATCHDESK_CACHE_DIR", str(folder))
    if shared := os.environ.get(_SHARED_PATTERNS):
        shutil.copytree(Path(shared) / "flagging", folder / "flagging")
        regex_cache.use_dir(folder / "flagging")
    yield
    regex_cache.use_dir(None)
    patch.undo()


@pytest.fixture(scope="session", autouse=True)
def _reused_kernel_stopped() -> Iterator[None]:
    """The notebook tests' reused kernel (test_notebooks_read_safely.in_a_kernel), where one was started, shut down
    at the session's end."""
    yield
    if (notebook_tests := sys.modules.get("tests.integration.test_notebooks_read_safely")) is not None:
        notebook_tests.stop_the_reused_kernel()


_STORE_TEMPLATE = "WATCHDESK_TEST_STORE_TEMPLATE"  # read by the commands tests start (graph/settings.py)


@pytest.fixture(scope="session", autouse=True)
def _store_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Each new store, made in this process or by a `watchdesk` command a test starts, is a copy of one empty store
    migrated here once (store/template.py): a store migrated from nothing costs ~0.15 s of CPU, a copy opened ~0.06 s,
    and the suite makes hundreds. The tests of migration itself ask for real_migrations."""
    from watchdesk.store import template
    from watchdesk.store.store import Store

    path = tmp_path_factory.mktemp("store-template") / "template.duckdb"
    with Store.open(path):  # migrated, and closed with its log merged into the file
        pass
    patch = pytest.MonkeyPatch()
    patch.setenv(_STORE_TEMPLATE, str(path))
    template.use(path)
    yield path
    template.use(None)
    patch.undo()


@pytest.fixture
def real_migrations(monkeypatch: pytest.MonkeyPatch, _store_template: Path) -> Iterator[None]:
    """A new store is migrated from nothing, as a user's is, here and in the commands the test starts: for the tests
    of migration itself (what a failure or a Ctrl-C during one does), not about a store's contents."""
    from watchdesk.store import template

    monkeypatch.delenv(_STORE_TEMPLATE, raising=False)
    template.use(None)
    yield
    template.use(_store_template)


def warmed_cache(folder: Path) -> Path:
    """`folder` (a WATCHDESK_CACHE_DIR for a command a test starts) holding a copy of this process's compiled-pattern
    cache where it has one (under test workers: what the controller's `flag --warm-cache` compiled), as an install
    leaves a user's: the command then spends no 5 to 7 s of CPU compiling the topics' regexes and Hyperscan databases
    afresh. For tests about something else than a cold cache; without one, the folder is left empty."""
    ours = Path(os.environ.get("WATCHDESK_CACHE_DIR", "")) / "flagging"
    if os.environ.get("WATCHDESK_CACHE_DIR") and ours.is_dir():
        shutil.copytree(ours, folder / "flagging", dirs_exist_ok=True)
    return folder


@dataclass(frozen=True)
class _DemoTemplate:
    folder: Path
    built: Path  # the folder the demo ran in, which its output names
    stdout: str
    stderr: str
    outcome: RunOutcome  # what the demo's run returned, its paths in `built` (for demo_outcome)


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> _DemoTemplate:
    """`watchdesk demo` run once per test process (~4 s of CPU when warm, 12 to 45 s of wall time on a busy
    machine), then moved aside: the store no longer finds the file where it says it was kept, so a copy keeps the
    demo's identity rather than drawing a copy's, and a second demo into a copy replaces its b1/ briefing as a second
    demo replaces a first one's. Never handed to a test."""
    from tests.regression.demo_briefs import demo_run
    from watchdesk.graph import runner

    built = tmp_path_factory.mktemp("demo-built")
    outcomes: list[RunOutcome] = []
    start_run = runner.start_run

    def kept(*args: Any, **kwargs: Any) -> RunOutcome:
        outcomes.append(start_run(*args, **kwargs))
        return outcomes[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "start_run", kept)
        stdout, stderr = demo_run(built)
    (outcome,) = outcomes
    return _DemoTemplate(built.rename(built.with_name(built.name + "-template")), built, stdout, stderr, outcome)


@pytest.fixture(scope="session")
def demo_store(_demo_template: _DemoTemplate) -> Callable[[Path], Path]:
    """`demo_store(folder)`: what `demo_db(folder)` leaves (the demo's database, its checkpoint file, its replay pack
    under .watchdesk/ and its briefing in b1/), copied in a few milliseconds instead of run; the database's path. For
    the tests that read or change the demo's store; demo_said gives what the demo printed. Each call is a copy of its
    own, so nothing one test writes reaches another."""
    from watchdesk.store.store import Store

    def copy(folder: Path) -> Path:
        shutil.copytree(_demo_template.folder, folder, dirs_exist_ok=True)
        with Store.open(str(folder / "demo.duckdb")):  # records where it is kept, as the demo's own run did
            pass
        return folder / "demo.duckdb"

    return copy


@pytest.fixture(scope="session")
def demo_said(_demo_template: _DemoTemplate, demo_store: Callable[[Path], Path]) -> Callable[[Path], tuple[str, str]]:
    """`demo_said(folder)`: demo_store(folder), and what `watchdesk demo --db FOLDER/demo.duckdb --out FOLDER/b1
    --quiet` printed as it made that store, (stdout, stderr), its folder read as `folder`. For the tests of what a
    first demo says, which need no demo of their own (~4 s of CPU each)."""

    def said(folder: Path) -> tuple[str, str]:
        demo_store(folder)
        built, here = str(_demo_template.built), str(folder)
        return _demo_template.stdout.replace(built, here), _demo_template.stderr.replace(built, here)

    return said


@pytest.fixture(scope="session")
def demo_outcome(_demo_template: _DemoTemplate, demo_store: Callable[[Path], Path]) -> Callable[[Path], RunOutcome]:
    """`demo_outcome(folder)`: demo_store(folder), and the RunOutcome `watchdesk demo`'s run returned as it made that
    store, its briefing's paths read in `folder`. For the tests of what the demo's run stored and returned
    (tests/integration/test_demo.py), which ran a demo of their own (~6 s of CPU warm) for the same run."""
    import dataclasses

    def outcome(folder: Path) -> RunOutcome:
        demo_store(folder)
        ran, built, here = _demo_template.outcome, str(_demo_template.built), str(folder)
        return dataclasses.replace(
            ran,
            briefing_path=ran.briefing_path.replace(built, here) if ran.briefing_path else None,
            briefing_paths=[path.replace(built, here) for path in ran.briefing_paths],
        )

    return outcome


@pytest.fixture(scope="session")
def filing_changes_run(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> ChangesRun:
    """filing_changes.ipynb run once in a kernel, its last cell again on other stores: what the three tests of what it
    shows read (tests/integration/test_notebooks_read_safely.py::ChangesRun)."""
    from tests.integration.test_notebooks_read_safely import filing_changes_once

    folder = tmp_path_factory.mktemp("filing-changes")
    return filing_changes_once(folder, demo_store(folder / "demo"))


@pytest.fixture()
def cron_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose ~/.config/watchdesk/env (what a scheduled run reads) holds an SEC identity, for the tests of
    `schedule install` that are about something else (install refuses while the runs would lack it)."""
    home = tmp_path / "cron-home"
    env = home / ".config" / "watchdesk" / "env"
    env.parent.mkdir(parents=True)
    env.write_text("export WATCHDESK_SEC_IDENTITY='Test Desk desk@example.com'\n")
    env.chmod(0o600)  # as --write-env makes it: one others can read is said (test_an_env_file_open_to_others_is_said)
    monkeypatch.setenv("HOME", str(home))
    return env


@pytest.fixture
def python_sigint_handler() -> Iterator[None]:
    """Ctrl-C as Python reads it (KeyboardInterrupt), for a test that sends itself SIGINT: a suite started in the
    background (`nohup make test &`, some CI runners) inherits SIGINT ignored, and the test then failed before it
    began ("the test needs Python's Ctrl-C handler"). The handler the process had is put back after."""
    import signal

    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


@pytest.fixture
def sigint_recorded() -> Iterator[list[int]]:
    """A Ctrl-C a test sends itself from another thread, recorded and not raised by Python's handler: the signal still
    reaches the store's signal watcher (graph/signals.py: the wakeup pipe), which interrupts DuckDB, and the store
    raises the KeyboardInterrupt where the query returns. Python's own handler raises it at the first Python code the
    main thread runs once the query is back, and that can be a gc callback (hypothesis's, run as the interrupted
    query's error is made): there the KeyboardInterrupt is ignored, a warning of whichever test runs then, and the
    Ctrl-C is lost to the test that sent it."""
    import signal

    got: list[int] = []
    before = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, lambda signum, _frame: got.append(signum))
    yield got
    signal.signal(signal.SIGINT, before)


# The files whose tests take longest (each 20 s of CPU or more, or a long wait): run first, so that under test workers
# (`pytest -n 2`, which hands tests out in their collection order) the suite ends on short tests and neither worker
# idles while the other finishes a long one. The notebooks were collected last: explore_run.ipynb builds the demo in
# its own kernel, ~85 s of wall on a busy machine, which one worker ran alone at the end.
_LONG_FIRST = (
    "tests/integration/test_kill_runs.py",
    "notebooks/explore_run.ipynb",
    "tests/regression/test_the_first_flag_after_an_install_starts_warm.py",
    "tests/unit/test_cuescan.py",
    "tests/integration/test_notebooks_read_safely.py",
    # beside it: the files with tests that read its filing_changes.ipynb run (filing_changes_run), in the same worker
    "tests/regression/test_the_filing_notebook_lists_what_changed.py",
    "tests/regression/test_a_section_not_compared_shows_no_similarity.py",
    "tests/regression/test_a_notebook_on_a_bad_store_says_so_once_in_its_own_terms.py",
    "tests/regression/test_why_a_run_waits_counts_approvals_as_the_run_does.py",
    "tests/unit/test_filing_labels.py",
    "tests/regression/test_a_second_flag_of_a_filing_compiles_nothing.py",
    # its SIGTERM test (one run started, stopped mid-run, approved) ran last in a full run, 22 s at load average 17,
    # while the other worker had nothing left to do
    "tests/regression/test_a_terminated_run_says_how_to_resume.py",
    "tests/regression/test_schedule_install_checks_what_cron_reads.py",
    "tests/unit/test_polarity_shortcuts.py",
    "tests/unit/test_transcript_pdf.py",
    "notebooks/filing_changes.ipynb",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """_LONG_FIRST's files first, in its order; every other test after them in the order collected (a file's tests
    keep theirs, so a module's fixtures are still made once)."""
    rank = {name: n for n, name in enumerate(_LONG_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
