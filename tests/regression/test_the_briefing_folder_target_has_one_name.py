"""Bug: a file target without a path (the briefing folder) was named two ways: the plan said "deliver to: file
(briefing folder)" while the delivery said "delivery file briefing folder: sent" and its `deliveries` row held
"briefing folder"; one reading the plan and then `watchdesk runs` could take them for two targets. Now it is
`briefing folder` in all three (agents/briefing/file_target.py), and a target with a path is that path in all three."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


def test_the_plan_the_delivery_and_its_rows_name_a_file_target_alike(tmp_path: Path) -> None:
    copy = tmp_path / "copies"
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST + f'[[delivery]]\nkind = "file"\n[[delivery]]\nkind = "file"\npath = "{copy}"\n',
                  encoding="utf-8")  # fmt: skip
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(db), "--out",
            str(tmp_path / "out")]  # fmt: skip
    dry = CliRunner().invoke(cli, [*args, "--dry-run"])
    assert f"deliver to: file briefing folder; file {copy}" in dry.output, dry.output
    ran = CliRunner().invoke(cli, args)
    assert ran.exit_code == 0, ran.output
    assert "delivery file briefing folder: sent" in ran.output and f"delivery file {copy}: sent" in ran.output
    assert "(briefing folder)" not in dry.output + ran.output
    with Store.open(db, read_only=True) as store:
        rows = store.query("SELECT target FROM deliveries WHERE kind = 'file' ORDER BY target")
        (plan,) = store.query("SELECT plan FROM runs")[0]
    assert rows == sorted([("briefing folder",), (str(copy),)]), rows
    assert '"file briefing folder"' in plan and "(briefing folder)" not in plan, plan
