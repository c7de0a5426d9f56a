"""Bug: `schedule install --write-env` appended this shell's settings (WATCHDESK_SMTP_URL with its password, a
webhook URL) to ~/.config/watchdesk/env and only then made the file readable by its owner alone. An env file written
by hand is often readable by all (an editor's 0644), so the secrets stood in a file others could read while they were
written, and stayed there when the write failed (a full disk: no chmod after). Now the file is its owner's alone
before a byte is written (session 44's attack on secrets handling)."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest

from watchdesk.graph import cron_env

SECRET = "smtps://jane:s3cret-pass@smtp.example.com:465"


def test_a_file_readable_by_all_is_made_private_before_the_secret_goes_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "env"
    path.write_text("export WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com'\n")
    path.chmod(0o644)
    modes: list[int] = []
    opened = os.fdopen

    def fdopen(fd: int, *args: Any, **kw: Any) -> Any:
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))  # as the file stands when the secret is about to go in
        return opened(fd, *args, **kw)

    monkeypatch.setattr(cron_env.os, "fdopen", fdopen)
    cron_env.write_env(path, ["WATCHDESK_SMTP_URL"], here={"WATCHDESK_SMTP_URL": SECRET})
    assert modes == [0o600]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text().endswith(f"export WATCHDESK_SMTP_URL={SECRET}\n")
