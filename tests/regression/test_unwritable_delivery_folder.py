"""Bug: a `[[delivery]] kind = "file"` target whose folder cannot be written (under a regular file, read-only) was
checked by neither `watchdesk run --dry-run` nor a real run before fetching (only --out was): the run fetched,
flagged and briefed, and the delivery failed at the end. Now both say it up front, exit 2, naming the entry, as they
do for the briefing folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli


def run(tmp: Path, path: str, *extra: str) -> Result:
    (tmp / "taken").write_text("a file, not a folder")
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST + f'[[delivery]]\nkind = "file"\n\n[[delivery]]\nkind = "file"\npath = "{path}"\n')
    args = ["run", str(wl), *extra, "--replay", str(nvidia_pack(tmp / "pack")), "--out", str(tmp / "out")]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("name", ["shared", "shared/briefing.md"], ids=["folder", "file"])
def test_a_dry_run_names_the_delivery_whose_folder_cannot_be_written(tmp_path: Path, name: str) -> None:
    path = f"{tmp_path}/taken/{name}"
    folder = tmp_path / "taken" / "shared"
    result = run(tmp_path, path, "--dry-run")
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.output.split())
    assert "1. [filings] fetch_filings -> NVDA" in said, "the plan is still shown"
    assert (f"delivery[1] (kind = \"file\", path = \"{path}\"): the folder {folder} cannot be written"
            f" ({tmp_path / 'taken'} is a file, not a folder): make it writable, or give the entry "
            "another path") in said, said
    assert "delivery[0]" not in said and "--out" not in said
    assert "valid" not in said.replace("invalid", "")


def test_a_run_stops_before_fetching_anything(tmp_path: Path) -> None:
    result = run(tmp_path, f"{tmp_path}/taken/shared", "--db", str(tmp_path / "w.duckdb"))
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.stderr.split())
    folder = tmp_path / "taken" / "shared"
    assert "nothing was fetched" in said and f"delivery[1] (kind = \"file\", path = \"{folder}\"): the folder " \
           f"{folder} cannot be written ({tmp_path / 'taken'} is a file, not a folder)" in said
    assert not (tmp_path / "w.duckdb").exists() and not (tmp_path / "out").exists()
