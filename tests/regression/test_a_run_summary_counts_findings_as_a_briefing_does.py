"""Bug: a run's summary said "this run: 17 documents, 971 findings" counting every stored finding, where the briefing,
Slack, Coverage and `watchdesk findings` count a sentence said again within a document once (NVIDIA's 10-K says its
export-control sentences in Items 1, 1A and 7): the same run's findings were 971 in one place and 880 in the others,
with nothing saying why. Now the summary says both: "971 findings (880 with a sentence said again within a document
counted once, as a briefing counts)"."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from watchdesk.store import explore
from watchdesk.store.store import Store


def test_the_run_summary_says_the_findings_a_briefing_counts(demo_said: Callable[[Path], tuple[str, str]],
                                                             tmp_path: Path) -> None:  # fmt: skip
    _, stderr = demo_said(tmp_path)  # `watchdesk demo --quiet`, run once per test process, and its store
    db = tmp_path / "demo.duckdb"
    summary = next(line for line in stderr.splitlines() if line.startswith("run demo-2026-09-01: done"))
    with Store.open(db, read_only=True) as store:
        stored = store.query("SELECT count(*) FROM findings")[0][0]
    listed = explore.findings(db)  # `watchdesk findings`: a sentence said again once, as a briefing counts
    assert len(listed) < stored
    said = re.search(r"this run: \d+ documents, (\d+) findings \((\d+) with a sentence said again within a document "
                     r"counted once, as a briefing counts\), ", summary)  # fmt: skip
    assert said and (int(said[1]), int(said[2])) == (stored, len(listed)), summary
