"""Kill a replayed run with SIGKILL at a chosen moment, restart it, and compare with an uninterrupted run.

Shared by the kill test (a few trials) and `python -m tests.bench.bench_kill` (20 trials).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb

from tests.timing import after_cpu
from watchdesk.graph.demo import demo_pack

# Demo-like: two companies (two filings branches at once), an annual filing compared with the one before it, a
# quarterly one and an 8-K with its exhibit, all recorded: each kind of node and store write a run makes. NVIDIA's
# 10-Q and Apple's 10-K (341,000 of the 1.1 million characters) were in it too, a third of each run's CPU (~5.5 -> ~3.5
# s warm, and the kill tests make six runs' worth) for no kind of write or node boundary the others lack; their parsing
# and flagging are checked by the filing label tests (tests/labels) and the demo (NVIDIA's 10-Q).
WATCHLIST = """
name = "kill test"
[[tickers]]
symbol = "NVDA"
accessions = ["0001045810-26-000024"]
forms = ["10-K"]
[[tickers]]
symbol = "AAPL"
forms = ["10-Q"]
[topics]
watch = ["inventory", "supply_chain", "geopolitical"]
[filings]
forms = ["10-K", "10-Q"]
since = 2024-10-01
until = 2025-08-31
limit_per_form = 1
[policy]
approval = "never"
"""
# Columns that say when or by which run a row was written: they differ between any two runs.
# first_stored_at is a time and gap_id hashes the run id: both differ between any two runs by design.
VOLATILE = {"fetched_at", "created_at", "updated_at", "flagged_at", "run_id", "at", "first_stored_at", "gap_id"}
DATA_TABLES = ("companies", "documents", "doc_spans", "sentences", "findings", "doc_flags", "cursors", "gaps",
               "filing_comparisons", "filing_changes")  # fmt: skip


@dataclass
class Trial:
    killed_at_cpu_s: float  # the CPU seconds the run had used when it was killed
    run_row: str  # status of the run when the process was killed: none | running | done ...
    restart: str  # what the next start was: approve (resume) | run | nothing
    identical: bool
    audit_ok: bool
    detail: str = ""
    tries: int = 1  # mid_run_trial: the trials it took for a kill to fall before the run was marked done


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "watchdesk.graph.cli", *map(str, args)]


def run_args(folder: Path, db: Path) -> list[str]:
    wl = folder / "kill.toml"
    wl.write_text(WATCHLIST, encoding="utf-8")
    return cli("run", wl, "--replay", demo_pack(), "--db", db, "--out", folder / "out")


_KEPT = "WATCHDESK_CACHE_DIR"  # the test session's private cache (tests/conftest.py), never the user's ~/.cache


def env() -> dict[str, str]:
    """The environment of a run to kill: no WATCHDESK_* setting but the test session's private cache folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("WATCHDESK_") or k == _KEPT}
    return clean | {"PYTHONUNBUFFERED": "1"}


# `python -c CODE ARGS` for the runs to kill, forked from one Python that imported `watchdesk run`'s pipeline once
# (LangGraph, LangChain, pydantic's models: ~3.5 s of CPU, a third of a replayed run's) instead of each run importing
# it again. A forked run is that Python at the moment the import ended: only the main thread (nothing is started at
# import time), no store open; it then runs CODE as `python -c` would, in streams of its own, and ends as a process
# ends (atexit, then its exit code), or as SIGKILL ends it. Its parent reports its exit code and CPU seconds.
_FORKING = """
import json, os, sys
import watchdesk.graph.cli, watchdesk.graph.runner  # what `watchdesk run` imports before its first step
print("ready", flush=True)
while line := sys.stdin.readline():
    job = json.loads(line)
    if "wait" in job:
        _, status, used = os.wait4(job["wait"], 0)
        print(json.dumps([os.waitstatus_to_exitcode(status), used.ru_utime + used.ru_stime]), flush=True)
        continue
    if pid := os.fork():
        print(pid, flush=True)
        continue
    null = os.open(os.devnull, os.O_RDWR)
    out = os.open(job["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC) if job["out"] else null
    for fd, to in ((0, null), (1, out), (2, out)):
        os.dup2(to, fd)
    os.environ.update(job["env"])
    sys.argv = ["-c", *job["args"]]
    exec(compile(job["code"], "<string>", "exec"), {"__name__": "__main__"})
    sys.exit(0)
"""
# `watchdesk ARGS`, as the console script runs it
RUN = "import sys\nfrom watchdesk.graph.cli import main\nsys.argv = ['watchdesk', *sys.argv[1:]]\nmain()\n"


class Forks:
    """Runs to kill, each a process of its own forked from one that imported the pipeline (_FORKING), with env()."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-c", _FORKING], env=env(), stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert self._ask(None) == "ready", "the forking Python did not start"

    def _ask(self, job: dict[str, Any] | None) -> str:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        if job is not None:
            self._proc.stdin.write(json.dumps(job) + "\n")
            self._proc.stdin.flush()
        return self._proc.stdout.readline().strip()

    def start(self, args: list[str], *, code: str = RUN, extra: dict[str, str] | None = None,
              out: Path | None = None) -> int:  # fmt: skip
        """The pid of `python -c CODE ARGS` (by default `watchdesk ARGS`), its stdout and stderr in `out` (or none)."""
        return int(self._ask({"code": code, "args": args, "env": extra or {}, "out": str(out) if out else ""}))

    def wait(self, pid: int) -> tuple[int, float]:
        """(exit code, CPU seconds) of a started run, once it has ended: -9 for a SIGKILL."""
        code, used = json.loads(self._ask({"wait": pid}))
        return int(code), float(used)

    def warm(self, folder: Path) -> None:
        """The compiled-pattern cache (env()'s WATCHDESK_CACHE_DIR) filled, as an install fills a user's, before a
        run is measured: a test process alone (no workers, whose caches start warm) began with it empty, so the
        baseline run compiled the topics' patterns (~11 s of CPU of its ~15) and the kills, drawn over its CPU, fell
        after the runs that loaded them had ended (~4.5 s)."""
        pid = self.start(["flag", "--warm-cache"], out=folder / "warm.txt")
        code, _ = self.wait(pid)
        assert code == 0, (folder / "warm.txt").read_text(encoding="utf-8")[-2000:]

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=60)


def next_start(args: list[str]) -> tuple[int, str]:
    """(exit code, stderr) of `watchdesk ARGS` (cli()'s list without its first three items: python -m module) run in
    this process, with the environment env() gives a killed run (no WATCHDESK_* setting but the private cache). The
    next start after a kill is a command like any other: only the run that is killed needs a process of its own, and
    this one saves a second start-up (about 2 s of CPU importing the pipeline) each time."""
    from click.testing import CliRunner

    from watchdesk.graph.cli import cli as watchdesk

    unset: dict[str, str | None] = {k: None for k in os.environ if k.startswith("WATCHDESK_") and k != _KEPT}
    result = CliRunner().invoke(watchdesk, args, env=unset)
    return result.exit_code, result.stderr


def baseline(folder: Path, forks: Forks) -> tuple[Path, float]:
    """An uninterrupted run's database, and the CPU seconds the run used, its compiled patterns loaded from the cache
    as each killed run's are (Forks.warm)."""
    folder.mkdir(parents=True, exist_ok=True)
    forks.warm(folder)
    db = folder / "base.duckdb"
    pid = forks.start(run_args(folder, db)[3:], out=folder / "said.txt")
    code, used = forks.wait(pid)
    assert code == 0, (folder / "said.txt").read_text(encoding="utf-8")[-2000:]
    return db, used


def snapshot(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, Any] = {}
        for table in DATA_TABLES:
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall() if r[0] not in VOLATILE]
            names = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()
        out["audited_ok"] = sorted(
            r[0] for r in con.execute("SELECT DISTINCT target FROM actions WHERE outcome = 'ok'").fetchall()
        )
        return out
    finally:
        con.close()


def unaudited_documents(db: Path) -> list[str]:
    """Stored filings whose request (primary document or full submission) has no successful audit row."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT DISTINCT d.url FROM documents d WHERE d.accession IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM actions a WHERE a.outcome = 'ok'"
            "  AND a.target LIKE '%/' || replace(d.accession, '-', '') || '/%')"
        ).fetchall()
        return sorted(r[0] for r in rows)
    finally:
        con.close()


def run_status(db: Path) -> tuple[str | None, str]:
    if not db.exists():
        return None, "none"
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT run_id, status FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
    except duckdb.Error:
        return None, "none"
    finally:
        con.close()
    return (rows[0][0], rows[0][1]) if rows else (None, "none")


def trial(folder: Path, *, forks: Forks, kill_after_cpu_s: float, expected: dict[str, Any]) -> Trial:
    """A run killed once it has used `kill_after_cpu_s` of CPU: a moment in its work that the machine's load does not
    move (a wall-clock moment lands earlier in the work the busier the machine is)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "trial.duckdb"
    pid = forks.start(run_args(folder, db)[3:])
    after_cpu(pid, kill_after_cpu_s, timeout=600)
    os.kill(pid, signal.SIGKILL)
    _, used = forks.wait(pid)  # the CPU seconds it had used when it died (or ended on its own)
    run_id, status = run_status(db)
    if status in {"running", "interrupted"} and run_id:
        restart = "approve"
        again = next_start(cli("approve", run_id, "--db", db)[3:])
    elif status == "done":
        restart, again = "nothing", None
    else:
        restart = "run"
        again = next_start(run_args(folder, db)[3:])
    if again is not None and again[0] != 0:
        return Trial(used, status, restart, False, False, detail=again[1][-800:])
    got = snapshot(db)
    diff = [k for k in expected if expected[k] != got[k]]
    missing = unaudited_documents(db)
    return Trial(
        used, status, restart, identical=not diff, audit_ok=not missing,
        detail=f"differs: {diff}; unaudited: {missing}" if diff or missing else "",
    )


def mid_run_trial(folder: Path, *, forks: Forks, kill_after_cpu_s: float, expected: dict[str, Any],
                  tries: int = 3) -> Trial:  # fmt: skip
    """trial(), its kill moved 15% earlier in the run's CPU each time it fell after the run was marked done, where it
    checks nothing (no next start, the data an uninterrupted run's): a run is marked done at ~0.93-0.97 of its work,
    and one run's CPU varies by ~10% from another's. The last try's trial if none fell before: the caller fails on
    it."""
    moment = kill_after_cpu_s
    for n in range(tries):
        tried = trial(folder / f"try{n}", forks=forks, kill_after_cpu_s=moment, expected=expected)
        if tried.run_row != "done":
            break
        moment = min(moment, tried.killed_at_cpu_s) * 0.85
    return replace(tried, tries=n + 1)
