"""Bug: a partly failed run (one source failed after its retries, recorded as a gap) exited 0, where the README's
exit codes list "a source that failed after its retries" under 1; only a run whose every source failed exited 1,
and its line did not say which source. Now a source that failed after its retries (5xx, 429, timeout, no
connection) or on a bug, leaving a gap, exits 1 naming the source; one with nothing to read (404) still exits 0."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.regression.demo_slice import TEN_Q, WATCHLIST, nvidia_pack
from watchdesk.agents import filings
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.store.store import Store


def run(tmp: Path, pack: Path) -> Result:
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--replay", str(pack), "--db", str(tmp / "w.duckdb"), "--out", str(tmp / "out")]
    return CliRunner().invoke(cli, args)


def test_a_filing_that_failed_after_its_retries_exits_1_naming_the_source(tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", statuses={TEN_Q: 503}, bodies={TEN_Q: b"Service Unavailable"})
    result = run(tmp_path, pack)
    assert result.exit_code == EXIT_ERROR, result.output
    said = " ".join(result.stderr.split())
    assert f"a source failed after its retries: filings ({TEN_Q}: HTTP 503); the rest of the run is stored" in said
    assert list((tmp_path / "out").glob("*.md")), "the briefing is still written"
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:  # and the run's record says it is partial
        assert store.query("SELECT status, error FROM runs") == [("done", f"partial: filings ({TEN_Q}: HTTP 503)")]


def test_a_step_failing_on_a_bug_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(filings, "collect", broken)
    result = run(tmp_path, nvidia_pack(tmp_path / "pack"))
    assert result.exit_code == EXIT_ERROR, result.output
    said = " ".join(result.stderr.split())
    assert "every source of this run failed (filings:NVDA; see the gaps above)" in said


def test_a_source_with_nothing_to_read_is_a_gap_and_exits_0(tmp_path: Path) -> None:
    result = run(tmp_path, nvidia_pack(tmp_path / "pack", statuses={TEN_Q: 404}, bodies={TEN_Q: b"Not Found"}))
    assert result.exit_code == 0, result.output
    assert "HTTP 404" in result.stderr and "failed" not in result.stderr
