"""cli9 (a demanding user's leftovers): `--db`'s help said "default ./watchdesk.duckdb or $WATCHDESK_DB" in approve,
demo, plan, run and runs, and "default $WATCHDESK_DB, else ./watchdesk.duckdb" in brief, changes, evidence and
findings; WATCHDESK_DB wins wherever it is set (graph/settings.py), so the first read it the wrong way round, and
`schedule install --db` said no default at all. Every --db now says the same default, WATCHDESK_DB first."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.unit.test_cli_docs import COMMANDS
from watchdesk.graph.cli import cli


def _db_help(path: tuple[str, ...]) -> str | None:
    said = CliRunner().invoke(cli, [*path, "--help"], terminal_width=2000).output
    line = next((line for line in said.splitlines() if line.lstrip().startswith("--db ")), None)
    return None if line is None else " ".join(line.split())


@pytest.mark.parametrize("path", [p for p in COMMANDS if _db_help(p) is not None], ids=" ".join)
def test_every_db_option_names_watchdesk_db_first(path: tuple[str, ...]) -> None:
    said = _db_help(path)
    assert "(default $WATCHDESK_DB when set, else ./watchdesk.duckdb" in str(said), said
