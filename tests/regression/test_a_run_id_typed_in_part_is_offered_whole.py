"""Bug (a new user's review, session 38): `watchdesk runs demo --db demo.duckdb` (the start of the demo's run id,
demo-2026-09-01) answered "no run 'demo' in this store (`watchdesk runs` lists them)": the close-match search passes
over an id that only starts with what was typed, and a run id is long (a date and a hash). The runs whose id starts
with it are now offered first, newest first, then the close matches as before."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def _said(demo_folder: Path, run_id: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["runs", run_id, "--db", str(demo_folder / "demo.duckdb")])
    return result.exit_code, result.stderr


def test_the_start_of_a_run_id_offers_the_run(demo_folder: Path) -> None:
    assert _said(demo_folder, "demo") == (2, "error: no run 'demo' in this store; did you mean demo-2026-09-01?\n")


def test_a_mistyped_run_id_still_gets_its_close_match(demo_folder: Path) -> None:
    assert _said(demo_folder, "demo-2026-09-02")[1] == (
        "error: no run 'demo-2026-09-02' in this store; did you mean demo-2026-09-01?\n")


def test_nothing_like_a_run_says_where_they_are_listed(demo_folder: Path) -> None:
    assert _said(demo_folder, "xyz")[1] == "error: no run 'xyz' in this store (`watchdesk runs` lists them)\n"
