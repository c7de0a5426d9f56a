"""The crontab entry that runs a watchlist on its [schedule], and the next times it will run.

watchdesk owns only lines ending in its marker (`# watchdesk:<watchlist path>`); every other line of the
crontab is kept byte for byte. Cron runs at most once per slot, so a machine that was off for a week runs
the watchlist once when next due, and that run's briefing reaches back to the last briefed day.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path

from watchdesk.agents.briefing.period import period_ending
from watchdesk.graph.cli_input import writable_file, write_text
from watchdesk.graph.cron_env import env_file, source_env
from watchdesk.graph.paths import device, file_in_the_way
from watchdesk.graph.watchlist import Schedule, Watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import printable

MARKER = "# watchdesk:"
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True, kw_only=True)
class Job:
    watchlist: Path
    db: Path
    out: Path
    log: Path
    executable: str


def schedule_notes(watchlist: Watchlist, *, path: Path) -> list[str]:
    """What install and show say of a [schedule] left to its defaults, or of a day a daily schedule does not use (a
    user's review: both were installed without a word, as the next run times alone showed)."""
    if "schedule" not in watchlist.model_fields_set:
        return [f"note: {path} has no [schedule]: its runs are weekly, on Monday at 07:00 (the default); add one "
                '(cadence = "daily" or "weekly", day, time = "HH:MM") to choose']  # fmt: skip
    schedule = watchlist.schedule
    if schedule.cadence == "daily" and "day" in schedule.model_fields_set:
        return [f'note: [schedule] day = "{schedule.day}" is not used: a daily schedule runs every day (take it out, '
                'or set cadence = "weekly" to run on that day only)']  # fmt: skip
    return []


def cron_fields(schedule: Schedule) -> str:
    hour, minute = (int(x) for x in schedule.time.split(":"))
    day = "*" if schedule.cadence == "daily" else str((_DAYS.index(schedule.day) + 1) % 7)  # cron: 0 = Sunday
    return f"{minute} {hour} * * {day}"


# What cron reads in a command before any shell does, whatever the quoting: a line break ends the entry (what follows
# is a job of its own) and "%" is one; other control characters have no place in a path written there
_CRON_UNSAFE = re.compile(r"[%\x00-\x1f\x7f]")


def cron_line(schedule: Schedule, job: Job) -> str:
    for path in (job.watchlist, job.db, job.out, job.log, job.executable):
        if _CRON_UNSAFE.search(str(path)):
            raise ConfigError(f"{printable(str(path))!r} cannot be written in a crontab: cron reads a '%' or a line "
                              "break there as the end of a line; rename or move it. Nothing installed.")  # fmt: skip
    run = " ".join(shlex.quote(str(x)) for x in
                   (job.executable, "run", job.watchlist, "--scheduled", "--db", job.db, "--out", job.out))  # fmt: skip
    # cron starts in $HOME: run from the watchlist's folder, as the user would (its own relative paths, a file
    # delivery's "briefings" or a transcripts folder, are read from there whatever folder a run starts in)
    here = shlex.quote(str(job.watchlist.parent))
    command = f"{source_env(env_file())}; cd {here} && {run} >> {shlex.quote(str(job.log))} 2>&1"
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


def zone_said(when: datetime) -> str:
    """An aware time's zone as a reader knows it: "EST, UTC-05:00"."""
    offset = int((when.utcoffset() or timedelta()).total_seconds() // 60)
    sign, hours, minutes = "-" if offset < 0 else "+", abs(offset) // 60, abs(offset) % 60
    return f"{when.tzname()}, UTC{sign}{hours:02d}:{minutes:02d}"


def zone_notes(schedule: Schedule, runs: Sequence[datetime]) -> list[str]:
    """What local run times (aware) mean for the briefing, whose period is counted in UTC days: the UTC time and
    days of the first run, and a note when a run falls on another date in UTC than on the local clock."""
    if not runs:
        return []
    first = runs[0].astimezone(UTC)
    period = period_ending(first.date(), cadence=schedule.cadence)
    span = (f"{period.start} (one UTC day: the run's UTC date)" if period.days == 1 else
            f"{period.start} to {period.end} ({period.days} UTC days, ending on the run's UTC date)")  # fmt: skip
    notes = [f"periods are UTC days: the first run ({first:%a %Y-%m-%d %H:%M} UTC) briefs {span}"]
    run = next((r for r in runs if r.astimezone(UTC).date() != r.date()), None)
    if run is not None:
        utc = run.astimezone(UTC)
        later = utc.date() > run.date()
        # the local clock time of the UTC midnight that parts the two dates
        midnight = datetime.combine(utc.date() + timedelta(days=0 if later else 1), dt_time(0), UTC)
        edge = f"{midnight.astimezone(run.tzinfo):%H:%M}"
        notes.append(
            f"note: at {run:%H:%M} local time it is {'already the next day' if later else 'still the day before'} "
            f"in UTC ({utc:%H:%M} UTC): a run briefs up to that UTC date ({run:%A}'s run up to {utc:%A}); runs "
            f"{'before' if later else 'from'} {edge} local time brief up to their local day"
        )
    return notes


def watchdesk_lines(crontab: str, watchlist: Path) -> list[str]:
    return [line for line in crontab.splitlines() if line.endswith(f"{MARKER}{watchlist}")]


def with_entry(crontab: str, watchlist: Path, line: str | None) -> str:
    """The crontab with this watchlist's entry replaced by `line` (or removed); other lines untouched."""
    kept = [x for x in crontab.splitlines() if not x.endswith(f"{MARKER}{watchlist}")]
    if line is not None:
        kept.append(line)
    return "\n".join(kept) + "\n" if kept else ""


# What `crontab -l` says for a user who has none: cronie and Vixie "no crontab for USER", busybox "can't open"
# (its spool file), each with exit 1
_NO_CRONTAB = re.compile(r"no crontab for |can't open '?[^']*'?: No such file", re.IGNORECASE)


class Crontab:
    """A file in the user crontab's format (tests), or the user's crontab through the `crontab` command."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path

    def read(self) -> str:
        if self.path is not None:
            if why := device(self.path):
                raise ConfigError(f"--crontab-file: {why}: give a crontab file")
            try:
                return self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            except UnicodeDecodeError:  # a binary given by mistake: said, and never rewritten
                raise ConfigError(f"{self.path}: not a crontab (not UTF-8 text): give a crontab file") from None
        done = subprocess.run([self._command(), "-l"], capture_output=True, text=True, check=False)
        if done.returncode == 0 or _NO_CRONTAB.search(done.stderr):  # "no crontab for user" is an empty crontab
            return done.stdout if done.returncode == 0 else ""
        # any other failure (a spool it cannot read, a denied user) is no empty table: writing one would drop every
        # line the user has
        said = " ".join(done.stderr.split()) or f"exit {done.returncode}"
        raise ConfigError(f"`crontab -l` failed ({said}): your crontab was left as it is; fix that, or pass "
                          "--crontab-file")

    def check_writable(self) -> None:
        """Refuse a --crontab-file that cannot be written, before any other check."""
        if self.path is not None:
            if filed := file_in_the_way(self.path):
                raise ConfigError(f"{filed} is a file, not a folder: give another path for {self.path.name}")
            writable_file(self.path, option="--crontab-file")

    def write(self, text: str) -> None:
        if self.path is not None:
            self.check_writable()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text(self.path, text)
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
