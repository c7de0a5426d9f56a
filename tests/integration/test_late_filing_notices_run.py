"""A goal about late filings, run end to end on SEC's real listing of Tesla's filings (its older submissions page holds
the NT 10-K of 2013-03-04, the notice of late filing before its 10-K of 2013-03-07): the plan's forms reach the run's
filter, the notice is picked with the 10-K and the 8-Ks, and the briefing names it. Not covered: no NT document is in
the shared fixtures, so the pack holds none, and the notice is a gap ("not in the recording") where a live run would
store it unsectioned and flag it for late_filing; storing and flagging one is not tested."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.edgar_parse import older_page_url, submissions_url

NOTICE = ("NT 10-K 0001193125-13-088624: not in the recording: "
          "https://www.sec.gov/Archives/edgar/data/1318605/000119312513088624/d452995dnt10k.htm")  # fmt: skip


def _pack(root: Path, edgar: Path) -> Path:
    (root / "bodies").mkdir(parents=True)
    entries = []
    for url, name in [(submissions_url(1318605), "CIK0001318605_TESLA.json"),
                      (older_page_url("CIK0001318605-submissions-001.json"),
                       "CIK0001318605-submissions-001_TESLA_page.json")]:  # fmt: skip
        (root / "bodies" / name).write_bytes((edgar / "submissions" / name).read_bytes())
        entries.append({"url": url, "status": 200, "headers": {}, "body": f"bodies/{name}"})
    (root / "index.json").write_text(json.dumps({"version": 1, "responses": entries}))
    return root


def _run(tmp_path: Path, edgar: Path, goal: str) -> tuple[int, str, str]:
    out = tmp_path / "out"
    done = CliRunner().invoke(cli, ["run", goal, "--as-of", "2013-03-10", "--db", str(tmp_path / "w.duckdb"), "--out",
                                    str(out), "--replay", str(_pack(tmp_path / "pack", edgar)), "--yes"])  # fmt: skip
    briefing = next(out.glob("*.md")).read_text() if out.is_dir() else ""
    return done.exit_code, " ".join(done.stderr.split()), briefing


def test_a_late_10k_goal_lists_the_notice_of_late_filing(tmp_path: Path, edgar_fixtures: Path) -> None:
    code, said, briefing = _run(tmp_path, edgar_fixtures, "track TSLA for 10-K delays")
    assert "filing forms: NT 10-K, 10-K, 8-K (late filings, from '10-K delays'" in said
    assert "TSLA: 4 filings in window" in said, said  # the notice, the 10-K and the two newest 8-Ks
    assert f"gap {NOTICE}" in said and "gap 10-K 0001193125-13-096241" in said, said
    assert code == 0  # what the pack lacks is a gap, no failure
    assert "**Topics:** Late filing" in briefing
    assert f"- **TSLA** · filings · 2013-03-04 · {NOTICE}" in briefing, briefing


def test_a_goal_about_other_delays_leaves_the_notice_out(tmp_path: Path, edgar_fixtures: Path) -> None:
    code, said, _ = _run(tmp_path, edgar_fixtures, "Watch TSLA 10-K filings for shipping delays")
    assert "TSLA: 1 filing in window, 0 new documents" in said, said  # the 10-K alone (said "1 filings" before)
    assert "NT 10-K" not in said and "gap 10-K 0001193125-13-096241" in said, said
    assert code == 0
