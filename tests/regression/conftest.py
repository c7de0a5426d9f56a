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
