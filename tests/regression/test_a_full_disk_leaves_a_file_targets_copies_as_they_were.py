"""Bug (a delivery review): a file target's copies were written in place (shutil.copyfile), so a disk that filled
mid-copy left the folder's last briefing cut short: its .html 4,096 of 14,356 bytes, beside this week's whole .md,
while the delivery said 'failed (OSError: [Errno 28] No space left on device: ...)'. Now the copies are written
beside their places and renamed over them together: a full disk leaves the folder's files as they were, with no
temporary file, and says 'the disk is full (No space left on device) where FOLDER is: its files are as they were'.
A real tiny tmpfs where this machine lets the test mount one, and the full disk injected at the copy's fsync anywhere.
The hard-link rule this makes: a copy also linked elsewhere is replaced, not written through (the link keeps its
briefing)."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.test_delivery import watchlist, written
from watchdesk.agents.briefing import files
from watchdesk.agents.briefing.agent import BriefingFiles
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

LAST_WEEK = {".md": "# watchdesk briefing: last week\n",
             ".html": "<!DOCTYPE html><title>watchdesk briefing: last week</title>\n"}  # fmt: skip


def _last_week_there(store: Store, tmp_path: Path, folder: Path) -> tuple[BriefingFiles, dict[str, str]]:
    """The briefing written, a copy of it in `folder` as last week's; what the folder holds."""
    written_ = written(store, tmp_path)
    folder.mkdir(exist_ok=True)
    for src in written_.paths.values():
        (folder / src.name).write_text(LAST_WEEK[src.suffix], encoding="utf-8")
    return written_, {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def _delivered(store: Store, briefing: BriefingFiles, folder: Path) -> list[str]:
    said: list[str] = []
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{folder}"\n')
    deliver_briefing(briefing, watchlist=wl, settings=Settings(), store=store, run_id="r1", report=said.append,
                     resend=True)  # fmt: skip
    return said


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs, nearly full: room for last week's small copies, not for this week's."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                                           capture_output=True).returncode:  # fmt: skip
        pytest.skip("no tmpfs can be mounted here (not root, or in a container that forbids it): "
                    "test_a_full_disk_at_the_copy_leaves_the_folder_as_it_was injects it")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_real_full_disk_leaves_the_folder_as_it_was(tmp_path: Path, tiny_disk: Path) -> None:
    folder = tiny_disk / "copies"
    with Store.open(":memory:") as store:
        briefing, before = _last_week_there(store, tmp_path, folder)
        (tiny_disk / "filler").write_bytes(b"x" * (64 * 1024 - 12 * 1024))  # less room than this week's .html
        said = _delivered(store, briefing, folder)
    assert said == [f"delivery file {folder}: failed (the disk is full (No space left on device) where {folder} is: "
                    "its files are as they were)"], said  # fmt: skip
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == before, "as they were, nothing else"


def test_a_full_disk_at_the_copy_leaves_the_folder_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "copies"
    synced, calls = os.fsync, []

    def full(fd: int) -> None:  # the second copy finds no room: the first is written by then
        if calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        calls.append(fd)
        synced(fd)

    with Store.open(":memory:") as store:
        briefing, before = _last_week_there(store, tmp_path, folder)
        monkeypatch.setattr(files.os, "fsync", full)
        said = _delivered(store, briefing, folder)
    assert "its files are as they were" in said[0], said
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()} == before


def test_a_copy_linked_elsewhere_is_replaced_not_written_through(tmp_path: Path) -> None:
    folder, kept = tmp_path / "copies", tmp_path / "kept"
    kept.mkdir()
    with Store.open(":memory:") as store:
        briefing, _before = _last_week_there(store, tmp_path, folder)
        for copy in folder.iterdir():
            os.link(copy, kept / copy.name)  # a hard link: one file, two names
        assert _delivered(store, briefing, folder) == [f"delivery file {folder}: sent"]
        for src in briefing.paths.values():
            assert (folder / src.name).read_bytes() == src.read_bytes()  # this week's briefing
            assert (kept / src.name).read_text(encoding="utf-8") == LAST_WEEK[src.suffix]  # the other name's, kept
