"""Bug: a store whose folder takes no new file (immutable, `chattr +i`, which stops even root; read-only to the user;
a read-only mount) while the file itself may be written: DuckDB opens the file all the same and fails at the first
commit, when it makes its log (FILE.wal) beside it. `watchdesk brief` said "unexpected TransactionException in
store.py:254: ... Cannot open file ".../w.duckdb.wal": Operation not permitted; please report it", exit 1, and `run`
called the checkpoint file beside it "damaged (unable to open database file)" and told the user to move it aside.
Now each says the folder cannot be written, why, and what to do, exit 2, before anything is done; the store is as it
was and reading it still works. A real `chattr +i` where this machine allows it, a real read-only folder where the
user is not root, and the refusal's errno injected at the open call that asks the folder."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph import paths
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store import beside
from watchdesk.store.store import Store

HINTS = {
    errno.EROFS: "Read-only file system: its file system is mounted read-only",
    errno.EACCES: "Permission denied: this user may not write it: `ls -ld {folder}` shows its owner and mode",
    errno.EPERM: "Operation not permitted: the folder is probably marked immutable: `lsattr -d {folder}` shows an i, "
                 "and `chattr -i {folder}` (as root) lifts it",
}


def _said(db: Path, code: int) -> str:
    return (f"error: the database {db} cannot be written: its folder {db.parent} refuses new files "
            f"({HINTS[code].format(folder=db.parent)}), and DuckDB writes its log (w.duckdb.wal) and temporary files "
            "beside the database. This command records what it does in it, so it stopped before doing anything; make "
            "the folder writable, or copy the database to a folder that can be written and pass --db with the copy")


def _run(tmp_path: Path) -> list[str]:
    return ["run", str(tmp_path / "w.toml"), "--replay", str(tmp_path / "pack"), "--db",
            str(tmp_path / "store" / "w.duckdb"), "--out", str(tmp_path / "out")]  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """store/w.duckdb, one run in it, its log merged (the folder holds the file and the checkpoint file)."""
    (tmp_path / "w.toml").write_text(WATCHLIST, encoding="utf-8")
    nvidia_pack(tmp_path / "pack")
    (tmp_path / "store").mkdir()
    assert CliRunner().invoke(cli, _run(tmp_path)).exit_code == 0
    return tmp_path / "store" / "w.duckdb"


def _as_it_was(db: Path) -> Iterator[None]:
    """The folder's files and the store's bytes the same after as before; reading the store still works."""
    before = {p.name: p.read_bytes() for p in db.parent.iterdir()}
    yield
    assert {p.name: p.read_bytes() for p in db.parent.iterdir()} == before, "nothing written, nothing left beside it"
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM runs") == [(1,)]


def _refused(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert "unexpected" not in said and "damaged" not in said and "Traceback" not in said, said
    return said


@pytest.mark.parametrize("code", list(HINTS))
def test_brief_says_the_folder_refuses_the_log(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               code: int) -> None:  # fmt: skip
    opened = os.open

    def refuse_in_folder(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        # a nameless file in the folder (O_TMPFILE), or a named one where the file system makes none
        nameless = Path(path) == store.parent and flags & os.O_TMPFILE == os.O_TMPFILE
        if nameless or (Path(path).parent == store.parent and flags & os.O_CREAT):
            raise OSError(code, os.strerror(code), str(path))
        return opened(path, flags, *args)

    monkeypatch.setattr(beside.os, "open", refuse_in_folder)
    checked = _as_it_was(store)
    next(checked)
    said = _refused(["brief", str(tmp_path / "w.toml"), "--db", str(store), "--out", str(tmp_path / "again")])
    assert _said(store, code) in said, said
    assert not (tmp_path / "again").exists()
    next(checked, None)


def test_a_run_says_it_before_any_fetch(store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    access = os.access
    monkeypatch.setattr(paths.os, "access", lambda p, mode: access(p, mode) and Path(p) != store.parent)
    checked = _as_it_was(store)
    next(checked)
    said = _refused(_run(tmp_path))
    folder = store.parent
    assert (f"--db: the database {store} cannot be written: its folder refuses new files ({folder} is read-only, "
            f"though its mode allows writing: it is probably marked immutable, which `lsattr -d {folder}` shows as an "
            f"i and `chattr -i {folder}` (as root) lifts), and DuckDB writes its log (w.duckdb.wal) and temporary "
            "files beside the database; make the folder writable, or copy the database to a folder that can be written "
            "and pass --db with the copy") in said, said
    assert "nothing was fetched" in said, said
    next(checked, None)


@pytest.mark.parametrize("file_too", [False, True], ids=["file writable", "file immutable too"])
def test_an_immutable_folder_is_said_and_kept(store: Path, tmp_path: Path, file_too: bool) -> None:
    """A real `chattr +i` of the folder (and of the file): root on ext4, xfs, btrfs or tmpfs."""
    folder = store.parent
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
        pytest.skip("chattr +i is not possible here (not root, or the file system has no such attribute); "
                    "test_brief_says_the_folder_refuses_the_log injects its errno")
    checked = _as_it_was(store)
    try:
        if file_too:
            subprocess.run(["chattr", "+i", str(store)], check=True)
        next(checked)
        brief = _refused(["brief", str(tmp_path / "w.toml"), "--db", str(store), "--out", str(tmp_path / "again")])
        assert _said(store, errno.EPERM) in brief, brief
        assert _said(store, errno.EPERM) in _refused(["runs", "--db", str(store), "--upgrade"])
        run = _refused(_run(tmp_path))
        assert f"--db: the database {store} cannot be written" in run, run  # the file first, when it refuses too
        assert f"{store if file_too else folder} is read-only, though its mode allows writing: it is probably marked " \
               "immutable" in run, run
        assert CliRunner().invoke(cli, ["runs", "--db", str(store)]).exit_code == 0, "reading it still works"
    finally:
        subprocess.run(["chattr", "-i", str(folder), str(store)], check=True)
    next(checked, None)


def test_a_read_only_folder_is_said_and_kept(store: Path, tmp_path: Path) -> None:
    folder = store.parent
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes into a read-only folder all the same (root; `unshare -U pytest ...` runs it "
                        "as a root without that power): test_brief_says_the_folder_refuses_the_log injects its errno")
        checked = _as_it_was(store)
        next(checked)
        brief = _refused(["brief", str(tmp_path / "w.toml"), "--db", str(store), "--out", str(tmp_path / "again")])
        assert _said(store, errno.EACCES) in brief, brief
        run = _refused(_run(tmp_path))
        assert f"its folder refuses new files ({folder} is read-only), and DuckDB writes its log" in run, run
    finally:
        folder.chmod(0o755)
    next(checked, None)
