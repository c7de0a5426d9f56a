"""A whole run survives bad files and a held database (issue 13, items 2, 3 and 10).

Before the fixes, one page of 1,000 nested <div>s in a transcripts folder failed the whole run (no
document stored, no briefing); 1 MB of random bytes named .txt was stored as an earnings call; a
second run resolved tickers over the network before finding the database locked; and the lock
message blamed a watchdesk run when a notebook held the file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.robustness.inputs import HTML_CALL, PLAIN_CALL, invoke, nested_html, random_bytes
from watchdesk.graph.demo import demo_pack

IN_USE = 3


def watchlist(tmp_path: Path, folder: Path) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[tickers]]\nsymbol = "NVDA"\nsources = ["transcripts"]\n'
        f'[[tickers.transcripts]]\nkind = "folder"\npath = "{folder}"\n'
        '[policy]\napproval = "never"\n'
    )
    return path


def run_args(tmp_path: Path, wl: Path, db: Path) -> list[str | Path]:
    return ["run", wl, "--db", db, "--out", tmp_path / "out", "--replay", demo_pack()]


@pytest.mark.fixtures
def test_bad_files_in_a_transcripts_folder_become_gaps(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    # NVIDIA's own call: AMD's (PLAIN_CALL) under this name was stored as NVIDIA's before its opening was read
    (folder / "NVDA_2024_Q1.txt").write_bytes((shared_fixtures / PLAIN_CALL.replace("AMD_", "NVDA_")).read_bytes())
    nested = (shared_fixtures / HTML_CALL).read_text(encoding="utf-8", errors="replace")
    (folder / "nested.html").write_bytes(nested_html(nested[:20_000] + "<p>x</p>" * 10, depth=1000))
    (folder / "NVDA_2025_Q1.txt").write_bytes(random_bytes())
    db = tmp_path / "wd.duckdb"
    result = invoke(run_args(tmp_path, watchlist(tmp_path, folder), db), size=2 << 20)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("SELECT url FROM documents").fetchall()
        gaps = [row[0] for row in con.execute("SELECT reason FROM gaps").fetchall()]
    assert [url for (url,) in docs] == ["transcript:NVDA:2024-Q1:2023-05-24"]  # the good call only: no noise stored
    assert any("NVDA_2025_Q1.txt" in g and "binary data" in g for g in gaps)
    assert any("nested.html" in g for g in gaps)
    assert list((tmp_path / "out").glob("*.md")), "a briefing is still written"


def hold(db: Path) -> subprocess.Popen[str]:
    """Another program (a notebook, say) holding the file for writing."""
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb,sys; c=duckdb.connect({str(db)!r}); print('ok', flush=True); "
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,  # held until killed, however slow the run
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
    return holder


def test_a_held_database_stops_a_run_before_any_request(tmp_path: Path) -> None:
    db = tmp_path / "wd.duckdb"
    duckdb.connect(str(db)).close()
    wl = tmp_path / "watchlist.toml"
    wl.write_text('[[tickers]]\nsymbol = "NVDA"\n[policy]\napproval = "never"\n')
    holder = hold(db)
    try:
        result = invoke(run_args(tmp_path, wl, db))
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == IN_USE
    assert "resolving tickers" not in result.stderr
    assert "another program" in result.stderr and "watchdesk process" not in result.stderr
    assert "close that connection" in " ".join(result.stderr.split())
