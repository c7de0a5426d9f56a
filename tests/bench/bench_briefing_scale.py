"""The weekly briefing on a database of a million findings (issue 13, acceptance 6): wall time and peak memory.

The database is the real demo database (`watchdesk demo`) replicated with SQL, deterministically: copy k of
every document, sentence, span, flag, finding and filing comparison gets ids suffixed `~k`. Copies 1..HISTORY
keep the watched tickers and move back HISTORY_WEEKS weeks each (their own older history, outside the briefed
window); the other copies go to synthetic tickers (SYN0..SYN{SYNTHETIC - 1}) and move by 0..51 weeks, so many of
them fall in the briefed week itself: neither the period nor the ticker filter alone is selective.

Then `watchdesk brief --db X --week W --format md` (and `--format html`) runs in a fresh process, REPEAT times
each; the figures are wall time, CPU time (user + system, which load inflates far less) and the child's peak
RSS (resource.getrusage(RUSAGE_CHILDREN), read after each child in its own measuring process, so one child's
peak never hides another's).

    make bench-briefing                       # or: .venv/bin/python -m tests.bench.bench_briefing_scale
    BENCH_DB=/tmp/big.duckdb make bench-briefing   # keep (and reuse) the built database
    BENCH_COPIES=100 make bench-briefing           # a tenth of the size: memory and time should not follow it
    BENCH_AGAINST=67a39bd make bench-briefing      # also the code of that revision, alternating, in the same run

The whole run is pinned to one CPU (children inherit it), as bench_hardening is, and prints the load average
before and after: on a shared machine, read the figures with it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COPIES = int(os.environ.get("BENCH_COPIES", "1000"))  # copy 0 is the demo itself: 1,063 findings x 1,000 = 1,063,000
HISTORY = 8  # copies that stay on the watched tickers, each HISTORY_WEEKS further back
HISTORY_WEEKS = 130  # longer than the demo's span (2024-02 to 2026-07), so history copies never overlap
SYNTHETIC = 250
WEEK = "2025-W09"  # the demo's busiest week: NVIDIA's FY2025 10-K (compared with FY2024) and its Q4 call, 412 findings
REPEAT = 3
BIN = Path(sys.executable).parent


def _copy_sql(table: str, cols: list[str], ids: dict[str, str], shift: dict[str, str]) -> str:
    """INSERT every base row of `table` once per copy k, ids suffixed, ticker and dates moved by copy."""
    exprs = []
    for c in cols:
        q = f'b."{c}"'
        if c in ids:
            exprs.append(f"CASE WHEN {q} IS NULL THEN NULL ELSE {q} || '~' || k END")
        elif c == "ticker":
            exprs.append(f"CASE WHEN k <= {HISTORY} THEN {q} ELSE 'SYN' || (k % {SYNTHETIC}) END")
        elif c in shift:
            exprs.append(f"{q} - {shift[c]}")
        else:
            exprs.append(q)
    return (f'INSERT INTO {table} SELECT {", ".join(exprs)} FROM base_{table} b, '
            f"(SELECT range AS k FROM range(1, {COPIES})) r")  # fmt: skip


def _days() -> str:
    """Days to move copy k back: its history slot on the watched tickers, else 0..51 weeks."""
    return f"(CASE WHEN k <= {HISTORY} THEN k * {HISTORY_WEEKS * 7} ELSE 7 * (k % 52) END)"


def replicate(path: Path) -> None:
    import duckdb

    days = _days()
    id_cols = {"doc_id", "parent_doc_id", "finding_id", "old_doc_id", "new_doc_id"}
    dates = {"filed_at": f"CAST({days} AS INTEGER)", "period": f"CAST({days} AS INTEGER)",
             "first_stored_at": f"to_days(CAST({days} AS INTEGER))"}  # fmt: skip
    tables = ["documents", "sentences", "doc_spans", "doc_flags", "findings", "filing_comparisons", "filing_changes"]
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    for table in tables:
        sql = "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index"
        cols = [r[0] for r in con.execute(sql, [table]).fetchall()]
        con.execute(f"CREATE TEMP TABLE base_{table} AS SELECT * FROM {table}")
        con.execute(_copy_sql(table, cols, id_cols, dates if table == "documents" else {}))
    con.execute("CHECKPOINT")
    con.close()


def build(path: Path, work: Path) -> None:
    demo = work / "demo.duckdb"
    subprocess.run([str(BIN / "watchdesk"), "demo", "--db", str(demo), "--out", str(work / "demo-out")],
                   check=True, capture_output=True)  # fmt: skip
    shutil.copy(demo, path)
    replicate(path)


def describe(path: Path) -> dict[str, float]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    out = {
        "findings": one("SELECT count(*) FROM findings"),
        "documents": one("SELECT count(*) FROM documents"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "text_mb": one("SELECT sum(n_chars) FROM documents") / 1e6,
        "sentence_text_mb": one("SELECT sum(length(text)) FROM sentences") / 1e6,
        "file_mb": path.stat().st_size / 1e6,
    }
    con.close()
    return out


_CHILD = """
import resource, subprocess, sys, time, json
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - t
use = resource.getrusage(resource.RUSAGE_CHILDREN)
rss, cpu = use.ru_maxrss / 1024, use.ru_utime + use.ru_stime
print(json.dumps({"rc": p.returncode, "wall": wall, "cpu": cpu, "rss_mb": rss, "err": p.stderr[-400:]}))
"""


def measure(path: Path, fmt: str, out: Path, *, tree: Path | None = None, module: bool = False) -> dict[str, float]:
    """One `watchdesk brief` in a fresh process; with `tree`, the code unpacked there (bench_hardening's way),
    run as `python -m watchdesk.graph.cli` (as is this tree's with `module`, for a like-for-like comparison)."""
    args = ["brief", "--db", str(path), "--week", WEEK, "--format", fmt, "--out", str(out)]
    as_module = module or tree is not None
    cmd = [sys.executable, "-m", "watchdesk.graph.cli", *args] if as_module else [str(BIN / "watchdesk"), *args]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | ({"PYTHONPATH": str(tree)} if tree else {})
    res = subprocess.run([sys.executable, "-c", _CHILD, *cmd], capture_output=True, text=True, check=True, env=env)
    row = json.loads(res.stdout)
    if row["rc"] != 0:
        raise SystemExit(f"watchdesk brief failed ({row['rc']}): {row['err']}")
    return row


def main() -> None:
    from tests.bench.bench_hardening import baseline_tree, load, pin

    print(pin(None))
    keep = os.environ.get("BENCH_DB")
    against = os.environ.get("BENCH_AGAINST")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = Path(keep) if keep else work / "big.duckdb"
        if not db.is_file():
            t = time.perf_counter()
            build(db, work)
            print(f"built {db} in {time.perf_counter() - t:.0f} s")
        size = describe(db)
        print(f"{size['findings']:,} findings, {size['documents']:,} documents, {size['sentences']:,} sentences; "
              f"{size['text_mb']:.0f} MB document text + {size['sentence_text_mb']:.0f} MB sentence text; "
              f"file {size['file_mb']:.0f} MB")  # fmt: skip
        print(f"watchdesk brief --db {db.name} --week {WEEK} --format F (fresh process, {REPEAT} runs)")
        print(f"{'wall s (best)':>14} {'wall s (worst)':>15} {'CPU s (best)':>13} {'peak RSS MB (max)':>18}  format")
        base = baseline_tree(against, work / "base") if against else None
        base_db = work / "base.duckdb"
        if base is not None:  # a copy as it stands: this tree's brief may migrate `db` past what `against` reads
            shutil.copy(db, base_db)
        for fmt in ("md", "html"):
            if base is None:
                _line(fmt, [measure(db, fmt, work / "out") for _ in range(REPEAT)])
                continue
            now, before = [], []
            for _ in range(REPEAT):  # alternate, so load on the machine hits both alike
                now.append(measure(db, fmt, work / "out", module=True))
                before.append(measure(base_db, fmt, work / "out", tree=base))
            _line(f"{fmt} (now)", now)
            _line(f"{fmt} ({against})", before)
            print(f"{'':>14} {min(r['wall'] for r in before) / min(r['wall'] for r in now):>14.2f}x  {fmt}: best wall, "
                  f"{against} / now")  # fmt: skip
        if (work / "demo.duckdb").is_file():  # the floor: the same briefing from the demo database alone
            _line("md, demo database alone (1,063 findings)", [measure(work / "demo.duckdb", "md", work / "out")
                                                               for _ in range(REPEAT)])  # fmt: skip
        print(f"after: {load()}")


def _line(label: str, rows: list[dict[str, float]]) -> None:
    walls = [r["wall"] for r in rows]
    cpu = min(r["cpu"] for r in rows)
    print(f"{min(walls):>14.2f} {max(walls):>15.2f} {cpu:>13.2f} {max(r['rss_mb'] for r in rows):>18.0f}  {label}")


if __name__ == "__main__":
    main()
