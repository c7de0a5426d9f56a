"""The demo run once for the regression tests that only read what it wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.demo_briefs import demo_db


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `watchdesk demo`'s database and its briefing (b1/); read it, never write into it."""
    folder = tmp_path_factory.mktemp("demo")
    demo_db(folder)
    return folder
