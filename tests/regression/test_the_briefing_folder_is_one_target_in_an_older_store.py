"""Bug: a store written before the briefing folder had one name holds its file-target rows under older names: the
folder "briefings" beside the watchlist made absolute (runs of 2026-12-06, before a target "briefings" was read as the
briefing folder), or "briefings" as written (before a watchlist's paths were read from its folder). The next run
delivered to "briefing folder" and retired the old name beside it: 'delivery file /desk/briefings: removed from the
watchlist, so its earlier undelivered briefing (...) is no longer counted or sent' next to 'delivery file briefing
folder: sent', one folder under two names, one of them said removed though the watchlist still has it. Now a delivery
of a watchlist with a path-less file target renames those rows first: the folder is said once, as the briefing folder,
its failed week is still owed and resent as such. A path the watchlist names itself keeps its rows."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


def _run(tmp_path: Path, wl: Path, as_of: str) -> str:
    result = CliRunner().invoke(cli, ["run", str(wl), "--replay", str(tmp_path / "pack"), "--db",
                                      str(tmp_path / "w.duckdb"), "--out", str(wl.parent / "briefings"), "--as-of",
                                      as_of])  # fmt: skip
    assert result.exit_code in (0, 4), result.output  # 4: a delivery failed
    return " ".join(result.output.split())


def _files(db: Path) -> list[tuple[object, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.query("SELECT period_start, target, status FROM deliveries WHERE kind = 'file' ORDER BY ALL")


def test_the_briefing_folder_of_before_is_said_once(tmp_path: Path) -> None:
    nvidia_pack(tmp_path / "pack")
    (desk := tmp_path / "desk").mkdir()
    wl = desk / "wl.toml"
    wl.write_text(WATCHLIST + '[[delivery]]\nkind = "file"\npath = "briefings"\n', encoding="utf-8")
    db = tmp_path / "w.duckdb"
    _run(tmp_path, wl, "2026-11-26")
    with Store.open(db) as store:  # as a store of before holds them: the week's copy failed, one earlier one too
        store.query("UPDATE deliveries SET target = ?, status = 'failed', error = 'disk full'",
                    [str(desk / "briefings")])  # fmt: skip
        store.query("INSERT INTO deliveries SELECT * REPLACE ('older' AS delivery_id, 'older' AS briefing_id, "
                    "'older' AS run_id, DATE '2026-11-13' AS period_start, DATE '2026-11-19' AS period_end, "
                    "'briefings' AS target) FROM deliveries")  # fmt: skip

    said = _run(tmp_path, wl, "2026-12-03")
    assert "delivery file briefing folder: sent" in said, said
    assert "removed from the watchlist" not in said and f"file {desk / 'briefings'}" not in said, said
    assert {target for _p, target, _s in _files(db)} == {"briefing folder"}
    with Store.open(db, read_only=True) as store:
        (week,) = store.query("SELECT run_id FROM runs WHERE as_of = DATE '2026-11-26'")[0]
    shown = CliRunner().invoke(cli, ["runs", "--db", str(db)]).output
    assert "delivery: 1 failed" in " ".join(shown.split()), shown  # still owed, by its one name

    again = CliRunner().invoke(cli, ["brief", str(wl), "--db", str(db), "--since", "2026-11-20", "--until",
                                     "2026-11-26", "--out", str(desk / "briefings"), "--deliver", "--undelivered"])
    assert "delivery file briefing folder: sent" in " ".join(again.output.split()), again.output
    assert str(desk / "briefings") + ":" not in again.output, again.output
    shown = CliRunner().invoke(cli, ["runs", week, "--db", str(db)]).output
    assert str(desk / "briefings") not in shown.replace(str(desk / "briefings") + "/", ""), shown


def test_a_briefings_folder_the_watchlist_names_keeps_its_rows(tmp_path: Path) -> None:
    nvidia_pack(tmp_path / "pack")
    (desk := tmp_path / "desk").mkdir()
    wl, copies = desk / "wl.toml", str(desk / "briefings")
    wl.write_text(WATCHLIST + f'[[delivery]]\nkind = "file"\n[[delivery]]\nkind = "file"\npath = "{copies}"\n',
                  encoding="utf-8")  # fmt: skip
    _run(tmp_path, wl, "2026-11-26")
    _run(tmp_path, wl, "2026-12-03")
    assert {target for _p, target, _s in _files(tmp_path / "w.duckdb")} == {"briefing folder", copies}
