"""The notebook's `explore.findings` on the briefing benchmark's store of a million findings: wall and CPU time of
each call in a fresh process, this code against a baseline revision in the same run, and whether both list the same.

The store is bench_briefing_scale's (the demo database replicated by SQL; BENCH_DB=FILE keeps and reuses it), so
one built store serves both benchmarks. Each call runs in its own process (import and opening the file included,
as a notebook cell's first call pays them), this code and BENCH_AGAINST's alternately, REPEAT times; the best wall
and CPU time (user + system, of the process and DuckDB's threads) are kept, with the ratio baseline / now. The rows
each side lists are compared: the same rows (every column), in the same order where the baseline's ORDER BY fixed
one (its ties: the same sentence flagged under two topics with one score, in an order it did not fix).

    .venv/bin/python -m tests.bench.bench_explore               # against a399339 (the code before this benchmark)
    BENCH_DB=/tmp/big.duckdb BENCH_AGAINST=HEAD~3 .venv/bin/python -m tests.bench.bench_explore
    BENCH_CALLS=all,nvda .venv/bin/python -m tests.bench.bench_explore    # some calls only
    BENCH_DISTINCT=1 BENCH_DB=/tmp/big.duckdb .venv/bin/python -m tests.bench.bench_explore  # sentences unlike

The built store copies the demo's findings a thousand times, so it holds 607 distinct sentences: DuckDB reads a
sentence stored many times once (a dictionary-coded column), and work on the text (the regular expression that
makes sentences alike) costs next to nothing there, as it would not on a real store of a million findings.
BENCH_DISTINCT=1 measures on a copy of the store (the store itself is left as it is) whose every copy's sentences
end " (copy K)": as many distinct sentences as a real store, the same sentences said again in each document.

The load average is printed before and after: on a shared machine, read the wall times with it (CPU time is
inflated by load far less).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
BASELINE = "a399339"  # the said_again column and the sorted-neighbour citations: explore.findings() in 18 s
CALLS = {  # name: explore.findings' arguments, as Python
    "all": "",
    "nvda": "ticker='NVDA'",
    "inventory": "topic='inventory'",
    "since": "start=date(2025, 1, 1)",
    "week": "week='2025-W09'",
    "calls50": "polarity='negative', kind='call', limit=50",
}

_CHILD = r"""
import hashlib, json, resource, sys, time
from datetime import date
t, c = time.perf_counter(), time.process_time()
from watchdesk.store import explore
rows = explore.findings(sys.argv[1], **eval("dict(" + sys.argv[2] + ")"))
wall, cpu = time.perf_counter() - t, time.process_time() - c
key = lambda r: (r["date"], r["ticker"], r["document"], abs(r["score"]))  # the baseline's order, start aside
exact, tied = hashlib.sha256(), hashlib.sha256()
groups = {}
for r in rows:
    exact.update(repr(list(r.items())).encode())
    groups.setdefault(key(r), []).append(repr(list(r.items())))
for k, same in groups.items():  # rows in order of their keys, each key's rows in any order
    tied.update(repr(k).encode() + repr(sorted(same)).encode())
order = hashlib.sha256(repr([key(r) for r in rows]).encode()).hexdigest()
said = {"wall": wall, "cpu": cpu, "rows": len(rows), "total": rows.total, "exact": exact.hexdigest(),
        "tied": tied.hexdigest(), "order": order, "columns": rows.columns}
print("\nBENCH " + json.dumps(said))  # after any progress bar DuckDB draws
"""


def measure(db: Path, args: str, tree: Path | None) -> dict[str, object]:
    """One explore.findings call in a fresh process; with `tree`, the code unpacked there."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | ({"PYTHONPATH": str(tree)} if tree else {})
    out = subprocess.run([sys.executable, "-c", _CHILD, str(db), args], capture_output=True, text=True, env=env,
                         check=True)  # fmt: skip
    return json.loads(out.stdout.rsplit("\nBENCH ", 1)[1])  # type: ignore[no-any-return]


def distinct(db: Path, into: Path) -> Path:
    """A copy of the store whose sentences differ between the demo's copies (finding_id's "~K"), alike within one."""
    import shutil

    import duckdb

    shutil.copy(db, into)
    with duckdb.connect(str(into)) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute("UPDATE findings SET sentence = sentence || ' (copy ' || "
                    "coalesce(nullif(split_part(finding_id, '~', 2), ''), '0') || ')'")  # fmt: skip
        sentences = con.execute("SELECT count(DISTINCT sentence) FROM findings").fetchone()
    print(f"{into}: a copy with {sentences[0] if sentences else 0:,} distinct sentences")
    return into


def main() -> None:
    from tests.bench.bench_briefing_scale import build, describe
    from tests.bench.bench_hardening import baseline_tree, load

    against = os.environ.get("BENCH_AGAINST", BASELINE)
    names = os.environ.get("BENCH_CALLS", ",".join(CALLS)).split(",")
    print(load())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db = Path(os.environ.get("BENCH_DB") or work / "big.duckdb")
        if not db.is_file():
            build(db, work)
        if os.environ.get("BENCH_DISTINCT"):
            db = distinct(db, work / "distinct.duckdb")
        size = describe(db)
        print(f"{db}: {size['findings']:,.0f} findings, {size['documents']:,.0f} documents")
        base = baseline_tree(against, work / "base")
        print(f"explore.findings(db, ...) in a fresh process, best of {REPEAT}; {against} / now")
        print(f"{'call':<46} {'now s':>7} {'CPU s':>7} {against + ' s':>13} {'CPU s':>7} {'x wall':>7} "
              f"{'x CPU':>6}  same")
        for name in names:
            now: list[dict[str, object]] = []
            before: list[dict[str, object]] = []
            for _ in range(REPEAT):  # alternate, so load on the machine hits both alike
                now.append(measure(db, CALLS[name], None))
                before.append(measure(db, CALLS[name], base))
            _line(f"{name}: findings({CALLS[name]})", now, before)
    print(f"after: {load()}")


def _line(label: str, now: list[dict[str, object]], before: list[dict[str, object]]) -> None:
    best = {side: (min(float(r["wall"]) for r in rows), min(float(r["cpu"]) for r in rows))  # type: ignore[arg-type]
            for side, rows in (("now", now), ("before", before))}  # fmt: skip
    a, b = now[0], before[0]
    if a["exact"] == b["exact"]:
        same = f"identical ({a['rows']:,} rows)"
    elif (a["tied"], a["order"], a["total"], a["columns"]) == (b["tied"], b["order"], b["total"], b["columns"]):
        same = f"same rows and order, ties aside ({a['rows']:,} rows)"
    else:
        same = f"DIFFERENT: {a['rows']:,} rows against {b['rows']:,}"
    (w, c), (bw, bc) = best["now"], best["before"]
    print(f"{label:<46} {w:>7.2f} {c:>7.2f} {bw:>13.2f} {bc:>7.2f} {bw / w:>6.2f}x {bc / c:>5.2f}x  {same}")


if __name__ == "__main__":
    main()
