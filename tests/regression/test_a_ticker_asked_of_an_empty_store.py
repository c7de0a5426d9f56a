"""A new user's walkthrough: `watchdesk findings --ticker NVDA` (and `changes`, and explore.findings) on a store no run
has filled answered "new.duckdb holds no ticker 'NVDA'; it holds none", which read as a broken store. Now it says why:
no run has planned or stored any ticker in it yet (exit 2 as before; a store with tickers still names them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store import explore
from watchdesk.store.store import Store


@pytest.mark.parametrize("command", ["findings", "changes"])
def test_a_ticker_asked_of_an_empty_store_says_no_run_filled_it(tmp_path: Path, command: str) -> None:
    db = tmp_path / "new.duckdb"
    Store.open(db).close()
    result = CliRunner().invoke(cli, [command, "--db", str(db), "--ticker", "NVDA"])
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.split())
    assert said == f"error: {db} holds no ticker 'NVDA': no run has planned or stored any ticker in it yet", said
    with pytest.raises(ConfigError, match="no run has planned or stored any ticker in it yet"):
        explore.findings(db, ticker="NVDA")
