"""A review: briefing the demo's period again turned "nothing known about ASML" into "ASML filed nothing". The demo's
own briefing said "Nothing read for ASML: one of its sources failed or was left out of this run", while `watchdesk
brief --since 2024-05-01 --until 2026-09-01` said "No new documents for ASML in this period (nothing filed, called or
published ...)" above the very gaps that said its filing list could not be read: which tickers went unread was told
from the run's live step results only, and `brief` had none. It is now told from what the store keeps of the run
(its plan and its gaps), so every briefing of the same data says the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("rebrief")
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp / "demo.duckdb"), "--out", str(tmp / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    (md,) = (tmp / "out").glob("*.md")
    return tmp / "demo.duckdb", md.read_text()


def missing(markdown: str) -> str:
    """The headline's "What is missing" lines."""
    return markdown.split("**What is missing**", 1)[1].split("\n## ", 1)[0].strip()


def test_briefing_the_demos_period_again_says_what_the_demo_said(demo: tuple[Path, str], tmp_path: Path) -> None:
    db, own = demo
    args = ["brief", "--db", str(db), "--since", "2024-05-01", "--until", "2026-09-01", "--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (md,) = tmp_path.glob("*.md")
    again = md.read_text()
    assert "Nothing read for ASML: one of its sources failed or was left out of this run (see Gaps)" in missing(own)
    assert missing(again) == missing(own)
    assert "No new documents for ASML" not in again
