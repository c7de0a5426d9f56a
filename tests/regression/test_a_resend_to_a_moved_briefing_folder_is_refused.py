"""A briefing folder moved after its run: the resend command every delivery message gives (`watchdesk brief ... --out
FOLDER --deliver --undelivered`, FOLDER absolute as the run recorded it, in `watchdesk runs RUN` and a cron log) made
the old folder again and wrote the period's briefing there, beside nothing, while the user's briefings were where
they had moved them. Now a resend whose --out is gone, where this period's briefing was last written, is refused:
exit 2, nothing written or sent, saying to give the folder the briefings are in now (or to create it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

SPAN = ["--since", "2024-05-01", "--until", "2026-09-01"]


def test_a_resend_to_a_folder_moved_away_is_refused(demo_store: Callable[[Path], Path], tmp_path: Path) -> None:
    db = demo_store(tmp_path)
    first = tmp_path / "desk-briefings"
    wrote = CliRunner().invoke(cli, ["brief", "--db", str(db), *SPAN, "--out", str(first)])
    assert wrote.exit_code == 0, wrote.output
    first.rename(tmp_path / "archive")  # the user moved the folder
    resend = CliRunner().invoke(cli, ["brief", "--db", str(db), *SPAN, "--out", str(first), "--deliver",
                                      "--undelivered"])  # fmt: skip
    assert resend.exit_code == 2, resend.output
    said = " ".join(resend.output.split())
    assert (f"--out {first}: the folder this period's briefing was last written to is gone (moved or removed?); "
            "nothing was written or sent") in said, said
    assert not first.exists()
    # given where they are now, it resends there
    moved = CliRunner().invoke(cli, ["brief", "--db", str(db), *SPAN, "--out", str(tmp_path / "archive"),
                                     "--deliver", "--undelivered"])  # fmt: skip
    assert moved.exit_code == 0, moved.output


def test_a_first_briefing_into_a_new_folder_is_written(demo_store: Callable[[Path], Path], tmp_path: Path) -> None:
    """A folder that never held this period's briefing is made, as always."""
    db = demo_store(tmp_path)
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *SPAN, "--out", str(tmp_path / "new"), "--deliver",
                                      "--undelivered"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert any((tmp_path / "new").glob("*.md"))
