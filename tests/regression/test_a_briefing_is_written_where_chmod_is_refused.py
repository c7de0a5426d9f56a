"""A review: a briefing folder on a filesystem that refuses chmod (a vfat or exFAT USB drive, some CIFS/SMB mounts:
EPERM) could take no briefing at all: the temporary file was chmodded before it was written and that failure ended
the write, and its descriptor was leaked (os.fdopen never ran). Now the briefing is written with the mode such a
filesystem gives, and no descriptor is left open."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from watchdesk.agents.briefing import files

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts descriptors in /proc/self/fd")


def refuse(*_args: object, **_kw: object) -> None:
    raise PermissionError(1, "Operation not permitted")


def test_a_briefing_is_written_where_chmod_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.os, "chmod", refuse)
    before = len(os.listdir("/proc/self/fd"))
    try:
        files.write_atomic(tmp_path / "briefing.md", "# watchdesk briefing: semis\n")
    finally:
        left_open = len(os.listdir("/proc/self/fd")) - before
    assert left_open == 0
    assert (tmp_path / "briefing.md").read_text(encoding="utf-8") == "# watchdesk briefing: semis\n"
    assert os.listdir(tmp_path) == ["briefing.md"], "no temporary file left"
