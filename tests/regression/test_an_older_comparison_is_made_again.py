"""A review: comparisons are stored once, so a store upgraded past today's comparison fixes kept, for its newest 10-K,
the rows an older watchdesk made: no sentence a changed risk factor gained (the AI Diffusion sentences, the tariffs
clause), figures-only changes called "reworded", and "removed" factors a 10-Q listing only the changed ones never
removed. A comparison now records the way it was made (COMPARE_VERSION, migration 020), and the next run compares a
newest filing made the older way again, replacing its rows; one made this way is not made again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.agents.filings_compare import COMPARE_VERSION
from watchdesk.graph.cli import cli

NVDA_10K = "SELECT doc_id FROM documents WHERE ticker = 'NVDA' AND form = '10-K' AND run_id IS NOT NULL"
GAINS = (f"SELECT count(*) FROM filing_changes WHERE item = '1A' AND kind IN ('added', 'inserted') "
         f"AND new_doc_id IN ({NVDA_10K})")
STAMPS = f"SELECT compare_version, created_at FROM filing_comparisons WHERE new_doc_id IN ({NVDA_10K}) ORDER BY item"


@pytest.fixture()
def db(tmp_path: Path, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path)


def rerun(db: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--out", str(db.parent / "b2"), "--quiet"])
    assert result.exit_code == 0, result.output


def test_a_comparison_made_the_older_way_is_made_again(db: Path) -> None:
    with duckdb.connect(str(db)) as con:  # as an older watchdesk left it
        gained = con.execute(GAINS).fetchone()[0]
        assert gained > 80  # 93: 86 sentences added, 7 words inserted
        con.execute("UPDATE filing_comparisons SET compare_version = NULL")
        con.execute("DELETE FROM filing_changes WHERE item = '1A' AND kind IN ('added', 'inserted')")
    rerun(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(GAINS).fetchone()[0] == gained
        assert {v for v, _ in con.execute(STAMPS).fetchall()} == {COMPARE_VERSION}


def test_a_comparison_made_this_way_is_not_made_again(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute(STAMPS).fetchall()
    rerun(db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(STAMPS).fetchall() == before
