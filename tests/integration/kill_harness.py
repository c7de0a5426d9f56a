"""Kill a replayed run with SIGKILL at a chosen moment, restart it, and compare with an uninterrupted run.

Shared by the kill test (a few trials) and `python -m tests.bench.bench_kill` (20 trials).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from watchdesk.graph.demo import demo_pack

# Demo-like: two companies, annual and quarterly filings and an 8-K with its exhibit, all recorded.
WATCHLIST = """
name = "kill test"
[[tickers]]
symbol = "NVDA"
accessions = ["0001045810-26-000024"]
[[tickers]]
symbol = "AAPL"
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
    killed_at_s: float
    run_row: str  # status of the run when the process was killed: none | running | done ...
    restart: str  # what the next start was: approve (resume) | run | nothing
    identical: bool
    audit_ok: bool
    detail: str = ""


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


def baseline(folder: Path) -> tuple[Path, float]:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "base.duckdb"
    started = time.monotonic()
    subprocess.run(run_args(folder, db), env=env(), check=True, capture_output=True, timeout=600)
    return db, time.monotonic() - started


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


def trial(folder: Path, *, kill_after_s: float, expected: dict[str, Any]) -> Trial:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "trial.duckdb"
    proc = subprocess.Popen(run_args(folder, db), env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(kill_after_s)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
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
        return Trial(kill_after_s, status, restart, False, False, detail=again[1][-800:])
    got = snapshot(db)
    diff = [k for k in expected if expected[k] != got[k]]
    missing = unaudited_documents(db)
    return Trial(
        kill_after_s, status, restart, identical=not diff, audit_ok=not missing,
        detail=f"differs: {diff}; unaudited: {missing}" if diff or missing else "",
    )
