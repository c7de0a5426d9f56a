"""Bug: an unwritable briefing folder (--out on a read-only mount, or under a regular file) was found only after
everything was fetched and flagged: "unexpected OSError ... Read-only file system", the run failed, and `approve`
refuses failed runs. Now the folder is checked before anything is fetched (exit 2, naming it), and a write that
still fails at the briefing step leaves the run interrupted, which `watchdesk approve` resumes at the briefing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack, settings, watchlist
from watchdesk.graph import nodes, runner
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.store.store import Store


def test_a_folder_under_a_regular_file_stops_the_run_before_any_fetch(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--db", str(tmp_path / "w.duckdb"),
            "--out", str(tmp_path / "taken" / "briefings")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.stderr.split())
    assert f"the briefing folder {tmp_path / 'taken' / 'briefings'} cannot be written" in said
    assert "is a file, not a folder" in said and "nothing was fetched" in said
    assert not (tmp_path / "w.duckdb").exists()


def test_a_dry_run_says_the_folder_cannot_be_written(tmp_path: Path) -> None:
    # a dry run said "valid" for it (a review): a user scheduled the run and learnt it from cron's first failure
    (tmp_path / "taken").write_text("a file, not a folder")
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--dry-run", "--replay", str(nvidia_pack(tmp_path / "pack")), "--out",
            str(tmp_path / "taken" / "briefings")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.output.split())
    assert "1. [filings] fetch_filings -> NVDA" in said, "the plan is still shown"
    assert f"--out: the briefing folder {tmp_path / 'taken' / 'briefings'} cannot be written ({tmp_path / 'taken'} " \
           "is a file, not a folder): make it writable, or give `watchdesk run` another --out" in said, said
    assert "valid" not in said.replace("invalid", "") and not list(tmp_path.glob("*.duckdb"))


def test_a_write_failing_at_the_briefing_step_leaves_the_run_resumable(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*_args: object, **_kw: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / "out"))

    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    with monkeypatch.context() as patch:
        patch.setattr(nodes, "write_briefing", read_only)
        with pytest.raises(nodes.BriefingNotWrittenError, match="Read-only file system") as raised:
            runner.start_run(watchlist(), s, run_id="r1")
    assert f"`watchdesk approve r1 --db {s.db_path}` writes it" in str(raised.value)
    with Store.open(s.db_path, read_only=True) as store:
        assert store.query("SELECT status FROM runs WHERE run_id = 'r1'") == [("interrupted",)]
        assert store.query("SELECT count(*) FROM documents")[0][0] == 1

    resumed = runner.resume_run("r1", s, decision="approve")
    assert resumed.status == "done" and resumed.briefing_path and Path(resumed.briefing_path).is_file()
    assert not [u for u in resumed.requested if "/Archives/" in u], "the 10-Q is not fetched again"
