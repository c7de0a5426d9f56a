"""A review (session 23): `watchdesk demo` never looked at its run's failures, so a bug flagging a document or
comparing a filing left a gap and the demo still exited 0: `make demo` (and CI) could not see it. The demo's
expected gaps (what the recording lacks) stay exit 0; a bug exits 1, said on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.agents import filings
from watchdesk.graph.cli import EXIT_ERROR, cli


def test_a_bug_in_the_demo_exits_1_and_says_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise KeyError("1A")

    monkeypatch.setattr(filings, "compare_stored", broken)
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "d.duckdb"), "--out", str(tmp_path / "o"),
                                      "--quiet"])  # fmt: skip
    assert result.exit_code == EXIT_ERROR, result.output
    assert "unexpected KeyError" in result.output and "please report it" in result.output
    assert list((tmp_path / "o").glob("*.md")), "the briefing is still written"
