"""Shared test configuration.

Sockets are disabled for every test by pytest-socket (see pyproject addopts); only loopback
hosts are allowed, so a test that tries to reach SEC fails instead of hanging.
"""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by tests keep their caches (HTTP, compiled flagging regexes) in a temporary folder, not ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("WATCHDESK_CACHE_DIR", str(tmp_path_factory.mktemp("watchdesk-cache")))
    yield
    patch.undo()


@pytest.fixture()
def cron_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home whose ~/.config/watchdesk/env (what a scheduled run reads) holds an SEC identity, for the tests of
    `schedule install` that are about something else (install refuses while the runs would lack it)."""
    home = tmp_path / "cron-home"
    env = home / ".config" / "watchdesk" / "env"
    env.parent.mkdir(parents=True)
    env.write_text("export WATCHDESK_SEC_IDENTITY='Test Desk desk@example.com'\n")
    monkeypatch.setenv("HOME", str(home))
    return env
