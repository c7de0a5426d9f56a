"""Shared test configuration.

Sockets are disabled for every test by pytest-socket (see pyproject addopts); only loopback
hosts are allowed, so a test that tries to reach SEC fails instead of hanging.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = REPO.parent / "shared" / "fixtures"


@pytest.fixture(scope="session")
def shared_fixtures() -> Path:
    """The team's real-data fixtures folder; tests that need it skip cleanly when it is absent."""
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside this checkout")
    return SHARED_FIXTURES


@pytest.fixture(scope="session")
def edgar_fixtures(shared_fixtures: Path) -> Path:
    return shared_fixtures / "edgar"
