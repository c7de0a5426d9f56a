"""Bug: a store's identity (migration 014), which tags its briefing files' names, was copied with the file. A test
store made as a copy of the real one (`cp watchdesk.duckdb test.duckdb`), briefing the same watchlist into the
same folder, wrote the real store's file names, and each store's briefing of a week replaced the other's (and
the copy's went out through a shared `file` delivery under the real one's name). A store now keeps where it was
made; opened for writing at another path while the file there still exists, it is a copy and draws its own
identity. A store moved or renamed (nothing left where it was) keeps its identity, so a week briefed again
still replaces its file."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.regression.test_briefing_names_never_collide import briefed
from watchdesk.store.store import Store


def test_a_copy_briefs_beside_its_original(tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    with Store.open(tmp_path / "real.duckdb") as store:
        real = briefed(store, name="semis", out=out, url="https://www.sec.gov/real.htm").paths["md"]
    shutil.copy(tmp_path / "real.duckdb", tmp_path / "test.duckdb")
    with Store.open(tmp_path / "test.duckdb") as store:
        test = briefed(store, name="semis", out=out, url="https://www.sec.gov/test.htm").paths["md"]
    assert test != real and sorted(out.iterdir()) == sorted([real, test])
    assert "www.sec.gov/real.htm" in real.read_text() and "www.sec.gov/real.htm" in test.read_text()  # copied rows
    assert "www.sec.gov/test.htm" not in real.read_text()
    with Store.open(tmp_path / "real.duckdb") as store:  # the original is still itself: its week is replaced
        assert briefed(store, name="semis", out=out, url="https://www.sec.gov/real.htm").paths["md"] == real
    with Store.open(tmp_path / "test.duckdb") as store:  # and so is the copy, from now on
        assert briefed(store, name="semis", out=out, url="https://www.sec.gov/test.htm").paths["md"] == test


def test_a_moved_store_keeps_its_identity(tmp_path: Path) -> None:
    out = tmp_path / "briefings"
    with Store.open(tmp_path / "desk.duckdb") as store:
        before = briefed(store, name="semis", out=out).paths["md"]
    (tmp_path / "desk.duckdb").rename(tmp_path / "moved.duckdb")
    with Store.open(tmp_path / "moved.duckdb") as store:
        assert briefed(store, name="semis", out=out).paths["md"] == before
    assert list(out.glob("*.md")) == [before]
