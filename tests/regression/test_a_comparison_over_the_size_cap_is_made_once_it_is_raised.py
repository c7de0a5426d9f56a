"""Bug: a previous filing too large to fetch (over WATCHDESK_HTTP_MAX_MB) left the gap "compare 10-K NEW with PREV:
URL: body passed the cap of 1,048,576 bytes; aborted" (99d8e16), which named neither the setting that raises the cap
nor its value, and settled the comparison for good: after the user raised the cap, no run fetched the previous filing
and the two were never compared; `watchdesk changes` said nothing of it. Now the gap and `watchdesk changes` say
"the cap of N bytes (WATCHDESK_HTTP_MAX_MB=X)" and that a run with it raised compares them, and the next run whose cap
is larger fetches the previous filing and compares the two, which settles the old gap (done since).

Real recorded SEC responses: NVIDIA's FY2025 10-K (2,067,520 bytes) and FY2024 10-K (2,085,566 bytes) from
../shared/fixtures, replayed under a cap of 1.98 MiB (2,076,180 bytes), between the two."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from tests.integration.test_filing_changes_run import FY2024, WATCHLIST, nvidia_pack, settings
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.settings import HttpLimits
from watchdesk.store import queries
from watchdesk.store.store import Store

CAP = "the cap of 2,076,180 bytes (WATCHDESK_HTTP_MAX_MB=1.98); aborted"
GAP = (f"compare 10-K 0001045810-25-000023 with 0001045810-24-000029: {FY2024}: recorded body "
       f"bodies/")  # fmt: skip
RAISE = "; a run with WATCHDESK_HTTP_MAX_MB raised past its size compares them"


def _changes(db: Path) -> tuple[str, str]:
    done = CliRunner().invoke(cli, ["changes", "--db", str(db), "--ticker", "NVDA", "--format", "csv"])
    assert done.exit_code == 0, done.output
    return done.stdout, done.stderr


def test_a_raised_cap_compares_what_a_smaller_one_left(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures)
    small = settings(tmp_path, pack).with_(http=HttpLimits(max_mb=1.98), progress=False)
    first = runner.start_run(WATCHLIST, small)
    [gap] = [g for g in first.gaps if g.startswith("compare ")]
    assert gap.startswith(GAP) and gap.endswith(CAP + RAISE), gap
    rows, said = _changes(small.db_path)
    assert rows.count("\n") == 1  # the header alone: nothing was compared
    assert f"NVDA 10-K filed 2025-02-26 (0001045810-25-000023) not compared with 0001045810-24-000029: {FY2024}" in said
    assert "WATCHDESK_HTTP_MAX_MB=1.98" in said
    # the briefing's "What changed in filings" says it too, not only its Gaps (a Markdown file: "_" escaped)
    briefed = Path(first.briefing_path or "").read_text().split("## What changed in filings", 1)[1].split("\n## ")[0]
    assert "Not compared:" in briefed and "not compared with 0001045810-24-000029" in briefed
    assert r"(WATCHDESK\_HTTP\_MAX\_MB=1.98); aborted; a run with WATCHDESK\_HTTP\_MAX\_MB raised" in briefed

    raised = runner.start_run(WATCHLIST, small.with_(http=HttpLimits()))  # the default cap, 100 MiB
    assert not raised.gaps, raised.gaps
    assert FY2024 in _fetched(small.db_path, raised.run_id)  # fetched, as is the newer again, to compare
    rows, said = _changes(small.db_path)
    assert "removed risk factor" in rows and "Our indebtedness could adversely affect" in rows
    assert "not compared" not in said
    assert "Not compared:" not in Path(raised.briefing_path or "").read_text()
    with Store.open(small.db_path, read_only=True) as store:
        [old] = [g for g in queries.run_gaps(store, run_ids=[first.run_id]) if g["target"].startswith("compare ")]
    assert old["done_since"] is True  # the old gap is settled: a briefing no longer lists it as missing


def _fetched(db: Path, run_id: str) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        sql = "SELECT DISTINCT target FROM actions WHERE run_id = ? AND target LIKE '%Archives%' ORDER BY 1"
        return [r[0] for r in con.execute(sql, [run_id]).fetchall()]
    finally:
        con.close()


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a run anchors a watchlist's paths at the working folder
