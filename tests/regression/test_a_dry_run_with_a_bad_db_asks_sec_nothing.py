"""Bug: `watchdesk run --dry-run` asked SEC for its ticker map before it checked --db and --out; offline, a user who
mistyped --db (a file that is no watchdesk store) waited through the request's retries (~10 s here) before being told
the path was bad. The local checks now come first, and while the run's own paths are refused SEC is not asked: the
paths are said at once (exit 2), the tickers 'NOT checked' until they are fixed. A replay pack's map is still read."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from tests.offline import GIVE_UP_AT_ONCE
from watchdesk.graph import run_gateway
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.gateway import Gateway, GatewayConfig

WATCHLIST = '[[tickers]]\nsymbol = "NVDA"\nsources = ["edgar"]\n'


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses the dry run's gateway tries, each failing as on a machine offline."""
    tried: list[str] = []

    def offline(request: httpx.Request) -> httpx.Response:
        tried.append(str(request.url))
        raise httpx.ConnectError("offline", request=request)

    def gateway(config: GatewayConfig, **kwargs: object) -> Gateway:
        return Gateway(config, transport=httpx.MockTransport(offline), **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(run_gateway, "Gateway", gateway)
    return tried


def _dry_run(tmp_path: Path, *options: str, replay: bool = False) -> tuple[int, str]:
    (wl := tmp_path / "w.toml").write_text(WATCHLIST, encoding="utf-8")
    env = {"WATCHDESK_SEC_IDENTITY": "Jane Analyst jane@example.com", "WATCHDESK_REPLAY": None, **GIVE_UP_AT_ONCE}
    args = ["run", str(wl), "--dry-run", *options] + ["--replay", str(demo_pack())] * replay
    done = CliRunner(env=env).invoke(cli, args)
    return done.exit_code, " ".join(done.output.split())


def test_a_db_that_is_no_store_is_said_without_asking_sec(tmp_path: Path, asked: list[str]) -> None:
    (notes := tmp_path / "notes.txt").write_text("my notes\n")
    code, said = _dry_run(tmp_path, "--db", str(notes), "--out", str(tmp_path / "out"))
    assert code == EXIT_CONFIG, said
    assert f"--db: {notes} is not a DuckDB database (watchdesk's store): give a watchdesk.duckdb file" in said, said
    assert asked == [], "SEC was asked for its ticker map before the bad --db was said"
    assert "tickers NOT checked: SEC is not asked for its ticker map until the paths refused below are fixed" in said


def test_an_out_folder_under_a_file_is_said_without_asking_sec(tmp_path: Path, asked: list[str]) -> None:
    (taken := tmp_path / "briefings").write_text("a file\n")
    code, said = _dry_run(tmp_path, "--db", str(tmp_path / "w.duckdb"), "--out", str(taken / "week"))
    assert code == EXIT_CONFIG and "--out: the briefing folder" in said, said
    assert asked == [], said


def test_with_usable_paths_the_tickers_are_still_checked(tmp_path: Path, asked: list[str]) -> None:
    code, said = _dry_run(tmp_path, "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out"))
    assert asked and all(url.endswith("/files/company_tickers.json") for url in asked), asked
    assert code == 0 and "tickers NOT checked: SEC's ticker map could not be read" in said, said


def test_a_replay_packs_map_is_read_beside_a_bad_db(tmp_path: Path, asked: list[str]) -> None:
    (notes := tmp_path / "notes.txt").write_text("my notes\n")
    code, said = _dry_run(tmp_path, "--db", str(notes), replay=True)
    assert code == EXIT_CONFIG and "is not a DuckDB database" in said and "checked against the replay pack" in said
    assert asked == [], said
