"""A review: `watchdesk schedule install` without --crontab-file read the user's crontab with `crontab -l` and took any
failure for "no crontab for user", an empty table; a `crontab -l` that failed for another reason (a spool it could
not read, a user cron denies) would then have had `install` write a table holding watchdesk's line alone, dropping
every line the user had. Only "no crontab" is an empty crontab now; any other failure stops, changing nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

WATCHLIST = '[[tickers]]\nsymbol = "NVDA"\n[schedule]\ncadence = "weekly"\nday = "monday"\ntime = "07:00"\n'


def fake_crontab(folder: Path, *, stderr: str, code: int) -> Path:
    """A `crontab` on PATH whose `-l` fails with `stderr`; every call is logged, and `-` keeps what it is given."""
    folder.mkdir()
    script = folder / "crontab"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{folder}/calls"\n'
        f'if [ "$1" = "-l" ]; then echo "{stderr}" >&2; exit {code}; fi\n'
        f'cat > "{folder}/written"\n'
    )
    script.chmod(0o755)
    return folder


@pytest.fixture()
def watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    path.write_text(WATCHLIST)
    return path


def install(bin_dir: Path, watchlist: Path) -> tuple[int, str]:
    env = {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = CliRunner().invoke(cli, ["schedule", "install", str(watchlist)], env=env)
    return result.exit_code, result.output


def test_a_crontab_that_cannot_be_read_is_left_as_it_is(tmp_path: Path, watchlist: Path) -> None:
    bin_dir = fake_crontab(tmp_path / "bin", stderr="crontab: cannot open /var/spool/cron: Permission denied", code=1)
    code, out = install(bin_dir, watchlist)
    assert code == 2, out
    assert "`crontab -l` failed (crontab: cannot open /var/spool/cron: Permission denied)" in out
    assert "left as it is" in out
    assert (bin_dir / "calls").read_text().split() == ["-l"] and not (bin_dir / "written").exists()


@pytest.mark.usefixtures("cron_env")  # install checks the env file a scheduled run reads
@pytest.mark.parametrize("said", ["no crontab for alice", "crontab: can't open 'alice': No such file or directory"])
def test_no_crontab_yet_is_an_empty_one(tmp_path: Path, watchlist: Path, said: str) -> None:
    bin_dir = fake_crontab(tmp_path / "bin", stderr=said, code=1)
    code, out = install(bin_dir, watchlist)
    assert code == 0, out
    written = (bin_dir / "written").read_text().splitlines()
    assert len(written) == 1 and written[0].startswith("0 7 * * 1 ") and "# watchdesk:" in written[0]
