"""Benchmark: parse and section the real 10-Ks and 10-Qs in the fixtures, watchdesk against edgartools.

Run with `make bench-sections` (builds .bench-venv with edgartools; the project's .venv never gets it),
or directly: `.bench-venv/bin/python tests/bench/bench_sections.py [--fixtures DIR] [--repeat N]`.

Per document, both libraries do the same work from the same HTML: parse it, find the items, and produce
each item's text. Times are the best of --repeat runs after one warm-up; edgartools' style caches are
cleared before each of its runs so no run reuses the previous parse of the same file. Peak memory is
measured in a fresh subprocess per library (tracemalloc peak and the process's max RSS) on the largest
10-K; max RSS is the figure that counts, since tracemalloc does not see lxml's C allocations.
No network: sockets are refused in every process, and edgartools only gets local HTML.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures" / "edgar" / "filings"
MEMORY_TARGET_MB = 300


def refuse_network() -> None:
    """Make any connection attempt fail loudly: the benchmark is offline by construction."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("bench_sections: network access is disabled")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]


def watchdesk_sections(html: bytes, form: str) -> dict[str, str]:
    from watchdesk.sources.html_text import html_to_text
    from watchdesk.sources.sections import extract_sections

    return {s.item: s.text for s in extract_sections(html_to_text(html), form=form)}


def edgartools_sections(html: bytes, form: str) -> dict[str, str]:
    from edgar.documents import HTMLParser, ParserConfig

    document = HTMLParser(ParserConfig(form=form)).parse(html.decode("utf-8", errors="replace"))
    found = {}
    for section in document.sections.values():
        if section.item:  # signatures and unnumbered parts are no items
            key = f"{section.part}-{section.item}" if form == "10-Q" and section.part else section.item
            found[key] = section.text()
    return found


def clear_edgartools_caches() -> None:
    from edgar.documents.utils import get_cache_manager

    get_cache_manager().clear_all()


def best_time(work: Callable[[], dict[str, str]], *, repeat: int, before: Callable[[], None]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def documents(folder: Path) -> list[tuple[Path, str]]:
    found = []
    for path in sorted(folder.glob("*.htm*")):
        for form in ("10-K", "10-Q"):
            if f"_{form}_" in path.name:
                found.append((path, form))
    if not found:
        sys.exit(f"no 10-K or 10-Q .htm/.html files in {folder}; pass --fixtures DIR")
    return found


def have_edgartools() -> str | None:
    """edgartools' version when it is installed here, without importing it (that is heavy)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("edgartools")
    except PackageNotFoundError:
        return None


def compare(docs: list[tuple[Path, str]], *, repeat: int, with_edgartools: bool) -> list[dict[str, Any]]:
    rows = []
    for path, form in docs:
        html = path.read_bytes()
        ours_s, ours = best_time(partial(watchdesk_sections, html, form), repeat=repeat, before=lambda: None)
        row: dict[str, Any] = {"doc": path.name, "form": form, "mb": len(html) / 1e6, "ours_s": ours_s, "ours": ours}
        if with_edgartools:
            work = partial(edgartools_sections, html, form)
            theirs_s, theirs = best_time(work, repeat=repeat, before=clear_edgartools_caches)
            row |= {"theirs_s": theirs_s, "theirs": theirs}
        rows.append(row)
    return rows


def print_table(rows: list[dict[str, Any]], *, edgartools_version: str | None) -> None:
    who = f"edgartools {edgartools_version}" if edgartools_version else "edgartools (not installed)"
    print(f"\nSection extraction, best of runs: watchdesk vs {who}")
    print(f"{'document':44} {'form':5} {'MB':>5} {'watchdesk':>10} {'edgartools':>11} {'ratio':>7}  same sections")
    for row in rows:
        ours = f"{row['ours_s']:.3f}s"
        if "theirs_s" in row:
            theirs, ratio = f"{row['theirs_s']:.3f}s", f"{row['theirs_s'] / row['ours_s']:.1f}x"
            same = _same_sections(row["ours"], row["theirs"])
        else:
            theirs = ratio = "-"
            same = f"{len(row['ours'])} found (no edgartools to compare)"
        print(f"{row['doc'][:44]:44} {row['form']:5} {row['mb']:5.2f} {ours:>10} {theirs:>11} {ratio:>7}  {same}")
    if rows and "theirs_s" in rows[0]:
        ours_total, theirs_total = sum(r["ours_s"] for r in rows), sum(r["theirs_s"] for r in rows)
        print(f"{'total':44} {'':5} {'':5} {ours_total:9.3f}s {theirs_total:10.3f}s {theirs_total / ours_total:6.1f}x")
    print("ratio = edgartools time / watchdesk time (above 1.0: watchdesk is faster)")


def _same_sections(ours: dict[str, str], theirs: dict[str, str]) -> str:
    """Same item ids? And how many of them hold about the same amount of text (within 10%)."""
    common = ours.keys() & theirs.keys()
    close = sum(abs(len(ours[k]) - len(theirs[k])) <= 0.1 * max(len(ours[k]), len(theirs[k])) + 60 for k in common)
    if ours.keys() == theirs.keys():
        return f"yes ({len(ours)}; {close} of similar length)"
    only_ours, only_theirs = sorted(ours.keys() - theirs.keys()), sorted(theirs.keys() - ours.keys())
    return f"NO: only watchdesk {only_ours}, only edgartools {only_theirs}"


def memory_child(path: Path, form: str, library: str) -> None:
    """Runs in a fresh process: section one document and report the peaks as JSON."""
    refuse_network()
    work = watchdesk_sections if library == "watchdesk" else edgartools_sections
    if library == "edgartools":
        import edgar.documents  # noqa: F401  (import cost is not the parse's)
    else:
        import watchdesk.sources.html_text
        import watchdesk.sources.sections  # noqa: F401
    rss_before = _max_rss_mb()
    tracemalloc.start()
    found = work(path.read_bytes(), form)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({"tracemalloc_peak_mb": peak / 2**20, "max_rss_mb": _max_rss_mb(),
                      "rss_after_imports_mb": rss_before, "sections": len(found)}))  # fmt: skip


def _max_rss_mb() -> float:
    """Peak resident memory of this process: getrusage's ru_maxrss (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_memory(path: Path, form: str, library: str) -> dict[str, Any]:
    command = [sys.executable, __file__, "--memory-child", str(path), form, library]
    done = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def print_memory(docs: list[tuple[Path, str]], *, with_edgartools: bool) -> bool:
    path, form = max((d for d in docs if d[1] == "10-K"), key=lambda d: d[0].stat().st_size)
    size = path.stat().st_size / 1e6
    print(f"\nPeak memory sectioning the largest 10-K, {path.name} ({size:.1f} MB), in a fresh process:")
    print(f"{'library':12} {'tracemalloc peak':>17} {'max RSS':>9} {'RSS after imports':>18}")
    ok = True
    for library in ("watchdesk", "edgartools") if with_edgartools else ("watchdesk",):
        m = measure_memory(path, form, library)
        peaks = f"{m['tracemalloc_peak_mb']:15.1f}MB {m['max_rss_mb']:7.1f}MB {m['rss_after_imports_mb']:16.1f}MB"
        print(f"{library:12} {peaks}")
        if library == "watchdesk":
            ok = m["max_rss_mb"] < MEMORY_TARGET_MB
    print(f"target for watchdesk: max RSS < {MEMORY_TARGET_MB} MB: {'met' if ok else 'MISSED'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES, help="folder with the 10-K/10-Q .htm(l) files")
    parser.add_argument("--repeat", type=int, default=3, help="runs per document and library (best is kept)")
    parser.add_argument("--memory-child", nargs=3, metavar=("PATH", "FORM", "LIBRARY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("EDGAR_IDENTITY", "watchdesk-bench bench@example.com")  # edgartools wants one set
    if args.memory_child:
        path, form, library = args.memory_child
        memory_child(Path(path), form, library)
        return
    refuse_network()
    docs = documents(args.fixtures)
    version = have_edgartools()
    # Memory first, while this process is still small: Linux carries a parent's peak RSS into the
    # ru_maxrss of the children it forks, so a child started after edgartools loaded would inherit it.
    memory_ok = print_memory(docs, with_edgartools=bool(version))
    if version:
        edgartools_sections(docs[0][0].read_bytes(), docs[0][1])  # warm-up: lazy imports, regex compiles
    watchdesk_sections(docs[0][0].read_bytes(), docs[0][1])
    print_table(compare(docs, repeat=args.repeat, with_edgartools=bool(version)), edgartools_version=version)
    if not memory_ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
