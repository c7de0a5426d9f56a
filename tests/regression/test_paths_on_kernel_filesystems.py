"""Bug: a path on a kernel filesystem (`watchdesk plan --out /proc/x`, `init /proc/w.toml`, `brief --out /proc/x`,
`demo --db /proc/x.duckdb`) said "unexpected FileNotFoundError ... please report it" (`--out /sys/x`: "Permission
denied"; `run --db /dev/null`: "IO Error: Could not fsync file"; `plan --out /dev/full --force`: "unexpected OSError
... No space left on device"), after the work for some. Every path option a command writes is now checked before any
work and said as what is wrong with it, as graph/cli_input.py says other path problems (exit 2). Root passes
os.access there, so the mount table says which filesystem a path is on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.paths import unwritable

PROC = "/proc is the kernel's proc filesystem, where no files can be made"
pytestmark = pytest.mark.skipif(unwritable(Path("/proc/x")) != PROC, reason="no proc filesystem at /proc here")


def _args(command: str, tmp: Path) -> list[str]:
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST)
    pack, db = str(nvidia_pack(tmp / "pack")), str(tmp / "w.duckdb")
    return {
        "init": ["init", "/proc/w.toml"],
        "plan --out": ["plan", "Track AMD", "--out", "/proc/w.toml"],
        "plan --out --force": ["plan", "Track AMD", "--out", "/proc/version", "--force"],
        "demo --db": ["demo", "--quiet", "--db", "/proc/x.duckdb"],
        "demo --out": ["demo", "--quiet", "--db", db, "--out", "/proc/x"],
        "run --db": ["run", str(wl), "--replay", pack, "--db", "/proc/x.duckdb"],
        "run --out": ["run", str(wl), "--replay", pack, "--db", db, "--out", "/proc/x"],
        "run --record": ["run", str(wl), "--replay", pack, "--db", db, "--record", "/proc/pack"],
        "run --dry-run --db": ["run", str(wl), "--dry-run", "--replay", pack, "--db", "/proc/x.duckdb"],
        "brief --out": ["brief", "--db", db, "--out", "/proc/x"],
        "schedule --db": ["schedule", "install", str(wl), "--db", "/proc/x.duckdb", "--crontab-file", str(tmp / "ct")],
        "schedule --crontab-file": ["schedule", "install", str(wl), "--crontab-file", "/proc/ct"],
        "flag --llm-requests": ["flag", "--text", "Inventory is high.", "--llm-requests", "/proc/requests.jsonl"],
        "edgar download --dir": ["edgar", "download", "NVDA", "--form", "10-Q", "--replay", pack, "--dir", "/proc/x"],
    }[command]


COMMANDS = ["init", "plan --out", "plan --out --force", "demo --db", "demo --out", "run --db", "run --out",
            "run --record", "run --dry-run --db", "brief --out", "schedule --db", "schedule --crontab-file",
            "flag --llm-requests", "edgar download --dir"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_path_on_a_kernel_filesystem_is_said_to_be_one(command: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, _args(command, tmp_path))
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"cannot be written ({PROC})" in said and "unexpected" not in said
    assert not (tmp_path / "w.duckdb").exists(), "checked before any work"


def test_a_database_that_is_a_device_and_a_full_disk_are_said(tmp_path: Path) -> None:
    args = _args("run --db", tmp_path)
    result = CliRunner().invoke(cli, [*args[:-1], "/dev/null"])
    assert result.exit_code == EXIT_CONFIG
    assert "--db: the database /dev/null cannot be written (/dev/null is not a regular file)" in result.output
    if Path("/dev/full").exists():
        result = CliRunner().invoke(cli, ["plan", "Track AMD", "--out", "/dev/full", "--force"])
        assert result.exit_code == EXIT_CONFIG
        assert "/dev/full: cannot write it (No space left on device); give another path" in result.output
