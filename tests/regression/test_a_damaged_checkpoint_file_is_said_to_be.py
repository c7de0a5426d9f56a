"""Bug: a damaged checkpoint file beside the store (`w.duckdb.checkpoints.sqlite`: a full disk, a stray edit) made
every run fail as a bug, "unexpected DatabaseError in __init__.py:144: file is not a database; please report it"
(or "database disk image is malformed"), exit 1, after it had resolved the tickers and recorded a `failed` run. Now a
run says which file is damaged, that it holds only what runs need to resume, and how to go on, before it asks for
anything or writes a row (exit 2); moved aside, the next run completes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store


def run(tmp: Path) -> Result:
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    pack = tmp / "pack" if (tmp / "pack").is_dir() else nvidia_pack(tmp / "pack")
    return CliRunner().invoke(cli, ["run", str(wl), "--replay", str(pack), "--db", str(tmp / "w.duckdb"),
                                    "--out", str(tmp / "out")])  # fmt: skip


@pytest.mark.parametrize("damage", ["not sqlite", "cut short"])
def test_a_damaged_checkpoint_file_stops_a_run_before_it_starts(tmp_path: Path, damage: str) -> None:
    assert run(tmp_path).exit_code == 0
    checkpoints = tmp_path / "w.duckdb.checkpoints.sqlite"
    data = checkpoints.read_bytes()
    checkpoints.write_bytes(b"not a checkpoint file\n" if damage == "not sqlite" else data[: len(data) // 3])
    result = run(tmp_path)
    said = " ".join(result.stderr.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert "unexpected" not in said and "resolving tickers" not in said, said
    assert (f"error: the checkpoint file {checkpoints} is damaged (") in said, said
    assert ("it holds only the saved state that interrupted runs and runs awaiting approval resume from, none of "
            "the store's data. Move it aside (`mv ") in said, said
    assert "then run again; a run it held can no longer be resumed or approved: reject it" in said, said
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT status FROM runs") == [("done",)], "no run row written"
    checkpoints.rename(tmp_path / "aside.sqlite")
    assert run(tmp_path).exit_code == 0, "moved aside, the next run completes"
