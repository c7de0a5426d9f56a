"""The crontab entry that runs a watchlist on its [schedule], and the next times it will run.

watchdesk owns only lines ending in its marker (`# watchdesk:<watchlist path>`); every other line of the
crontab is kept byte for byte. Cron runs at most once per slot, so a machine that was off for a week runs
the watchlist once when next due, and that run's briefing reaches back to the last briefed day.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from watchdesk.graph.watchlist import Schedule
from watchdesk.sources.errors import ConfigError

MARKER = "# watchdesk:"
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
ENV_FILE = Path("~/.config/watchdesk/env")  # sourced before a scheduled run: WATCHDESK_* variables live here


@dataclass(frozen=True, kw_only=True)
class Job:
    watchlist: Path
    db: Path
    out: Path
    log: Path
    executable: str


def cron_fields(schedule: Schedule) -> str:
    hour, minute = (int(x) for x in schedule.time.split(":"))
    day = "*" if schedule.cadence == "daily" else str((_DAYS.index(schedule.day) + 1) % 7)  # cron: 0 = Sunday
    return f"{minute} {hour} * * {day}"


def cron_line(schedule: Schedule, job: Job) -> str:
    env = shlex.quote(str(ENV_FILE.expanduser()))
    run = " ".join(shlex.quote(str(x)) for x in
                   (job.executable, "run", job.watchlist, "--scheduled", "--db", job.db, "--out", job.out))  # fmt: skip
    # cron starts in $HOME: run from the watchlist's folder, so its relative paths (a file delivery's "briefings",
    # a transcripts folder) mean what they mean when the user runs it there
    here = shlex.quote(str(job.watchlist.parent))
    command = f"[ -f {env} ] && . {env}; cd {here} && {run} >> {shlex.quote(str(job.log))} 2>&1"
    return f"{cron_fields(schedule)} {command} {MARKER}{job.watchlist}"


def next_runs(schedule: Schedule, *, after: datetime, n: int = 3) -> list[datetime]:
    """The next n local times the entry fires, strictly after `after`."""
    hour, minute = (int(x) for x in schedule.time.split(":"))
    when = after.replace(hour=hour, minute=minute, second=0, microsecond=0)
    runs: list[datetime] = []
    while len(runs) < n:
        due = schedule.cadence == "daily" or when.weekday() == _DAYS.index(schedule.day)
        if when > after and due:
            runs.append(when)
        when += timedelta(days=1)
    return runs


def watchdesk_lines(crontab: str, watchlist: Path) -> list[str]:
    return [line for line in crontab.splitlines() if line.endswith(f"{MARKER}{watchlist}")]


def with_entry(crontab: str, watchlist: Path, line: str | None) -> str:
    """The crontab with this watchlist's entry replaced by `line` (or removed); other lines untouched."""
    kept = [x for x in crontab.splitlines() if not x.endswith(f"{MARKER}{watchlist}")]
    if line is not None:
        kept.append(line)
    return "\n".join(kept) + "\n" if kept else ""


class Crontab:
    """A crontab file (tests, or a system cron.d file), or the user's crontab through the `crontab` command."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def read(self) -> str:
        if self.path is not None:
            return self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        done = subprocess.run([self._command(), "-l"], capture_output=True, text=True, check=False)
        return done.stdout if done.returncode == 0 else ""  # "no crontab for user" is an empty crontab

    def write(self, text: str) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(text, encoding="utf-8")
            return
        done = subprocess.run([self._command(), "-"], input=text, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ConfigError(f"crontab refused the new table: {done.stderr.strip()}")

    @staticmethod
    def _command() -> str:
        found = shutil.which("crontab")
        if not found:
            raise ConfigError("no `crontab` command on this machine: install cron, or pass --crontab-file")
        return found
