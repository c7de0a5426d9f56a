"""Task of this session ("a goal renamed: a second briefing file appears beside the first"): a watchlist file whose
`name` was changed (a goal's file written by `watchdesk plan`, "goal-nvda-1a2b3c", renamed "semis") and run or
briefed again for a period it had briefed wrote the new name's pair of files beside the old name's, two briefings of
one week of one file in one folder: measured with the demo's recording, `run w.toml --as-of 2026-07-17` before and
after the rename left 4 files in out. Now the new files replace those the store wrote of that period in that folder
for the same watchlist file under a name its runs no longer bear (the old name's runs all before this one), when they
read as the store wrote them (as test_a_period_briefed_again_replaces_its_files_of_an_older_name.py keeps them); the
old name briefed again by `--name` (its runs older than the new name's) removes nothing, and a file a person edited
stays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

WEEK = "2026-W29"
BODY = '[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\nsources = ["edgar"]\n'


def _run_of(db: Path, wl_file: Path, *, day: date) -> None:
    """A finished run of the watchlist `wl_file` now says, read from that file, on `day`."""
    wl = parse_watchlist(wl_file.read_text(encoding="utf-8"))
    when = datetime.combine(day, time(7), tzinfo=UTC)
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id=f"{day.isoformat()}-{wl.name[:8]}", watchlist=wl.name,
                                 watchlist_hash=wl.fingerprint(), watchlist_json=wl.redacted().model_dump_json(),
                                 mode="live", status="done", started_at=when, finished_at=when, approval="approved",
                                 as_of=day, watchlist_path=str(wl_file)))  # fmt: skip


def _brief(*args: str) -> str:
    done = CliRunner().invoke(cli, ["brief", *args, "--week", WEEK])
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def _renamed(tmp_path: Path) -> tuple[Path, Path, Path, list[Path]]:
    """w.toml run and briefed as "goal-nvda-1a2b3c", then renamed "semis" and run again: the file, database, folder
    and the old name's files."""
    wl, db, out = tmp_path / "w.toml", tmp_path / "w.duckdb", tmp_path / "out"
    wl.write_text('name = "goal-nvda-1a2b3c"\n' + BODY, encoding="utf-8")
    _run_of(db, wl, day=date(2026, 7, 17))
    _brief(str(wl), "--db", str(db), "--out", str(out))
    old = sorted(out.iterdir())
    assert [p.suffix for p in old] == [".html", ".md"]
    wl.write_text('name = "semis"\n' + BODY, encoding="utf-8")
    _run_of(db, wl, day=date(2026, 7, 24))
    return wl, db, out, old


def test_the_renamed_files_week_replaces_the_old_names_files(tmp_path: Path) -> None:
    wl, db, out, old = _renamed(tmp_path)
    said = _brief(str(wl), "--db", str(db), "--out", str(out))
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(name.startswith(f"briefing-semis-{WEEK}-") for name in files), files
    for path in old:
        assert f"replaced {path}: this period's briefing, written before under an older name" in said, said
    again = _brief("--name", "goal-nvda-1a2b3c", "--db", str(db), "--out", str(out))
    assert "replaced" not in again and len(list(out.iterdir())) == 4, again  # the old name asked for by name


def test_an_edited_file_of_the_old_name_stays(tmp_path: Path) -> None:
    wl, db, out, old = _renamed(tmp_path)
    old[1].write_text(old[1].read_text(encoding="utf-8") + "\nmy notes\n", encoding="utf-8")
    said = _brief(str(wl), "--db", str(db), "--out", str(out))
    assert "replaced" not in said and all(p.exists() for p in old), said
