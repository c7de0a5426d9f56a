"""The demo run once for the regression tests that only read what it wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    """A folder holding `watchdesk demo`'s database and its briefing (b1/); read it, never write into it."""
    folder = tmp_path_factory.mktemp("demo")
    demo_store(folder)
    return folder


@pytest.fixture(scope="session")
def explore_on_the_demo(
    tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]
) -> tuple[Path, str, str]:
    """explore_run.ipynb run once, in a kernel as Jupyter runs it, on a copy of the demo's store as the demo left it:
    (that store, what the notebook printed, its error or ""); read the store, never write into it. For the tests of
    what the notebook shows of the demo (tones by document, quotes of each topic, citations and whole gaps), which
    each ran the same notebook on the same store in a kernel of its own (~3 s of CPU each)."""
    from tests.integration.test_notebooks_read_safely import EXPLORE, execute

    db = demo_store(tmp_path_factory.mktemp("explore-demo"))
    printed, error = execute(EXPLORE, db)
    return db, printed, error
