"""A demanding user's review of the environment: WATCHDESK_REPLAY naming no pack passed `watchdesk run W --dry-run`
("W: valid", exit 0) and only the run itself stopped, saying "/x/index.json not found" or "Not a directory:
w.toml/index.json: give a path that can be used" without naming the variable; WATCHDESK_LLM_RECORD naming a file said
"File exists: ...: give a path that can be used", and one under /proc stopped `flag` as a bug ("unexpected
FileNotFoundError ...; please report it", exit 1). Now both are checked as any command starts, like every other
WATCHDESK_* setting: one line naming the variable, its value, why and what to give, exit 2, nothing done."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

CALL = "Channel inventory is now healthy."


def _watchlist(tmp_path: Path) -> Path:
    (tmp_path / "calls").mkdir()
    path = tmp_path / "w.toml"
    path.write_text('name = "w"\n[[tickers]]\nsymbol = "MPWR"\ncik = 1280452\nsources = ["transcripts"]\n'
                    '[[tickers.transcripts]]\nkind = "folder"\npath = "calls"\n')
    return path


@pytest.mark.parametrize(("where", "why"), [
    ("missing", "that path does not exist"),
    ("w.toml", "that path is a file, not a folder"),
    (".", "that path holds no index.json"),
])  # fmt: skip
def test_a_dry_run_refuses_a_replay_pack_that_is_none(tmp_path: Path, where: str, why: str) -> None:
    watchlist = _watchlist(tmp_path)
    pack = tmp_path / where
    env = {"WATCHDESK_REPLAY": str(pack)}
    dry = CliRunner(env=env).invoke(cli, ["run", str(watchlist), "--db", str(tmp_path / "w.duckdb"), "--dry-run"])
    assert dry.exit_code == 2, dry.output  # before: "w.toml: valid", exit 0; the run then failed
    assert dry.stderr.strip() == (
        f"error: WATCHDESK_REPLAY={pack}: {why}, so it is no replay pack; give the folder a `watchdesk run --record "
        "PACK_DIR` wrote (the demo's is under .watchdesk/), or unset it"
    )
    assert not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize(("record", "why"), [
    ("w.toml", "{tmp}/w.toml is a file, not a folder"),
    ("w.toml/llm", "{tmp}/w.toml is a file, not a folder"),
    ("/proc/llm", "/proc is the kernel's proc filesystem, where no files can be made"),
])  # fmt: skip
def test_an_llm_record_folder_that_cannot_be_is_said_before_flagging(tmp_path: Path, record: str, why: str) -> None:
    _watchlist(tmp_path)
    answers = tmp_path / "answers.jsonl"
    answers.write_text("")
    where = record if record.startswith("/") else str(tmp_path / record)
    env = {"WATCHDESK_MODEL": f"replay:{answers}", "WATCHDESK_LLM_RECORD": where}
    result = CliRunner(env=env).invoke(cli, ["flag", "--text", CALL])
    assert result.exit_code == 2, result.output  # before: 2 with "File exists: ...", or 1 as a bug under /proc
    assert result.stdout == ""
    assert result.stderr.strip() == (
        f"error: WATCHDESK_LLM_RECORD={where}: LLM answers cannot be recorded there ({why.format(tmp=tmp_path)}); "
        "give a folder that can be written (it is created if missing), or unset it"
    )


def test_a_recording_folder_still_to_be_made_is_fine(tmp_path: Path) -> None:
    env = {"WATCHDESK_LLM_RECORD": str(tmp_path / "new" / "llm"), "WATCHDESK_REPLAY": None}
    result = CliRunner(env=env).invoke(cli, ["flag", "--text", CALL])
    assert result.exit_code == 0, result.output
    assert '"topic": "inventory"' in result.stdout
