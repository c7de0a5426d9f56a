"""Benchmark: parse and compare NVIDIA's FY2024 and FY2025 10-Ks (about 2 MB of HTML each), as a run does.

Run with `make bench-diff`, or `.venv/bin/python tests/bench/bench_diff.py [--fixtures DIR] [--repeat N]`.

Stages, each the best of --repeat runs after one warm-up, on one core:
- text: HTML -> clean text and sections (what every stored filing already gets);
- emphasis: the second pass over the HTML that finds bold/italic headings, and the risk-factor split;
- compare: matching the risk factors, section similarity (1A and MD&A), MD&A sentences added.
The issue asks for the comparison itself to take well under a second for two such 10-Ks.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO.parent / "shared" / "fixtures" / "edgar" / "filings"
KINDS = ("new", "removed", "expanded", "shortened", "reworded", "unchanged")
PAIR = ("NVDA_10-K_FY2024_filed-2024-02-21.html", "NVDA_10-K_FY2025_filed-2025-02-26.html")


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    fn()  # warm-up: imports, regex compilation, caches
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    from watchdesk.sources.filing_diff import compare, term_counts
    from watchdesk.sources.filing_parse import parse_filing
    from watchdesk.sources.html_text import html_to_text
    from watchdesk.sources.sections import extract_sections

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", type=Path, default=FIXTURES)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    bodies = [(args.fixtures / name).read_bytes() for name in PAIR]
    t_text, texts = best(lambda: [html_to_text(b) for b in bodies], args.repeat)
    best(lambda: [extract_sections(t, form="10-K") for t in texts], 1)
    pairs = list(zip(bodies, texts, strict=True))
    t_parse, parsed = best(lambda: [parse_filing(b, form="10-K", text=t) for b, t in pairs], args.repeat)

    def cold_compare() -> Any:
        term_counts.cache_clear()  # no run reuses the word counts of the previous one
        return compare(parsed[0], parsed[1])

    t_compare, diff = best(cold_compare, args.repeat)
    risk, mdna = diff.sections
    report = {
        "pair": list(PAIR),
        "html_mb": [round(len(b) / 1e6, 2) for b in bodies],
        "risk_factors": [len(p.risk.factors) if p.risk else 0 for p in parsed],
        "seconds": {
            "clean_text_both": round(t_text, 3),
            "sections_emphasis_risk_factors_both": round(t_parse, 3),
            "compare": round(t_compare, 3),
            "total": round(t_text + t_parse + t_compare, 3),
        },
        "result": {
            "risk_similarity": risk.similarity,
            "risk_jaccard": risk.jaccard,
            "kinds": {
                k: len(risk.of_kind(k)) for k in ("new", "removed", "expanded", "shortened", "reworded", "unchanged")
            },
            "mdna_similarity": mdna.similarity,
            "mdna_jaccard": mdna.jaccard,
            "mdna_sentences_added": len(mdna.added_sentences),
        },
    }
    print(json.dumps(report, indent=2))
    verdict = "well under" if t_compare < 0.5 else "under" if t_compare < 1 else "OVER"
    print(f"compare: {t_compare * 1000:.0f} ms for two 10-Ks after parsing ({verdict} the 1 s the issue asks)")


if __name__ == "__main__":
    main()
