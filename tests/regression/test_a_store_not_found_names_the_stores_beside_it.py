"""Bug (a demanding user's walkthrough): after `make demo` (which writes watchdesk.duckdb), the README's examples
`watchdesk findings call --db demo.duckdb --ticker TSM ...`, `watchdesk runs --db demo.duckdb` said "no database at
demo.duckdb: pass --db with the file a run wrote", and left the user to guess which file that was. Now a store not
found names the DuckDB files in its folder (three at most): "; in this folder: watchdesk.duckdb"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store.store import Store


@pytest.mark.parametrize("command", [["findings", "call", "--ticker", "TSM"], ["runs"], ["changes"], ["brief"]])
def test_the_stores_beside_the_missing_one_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     command: list[str]) -> None:  # fmt: skip
    Store.open(tmp_path / "watchdesk.duckdb").close()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WATCHDESK_DB", raising=False)
    result = CliRunner().invoke(cli, [*command, "--db", "demo.duckdb"])
    assert result.exit_code == 2, result.output
    assert ("error: no database at demo.duckdb: pass --db with the file a run wrote; in this folder: "
            "watchdesk.duckdb") in result.output, result.output  # fmt: skip


def test_another_folder_is_named_and_an_empty_one_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("w1.duckdb", "w2.duckdb", "w3.duckdb", "w4.duckdb"):
        Store.open(tmp_path / "a" / name).close()
    said = CliRunner().invoke(cli, ["runs", "--db", str(tmp_path / "a" / "x.duckdb")]).output
    assert f"; in {tmp_path / 'a'}: w1.duckdb, w2.duckdb, w3.duckdb and 1 more" in said, said
    alone = CliRunner().invoke(cli, ["runs", "--db", str(tmp_path / "x.duckdb")]).output
    assert alone.strip().endswith("pass --db with the file a run wrote"), alone
