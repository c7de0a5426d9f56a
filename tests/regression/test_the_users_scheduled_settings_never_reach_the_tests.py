"""`watchdesk approve` now reads ~/.config/watchdesk/env for what its shell leaves unset, as a scheduled run does. The
tests ran with the developer's own HOME, so on a machine whose env file holds a real WATCHDESK_SMTP_URL a test
approving a run with an e-mail target could have sent mail through that server. tests/conftest.py now gives the
session (and every process it starts) a HOME of its own wherever such a file exists. This runs pytest on the probe
below with a HOME holding an env file that names an SMTP server and a webhook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = "WATCHDESK_TEST_SETTINGS_PROBE"


def test_a_session_started_from_a_home_with_an_env_file_never_reads_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = home / ".config" / "watchdesk" / "env"
    env.parent.mkdir(parents=True)
    env.write_text("export WATCHDESK_SMTP_URL='smtp://user:secret@mail.example.com:587'\n"
                   "export WATCHDESK_WEBHOOK_TEAM='https://hooks.slack.com/services/T/B/X'\n")
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         f"{__file__}::test_probe_the_session_home"],
        env={**os.environ, "HOME": str(home), PROBE: str(home)}, capture_output=True, text=True, check=False,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "1 passed" in ran.stdout, ran.stdout


def test_probe_the_session_home() -> None:
    """Run only by the test above: inside a session started with HOME holding an env file."""
    started_in = os.environ.get(PROBE)
    if not started_in:
        pytest.skip("a probe the test above runs in its own pytest session")
    from watchdesk.graph.cron_env import env_file

    assert Path.home() != Path(started_in)
    assert not env_file().exists()
    said = subprocess.run(["sh", "-c", 'printf %s "$HOME"'], capture_output=True, text=True, check=True).stdout
    assert said == str(Path.home()), said  # and what the session starts gets that HOME too
