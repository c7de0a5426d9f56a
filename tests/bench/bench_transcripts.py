"""Parse every transcript in ../shared/fixtures/transcripts and report counts and time (issue 4, acceptance 4).

Run: .venv/bin/python -m tests.bench.bench_transcripts   (target: under 2 s in total on a 2-core box)

Not collected by pytest (bench_*.py). Files that are meant to fail (the truncated MPWR call) are
counted as rejected; any other failure is reported and makes the exit code non-zero.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.transcripts import parse_transcript, sniff

ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "transcripts"
SUFFIXES = (".html", ".txt", ".json", ".pdf")
TARGET_S = 2.0


def transcript_files(root: Path) -> list[Path]:
    """Every transcript file under `root` (metadata such as _events_*.csv and the scraper's JSON excluded)."""
    return sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and not p.name.startswith("_")
                  and "structured_json" not in p.parts)


def main() -> int:
    if not ROOT.is_dir():
        print(f"no fixtures at {ROOT}", file=sys.stderr)
        return 2
    files = transcript_files(ROOT)
    per_format: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    rejected: list[str] = []
    failed: list[str] = []
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        fmt = sniff(data)
        try:
            transcript = parse_transcript(data, origin=str(path))
        except ParsingError as exc:
            (rejected if len(data) < 1000 else failed).append(f"{path.name}: {exc}")
            continue
        per_format[fmt] += 1
        statements[fmt] += len(transcript.statements)
    total = time.perf_counter() - start
    for fmt in sorted(per_format):
        print(f"{fmt:5} {per_format[fmt]:3} transcripts  {statements[fmt]:5} statements")
    for line in rejected:
        print(f"rejected (as intended) {line}")
    for line in failed:
        print(f"FAILED {line}")
    verdict = "ok" if total < TARGET_S else "SLOW"
    print(f"total {len(files)} files in {total:.3f} s (target < {TARGET_S:.0f} s): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
