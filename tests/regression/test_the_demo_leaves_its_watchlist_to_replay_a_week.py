"""A new user's walkthrough: README and `run --help` said `watchdesk run watchlist.toml --replay
.watchdesk/demo-replay-* --as-of 2026-07-17` "replays the demo's TSMC call week", but the only watchlist.toml a user
has is `watchdesk init`'s, which reads its calls from ~/watchdesk/calls and news feeds the pack does not hold: the run
stored 0 documents, recorded 11 gaps and briefed an empty week. The demo's own watchlist lived in code only. Now
`watchdesk demo` leaves it beside the pack it replayed (.watchdesk/demo-watchlist.toml), and the documented command
briefs that week: TSMC's call of 2026-07-16, 47 supply-chain mentions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_fixtures, demo_watchlist
from watchdesk.graph.watchlist import load_watchlist


def test_the_demo_leaves_the_watchlist_it_ran(demo_folder: Path) -> None:
    written = demo_folder / ".watchdesk" / "demo-watchlist.toml"
    assert load_watchlist(written) == demo_watchlist()
    assert "watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-* --as-of 2026-07-17" in (
        written.read_text(encoding="utf-8"))


@pytest.mark.skipif(not (demo_fixtures() / "transcripts" / "tsmc").is_dir(), reason="needs ../shared/fixtures")
def test_the_readme_command_replays_the_tsmc_call_week(demo_folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_folder / "demo.duckdb", db)  # the demo's store, as `make demo` leaves it; the original unread
    (pack,) = (demo_folder / ".watchdesk").glob("demo-replay-*")
    result = CliRunner().invoke(cli, ["run", str(demo_folder / ".watchdesk" / "demo-watchlist.toml"), "--replay",
                                      str(pack), "--as-of", "2026-07-17", "--db", str(db), "--out",
                                      str(tmp_path / "b")])  # fmt: skip
    assert result.exit_code == 0, result.output
    (md,) = (tmp_path / "b").glob("*.md")
    text = md.read_text(encoding="utf-8")
    assert "**Period:** 2026-07-11 to 2026-07-17" in text
    assert "| TSM | Supply chain | 47 |" in text, text[:3000]
