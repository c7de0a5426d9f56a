"""Bug: the check that two watchlist files of one name do not share a store (graph/watchlist_names.py) stated, opened
and fully validated every other file any run of that name had ever come from, on every run: a store whose runs named
1,000 old paths (moved folders, temporary copies) took 1.3 s per run before any work. Now only files that ran since
this one last did are looked at, so a weekly run of the file that ran last opens none of them; of two files of one name
the one that ran last keeps running and the other is refused, so the two still never both run into one store."""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from tests.regression.test_two_watchlist_files_of_one_name_share_no_store import _run, two_files_of_one_name
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store

OPENED: list[str] | None = None  # the files opened while a test listens (an audit hook cannot be removed)


def _listen(event: str, args: tuple[object, ...]) -> None:
    if OPENED is not None and event == "open" and isinstance(args[0], str | Path):
        OPENED.append(str(args[0]))


sys.addaudithook(_listen)


def _older_runs_from(db: Path, paths: list[Path]) -> None:
    """Runs of the watchlist's name from `paths`, a day before the one run in `db` (a copy of it)."""
    with Store.open(db) as store:
        for n, path in enumerate(paths):
            store.query("INSERT INTO runs SELECT * REPLACE (? AS run_id, ? AS watchlist_path, started_at - INTERVAL 1 "
                        "DAY AS started_at) FROM runs LIMIT 1", [f"old-{n}", str(path)])  # fmt: skip


def test_a_run_of_the_file_that_ran_last_opens_no_other(tmp_path: Path) -> None:
    global OPENED
    nvidia_pack(tmp_path / "pack")
    (desk := tmp_path / "desk").mkdir()
    first = desk / "semis.toml"
    first.write_text(WATCHLIST, encoding="utf-8")
    assert CliRunner().invoke(cli, _run(tmp_path, first)).exit_code == 0
    olds = [tmp_path / "old" / str(n) / "semis.toml" for n in range(200)]
    for n, old in enumerate(olds):  # copies since renamed inside, and ones since gone
        old.parent.mkdir(parents=True)
        if n % 2:
            old.write_text(WATCHLIST.replace('name = "nvda 10-q"', f'name = "copy {n}"'), encoding="utf-8")
    _older_runs_from(tmp_path / "w.duckdb", olds)

    OPENED = []
    try:
        again = CliRunner().invoke(cli, _run(tmp_path, first))
        opened = [p for p in OPENED if p.startswith(str(tmp_path / "old"))]
    finally:
        OPENED = None
    assert again.exit_code == 0, again.output
    assert opened == [], f"{len(opened)} other watchlist files opened, such as {opened[:3]}"


def test_of_two_files_of_one_name_the_one_that_ran_last_runs_on(tmp_path: Path) -> None:
    first, second = two_files_of_one_name(tmp_path)
    assert CliRunner().invoke(cli, _run(tmp_path, first)).exit_code == 0
    refused = CliRunner().invoke(cli, _run(tmp_path, second))
    assert refused.exit_code == EXIT_CONFIG, refused.output  # a new file of the name: refused, as before
    assert f"as {first.resolve()} does" in " ".join(refused.output.split()), refused.output

    first.rename(tmp_path / "away.toml")  # moved: the second runs in its place
    assert CliRunner().invoke(cli, _run(tmp_path, second)).exit_code == 0
    (tmp_path / "away.toml").rename(first)  # and back: the first is now the one refused, naming the second
    back = CliRunner().invoke(cli, _run(tmp_path, first))
    said = " ".join(back.output.split())
    assert back.exit_code == EXIT_CONFIG, said
    assert f"names its watchlist 'nvda 10-q', as {second.resolve()} does" in said, said
    assert CliRunner().invoke(cli, _run(tmp_path, second)).exit_code == 0, "the file that ran last runs on"
    brief = CliRunner().invoke(cli, ["brief", str(first), "--db", str(tmp_path / "w.duckdb"), "--out",
                                     str(tmp_path / "b")])  # fmt: skip
    assert brief.exit_code == EXIT_CONFIG and f"as {second.resolve()} does" in " ".join(brief.output.split())
