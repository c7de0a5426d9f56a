"""Bug: `watchdesk approve` ignored the mode the run was started in: approving a `--replay` run asked
for an SEC identity and would have gone live; `approve --reject` resolved tickers over the network."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources import gateway


def _waiting_replay_run(tmp_path: Path) -> tuple[str, list[str]]:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    base = ["--db", str(tmp_path / "c.duckdb")]
    first = CliRunner().invoke(cli, ["run", str(wl), *base, "--replay", str(demo_pack()), "--out", str(tmp_path / "o")])
    assert first.exit_code == 0 and "awaiting approval" in first.output, first.output
    return first.output.split("watchdesk approve ", 1)[1].split()[0], base


def _status(tmp_path: Path, run_id: str) -> str:
    con = duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True)
    try:
        return con.execute("SELECT status FROM runs WHERE run_id = ?", [run_id]).fetchall()[0][0]
    finally:
        con.close()


def test_approving_a_replay_run_replays_without_an_identity(tmp_path: Path) -> None:
    run_id, base = _waiting_replay_run(tmp_path)
    # No WATCHDESK_REPLAY, no WATCHDESK_SEC_IDENTITY: the recorded mode alone decides.
    done = CliRunner(env={"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}).invoke(
        cli, ["approve", run_id, *base]
    )
    assert done.exit_code == 0, done.output
    assert "SEC" not in done.output
    assert _status(tmp_path, run_id) == "done"


def test_reject_builds_no_gateway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_id, base = _waiting_replay_run(tmp_path)

    def no_network(*_a: object, **_k: object) -> None:
        raise AssertionError("approve --reject opened a gateway")

    monkeypatch.setattr(gateway.Gateway, "__init__", no_network)
    env = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": "Jane Analyst jane@example.com"}
    rejected = CliRunner(env=env).invoke(cli, ["approve", run_id, *base, "--reject"])
    assert rejected.exit_code == 0, rejected.output
    assert _status(tmp_path, run_id) == "rejected"
