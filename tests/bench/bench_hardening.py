"""Issue 13's speed figures, this code against an earlier revision in the same run (ratios, not absolutes).

Run: .venv/bin/python -m tests.bench.bench_hardening [--against REV] [--rounds N] [--only startup]
     (make bench-hardening)

- start-up of `watchdesk flag` on one call: the whole command's wall time minus the flagging itself
  (target <= 0.3 s), with the regex cache warm (a second command) and cold (the first after an install);
- flagging a 55 KB call, and `watchdesk flag` on it wall to wall (issue 10: <= 0.2 s and <= 2 s);
- flagging a 10-K's text repeated to 2 MB (target <= 1 s);
- flagging text without sentence breaks: 200 KB on both, then 1, 2 and 5 MB on this code only (the old
  code took over 300 s on 5 MB; target < 10 s).

REV (default: the commit before issue 13's work) is unpacked with `git archive` into a temporary folder and
imported from there, bytecode compiled for both trees. Sides alternate round by round and the best of the
rounds is kept, so a busy machine slows both alike. The whole run is pinned to one CPU (--cpu, default the
last one this process may use; children inherit it), so neither side gets a second core for its start-up,
and the load average is printed before and after: on a shared machine, read the figures with it. Start-up is
also given in CPU time (user + system of the command, minus the flagging's), which load inflates far less
than wall time. Flagging itself is timed in CPU seconds of its process (what it takes on an idle core: on a
shared one, wall time mostly measures the neighbours). Needs ../shared/fixtures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures"
CALL = FIXTURES / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt"
CALL_50KB = FIXTURES / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q3.txt"  # 55 KB
TEN_K = FIXTURES / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
BASELINE = "ef246b5"  # the last commit before issue 13's changes
PACKAGES = ("agents", "graph", "sources", "store")

WORKER = r"""
import json, re, sys, time
from pathlib import Path
kind, arg = sys.argv[1], sys.argv[2]
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text
library = load_topics()
if kind == "call":
    from watchdesk.agents.flagging.document import flag_document, load_document
    document = load_document(Path(arg).read_bytes(), origin=arg)
    flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))  # warm
    start, cpu = time.perf_counter(), time.process_time()
    flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    print(json.dumps({"flagging": time.perf_counter() - start, "flagging_cpu": time.process_time() - cpu,
                      "cpu": time.process_time() - cpu}))
    sys.exit()
filing = html_to_text(Path(sys.argv[3]).read_bytes())
size = int(arg)
if kind == "nobreaks":
    filing = re.sub(r"[.!?\n]", " ", filing).lower()
text = (filing * (size // len(filing) + 1))[:size]
flag_text(filing[:100_000], topics=library)  # compile cue regexes outside the timing
start, cpu = time.perf_counter(), time.process_time()
flag_text(text, topics=library)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}))
"""


def baseline_tree(rev: str, into: Path) -> Path:
    """`rev`'s packages under `into/watchdesk/`, importable with PYTHONPATH=into."""
    target = into / "watchdesk"
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, *PACKAGES], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(target)], check=True, capture_output=True)
    return into


def env_for(path: Path | None, cache: Path) -> dict[str, str]:
    env = {**os.environ, "WATCHDESK_CACHE_DIR": str(cache)}
    env.pop("PYTHONPATH", None)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    return env


def worker(env: dict[str, str], *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", WORKER, *args], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def command_seconds(env: dict[str, str], *args: str) -> float:
    return command_times(env, *args)[0]


def command_times(env: dict[str, str], *args: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", *args], env=env, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def startup(env: dict[str, str], *, cold_cache: Path | None = None, cpu: bool = False) -> float:
    """Wall (or CPU) time of `watchdesk flag CALL` minus the flagging itself."""
    if cold_cache is not None:
        for stale in cold_cache.rglob("regex-*"):
            stale.unlink()
    wall, used = command_times(env, "flag", str(CALL))
    flagging = worker(env, "call", str(CALL))
    return used - flagging["flagging_cpu"] if cpu else wall - flagging["flagging"]


def pin(cpu: int | None) -> str:
    """Pin this process (and so every child) to one CPU; say which, and the load average now."""
    allowed = sorted(os.sched_getaffinity(0))
    chosen = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {chosen})
    return f"pinned to CPU {chosen} of {len(allowed)}; {load()}"


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())


def best(rounds: int, sides: dict[str, dict[str, str]], measure: Callable[[dict[str, str]], float]) -> dict[str, float]:
    results: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(rounds):  # alternate: load on the machine hits both sides alike
        for name, side in sides.items():
            results[name].append(measure(side))
    return {name: min(values) for name, values in results.items()}


def report(label: str, figures: dict[str, float], target: str) -> None:
    old, new = figures["before"], figures["now"]
    print(f"{label}: before {old:.2f} s, now {new:.2f} s, {old / new:.1f}x faster; target {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default=BASELINE, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)")
    parser.add_argument("--only", choices=["startup"], help="only the start-up figures")
    args = parser.parse_args()
    print(pin(args.cpu))
    if not FIXTURES.is_dir():
        print(f"no fixtures at {FIXTURES}", file=sys.stderr)
        return 2
    # as `make` installs it: with PYTHONDONTWRITEBYTECODE (or after an edit) this tree would recompile at each start
    packages = [str(REPO / package) for package in PACKAGES]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        base = baseline_tree(args.against, Path(tmp) / "base")
        cache = Path(tmp) / "cache"
        sides = {"before": env_for(base, cache), "now": env_for(None, cache)}
        command_seconds(sides["now"], "flag", str(CALL))  # fills the regex cache
        report("start-up of `watchdesk flag` (warm cache)", best(args.rounds, sides, startup), "<= 0.3 s")
        in_cpu = best(args.rounds, sides, lambda env: startup(env, cpu=True))
        report("start-up of `watchdesk flag` (warm cache), CPU time", in_cpu, "<= 0.3 s")
        if args.only == "startup":
            cold = best(1, sides, lambda env: startup(env, cold_cache=cache))
            report("start-up of `watchdesk flag` (cold cache)", cold, "first command after an install")
            print(f"after: {load()}")
            return 0
        call = best(args.rounds, sides, lambda env: worker(env, "call", str(CALL_50KB))["cpu"])
        report("flagging a 55 KB call (three default topics), CPU", call, "<= 0.2 s (issue 10)")
        wall = best(args.rounds, sides, lambda env: command_seconds(env, "flag", str(CALL_50KB)))
        report("`watchdesk flag` on a 55 KB call, wall", wall, "<= 2 s (issue 10)")
        cold = best(1, sides, lambda env: startup(env, cold_cache=cache))
        report("start-up of `watchdesk flag` (cold cache)", cold, "first command after an install")
        two_mb = best(args.rounds, sides, lambda env: worker(env, "filing", "2000000", str(TEN_K))["cpu"])
        report("flagging 2 MB of 10-K text, CPU", two_mb, "<= 1 s")
        nobreaks = best(1, sides, lambda env: worker(env, "nobreaks", "200000", str(TEN_K))["cpu"])
        report("flagging 200 KB without sentence breaks, CPU", nobreaks, "linear")
        for size in (1_000_000, 2_000_000, 5_000_000):
            took = worker(sides["now"], "nobreaks", str(size), str(TEN_K))
            print(f"flagging {size / 1e6:.0f} MB without sentence breaks (now): CPU {took['cpu']:.2f} s "
                  f"({took['cpu'] / size * 1e6:.2f} s/MB), wall {took['seconds']:.2f} s; target 5 MB < 10 s")
    print(f"after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
