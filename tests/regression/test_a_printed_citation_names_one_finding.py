"""A review: `watchdesk findings` and `watchdesk evidence` printed every citation as "F-" and 8 characters of the
finding_id. A store keeps every flagging's findings (a re-flag adds new ids), and by 100,000 findings two ids
sharing 8 characters are more likely than not; both were then printed as the same citation, which `evidence`
refused ("starts 2 findings"). A printed citation is now the shortest start (8 or more) no other finding in the
store shares, so it is accepted back; an ambiguous start is refused with each candidate's own citation listed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store import explore


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def shared_start(demo_folder: Path, tmp_path: Path) -> tuple[Path, str, str]:
    """A copy of the demo's store in which two real findings' ids share their first 9 characters (one id rewritten,
    as a collision of two flaggings would leave them), and the two ids."""
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_folder / "demo.duckdb", db)
    with duckdb.connect(str(db)) as con:
        first, other = (i for (i,) in con.execute(
            "SELECT finding_id FROM findings WHERE section = 'qa' ORDER BY finding_id LIMIT 2").fetchall())
        twin = first[:9] + ("0" if first[9] != "0" else "1") + other[10:]
        con.execute("UPDATE findings SET finding_id = ? WHERE finding_id = ?", [twin, other])  # fmt: skip
    return db, first, twin


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_each_printed_citation_is_accepted_back(shared_start: tuple[Path, str, str]) -> None:
    db, first, twin = shared_start
    code, out, err = invoke("findings", "--db", str(db), "--format", "jsonl")
    assert code == 0, err
    cited = {r["finding_id"]: r["citation"] for r in map(json.loads, out.splitlines())}
    assert cited[first] == f"F-{first[:10]}" and cited[twin] == f"F-{twin[:10]}"
    assert all(c == f"F-{i[:8]}" for i, c in cited.items() if i not in (first, twin))  # the rest as briefings cite
    assert {r["finding_id"]: r["citation"] for r in explore.findings(db)} == cited
    for finding_id in (first, twin):
        code, out, err = invoke("evidence", cited[finding_id], "--db", str(db))
        assert code == 0, err
        assert out.startswith(f"[{cited[finding_id]}] ")  # the citation it prints is the one it was given
        assert explore.evidence(db, cited[finding_id]).finding_id == finding_id


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_shared_start_is_refused_with_each_candidate(shared_start: tuple[Path, str, str]) -> None:
    db, first, twin = shared_start
    code, out, err = invoke("evidence", f"F-{first[:8]}", "--db", str(db))
    assert code == 2 and out == ""
    assert f"F-{first[:8]} starts 2 findings" in err and f"F-{first[:10]} (" in err and f"F-{twin[:10]} (" in err
