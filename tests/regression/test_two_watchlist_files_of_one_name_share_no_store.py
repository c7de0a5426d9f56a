"""Bug: two watchlist files of one `name` run into one database shared all that is kept by the name: the briefing of a
week (its id is the name and the period), the targets it reached (one file's delivery skipped the other's as already
sent) and the targets the watchlist has (one file's delivery retired the other's failed targets as "removed from the
watchlist"). Now a run or a brief of a file is refused (exit 2, nothing written) while another file of that name, still
there, ran into the database: the message names both files and says what to do. A file moved (the old one gone), or
the other renamed, runs as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store


def _run(tmp_path: Path, wl: Path) -> list[str]:
    return ["run", str(wl), "--replay", str(tmp_path / "pack"), "--db", str(tmp_path / "w.duckdb"), "--out",
            str(tmp_path / "out")]  # fmt: skip


def _rows(db: Path) -> list[tuple[object, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.query("SELECT run_id, watchlist_path FROM runs ORDER BY started_at")


def two_files_of_one_name(tmp_path: Path) -> tuple[Path, Path]:
    """desk/semis.toml and copy/semis.toml, both WATCHLIST, and the replay pack their runs read."""
    nvidia_pack(tmp_path / "pack")
    (desk := tmp_path / "desk").mkdir()
    (copy := tmp_path / "copy").mkdir()
    first, second = desk / "semis.toml", copy / "semis.toml"
    first.write_text(WATCHLIST, encoding="utf-8")
    second.write_text(WATCHLIST, encoding="utf-8")
    return first, second


def test_a_second_file_of_one_name_is_refused_until_it_has_its_own(tmp_path: Path) -> None:
    first, second = two_files_of_one_name(tmp_path)
    db = tmp_path / "w.duckdb"
    assert CliRunner().invoke(cli, _run(tmp_path, first)).exit_code == 0
    before = _rows(db)

    result = CliRunner().invoke(cli, _run(tmp_path, second))
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert (f"{second.resolve()} names its watchlist 'nvda 10-q', as {first.resolve()} does, and that file's runs are "
            f"in {db}: one database keeps runs, briefings and deliveries by the watchlist's name, so the two would "
            "share a briefing and each would retire the other's targets. Give this file another `name = \"...\"`, or "
            f"run it with another --db (if it replaces {first.resolve()}, remove that file or give it another "
            "name)") in said, said  # fmt: skip
    assert _rows(db) == before, "nothing written"

    brief = CliRunner().invoke(cli, ["brief", str(second), "--db", str(db), "--out", str(tmp_path / "b")])
    assert brief.exit_code == EXIT_CONFIG and "names its watchlist 'nvda 10-q', as" in brief.output, brief.output
    assert CliRunner().invoke(cli, ["brief", str(first), "--db", str(db), "--out", str(tmp_path / "b")]).exit_code == 0

    second.write_text(WATCHLIST.replace('name = "nvda 10-q"', 'name = "nvda copy"'), encoding="utf-8")
    assert CliRunner().invoke(cli, _run(tmp_path, second)).exit_code == 0, "a name of its own runs"

    second.write_text(WATCHLIST, encoding="utf-8")
    first.unlink()  # moved: the file its runs name is gone
    moved = CliRunner().invoke(cli, _run(tmp_path, second))
    assert moved.exit_code == 0, moved.output
