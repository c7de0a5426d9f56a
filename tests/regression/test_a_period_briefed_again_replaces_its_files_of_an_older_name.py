"""Found in last session's review: a period briefed again wrote a second pair of files beside the first when the name
had changed between the two writes: a week briefed before file names ended in the store's tag (2026-12-05), as
briefing-w-2026-W29.md, briefed again (`watchdesk brief --week`, a retry with --deliver, a run of that week) left
briefing-w-2026-W29.md and briefing-w-2026-W29-1a2b3c.md side by side, two briefings of one week in one folder. Now
the new files replace those the store last wrote of that briefing in that folder (the run or the brief says
'replaced ...'), when the old Markdown reads as the store wrote it: a file a person edited, or another store's of that
old name, stays, and so does one in another folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tests.regression.goal_runs import store_goal_run
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.store import Store

WEEK = "2026-W29"


def _briefed(tmp_path: Path, out: Path) -> tuple[Path, list[Path]]:
    """A store with a run of watchlist "w" and its week WEEK briefed into `out`, the files renamed as written before
    names took the tag (and the store's row saying so); the database and the old files."""
    wl = parse_watchlist('name = "w"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\nsources = ["edgar"]\n')
    db = store_goal_run(tmp_path / "w.duckdb", wl, day=date(2026, 7, 17))
    first = CliRunner().invoke(cli, ["brief", "--name", "w", "--db", str(db), "--week", WEEK, "--out", str(out)])
    assert first.exit_code == 0, first.output
    old = []
    for path in sorted(out.glob("briefing-w-*")):
        untagged = path.with_name(f"briefing-w-{WEEK}{path.suffix}")
        path.rename(untagged)
        old.append(untagged)
    with Store.open(db) as store:
        store.con.execute("UPDATE briefings SET path_md = ?, path_html = ?", [str(old[1]), str(old[0])])
    return db, old


def _brief_again(db: Path, out: Path) -> str:
    again = CliRunner().invoke(cli, ["brief", "--name", "w", "--db", str(db), "--week", WEEK, "--out", str(out)])
    assert again.exit_code == 0, again.output
    return " ".join(again.output.split())


def test_the_week_briefed_again_replaces_its_untagged_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    db, old = _briefed(tmp_path, out)
    said = _brief_again(db, out)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(name.startswith(f"briefing-w-{WEEK}-") for name in files), files
    for path in old:
        assert f"replaced {path}: this period's briefing, written before under an older name" in said, said


def test_an_edited_old_file_and_another_folders_stay(tmp_path: Path) -> None:
    out = tmp_path / "out"
    db, old = _briefed(tmp_path, out)
    old[1].write_text(old[1].read_text(encoding="utf-8") + "\nmy notes\n", encoding="utf-8")
    said = _brief_again(db, out)
    assert "replaced" not in said and all(p.exists() for p in old), said
    elsewhere = tmp_path / "elsewhere"
    said = _brief_again(db, elsewhere)
    assert "replaced" not in said and all(p.exists() for p in old), said
    assert len(list(out.iterdir())) == 4  # the edited pair, and the week's files written beside them
