"""Flagging throughput (issue 5, acceptance 3): every full earnings call in the fixtures, and a 10-K.

Run: .venv/bin/python -m tests.bench.bench_flagging   (targets: each call < 0.2 s; 2 MB of filing text ~1 s)

Not collected by pytest (bench_*.py). Calls are parsed first (parsing is not timed); each is then
flagged whole with all shipped topics, best of three runs (timing noise on a busy machine only
ever adds). The 10-K is timed as clean text, and that text repeated to 2 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.timing import best_of
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.errors import ParsingError
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.transcripts import parse_transcript

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
TEN_K = FIXTURES / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
CALL_TARGET_S = 0.2
FILING_TARGET_S_PER_2MB = 1.0


def call_texts() -> dict[str, str]:
    """Name -> text of every transcript that parses (stubs such as the truncated MPWR call are skipped)."""
    texts = {}
    for path in sorted((FIXTURES / "transcripts").rglob("*")):
        if path.suffix not in {".html", ".txt", ".json", ".pdf"} or path.name.startswith("_"):
            continue
        if "structured_json" in path.parts:
            continue
        try:
            texts[path.name] = parse_transcript(path.read_bytes(), origin=str(path)).joined()[0]
        except ParsingError:
            continue
    return texts


def main() -> int:
    if not FIXTURES.is_dir():
        print(f"no fixtures at {FIXTURES}", file=sys.stderr)
        return 2
    library = load_topics()
    texts = call_texts()
    for text in texts.values():  # compile every cue regex outside the timings
        flag_text(text, topics=library)
    times = {name: best_of(3, lambda text=text: flag_text(text, topics=library)) for name, text in texts.items()}
    slowest = max(times, key=lambda name: times[name])
    total_kb = sum(len(t) for t in texts.values()) / 1e3
    print(f"calls: {len(times)} flagged whole with {len(library)} topics, {total_kb:.0f} KB of text")
    print(f"  per call: mean {sum(times.values()) / len(times) * 1e3:.1f} ms, max {times[slowest] * 1e3:.1f} ms "
          f"({slowest}, {len(texts[slowest]) / 1e3:.0f} KB); target < {CALL_TARGET_S * 1e3:.0f} ms")
    filing = html_to_text(TEN_K.read_bytes())
    one = best_of(3, lambda: flag_text(filing, topics=library))
    two_mb = (filing * (2_000_000 // len(filing) + 1))[:2_000_000]
    two = best_of(2, lambda: flag_text(two_mb, topics=library))
    print(f"10-K: {TEN_K.name}, {len(filing) / 1e6:.2f} MB of clean text in {one:.2f} s; "
          f"2 MB of it in {two:.2f} s (target about {FILING_TARGET_S_PER_2MB:.0f} s)")
    ok = times[slowest] < CALL_TARGET_S
    print("calls ok" if ok else "calls SLOW")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
