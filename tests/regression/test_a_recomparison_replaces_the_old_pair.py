"""Bug: a comparison made again replaced only its own pair's rows, so when the newer filing was compared with another
previous filing than the first time (an older watchdesk's comparison, made from another listing), the old pair's
rows stayed beside the new ones in filing_comparisons and filing_changes: the briefing's "What changed in filings"
and its similarity history then showed NVIDIA's FY2025 10-K twice, once against each previous filing. A comparison
now replaces every row of its newer filing, in the transaction that writes the new ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.store.changes import save_comparison
from watchdesk.store.store import Store

NEW_10K = "SELECT doc_id FROM documents WHERE ticker = 'NVDA' AND form = '10-K' AND run_id IS NOT NULL"
PAIRS = "SELECT DISTINCT old_doc_id FROM {table} WHERE new_doc_id IN (" + NEW_10K + ") ORDER BY 1"
ROWS = "SELECT count(*) FROM filing_changes WHERE new_doc_id IN (" + NEW_10K + ")"
OLDER = "0000000000000001"  # the stand-in for another previous filing: FY2024's 10-K stored under another id


@pytest.fixture()
def db(tmp_path: Path, demo_store: Callable[[Path], Path]) -> Path:
    return demo_store(tmp_path)


def pairs(con: duckdb.DuckDBPyConnection) -> tuple[list[tuple[str]], list[tuple[str]]]:
    return (con.execute(PAIRS.format(table="filing_comparisons")).fetchall(),
            con.execute(PAIRS.format(table="filing_changes")).fetchall())  # fmt: skip


def test_a_recomparison_with_another_previous_filing_replaces_the_old_pair(db: Path) -> None:
    with duckdb.connect(str(db)) as con:  # as an older watchdesk left it, having compared with another filing
        (previous,) = con.execute("SELECT DISTINCT old_doc_id FROM filing_comparisons").fetchone()
        rows = con.execute(ROWS).fetchone()[0]
        con.execute("INSERT INTO documents SELECT * REPLACE (? AS doc_id, url || '#older' AS url) FROM documents "
                    "WHERE doc_id = ?", [OLDER, previous])  # fmt: skip
        con.execute("UPDATE filing_comparisons SET old_doc_id = ?, compare_version = NULL", [OLDER])
        con.execute("UPDATE filing_changes SET old_doc_id = ?", [OLDER])
    result = CliRunner().invoke(cli, ["demo", "--db", str(db), "--out", str(db.parent / "b2"), "--quiet"])
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert pairs(con) == ([(previous,)], [(previous,)])
        assert con.execute(ROWS).fetchone()[0] == rows


def test_a_failed_write_keeps_the_earlier_comparison(db: Path) -> None:
    with duckdb.connect(str(db)) as con:
        (old, new) = con.execute("SELECT DISTINCT old_doc_id, new_doc_id FROM filing_comparisons").fetchone()
        rows = con.execute(ROWS).fetchone()[0]
    with Store.open(db) as store, pytest.raises(duckdb.Error):
        # a row the table refuses (no item) fails the write after the earlier rows were deleted: all rolled back
        save_comparison(store, old_doc_id=OLDER, new_doc_id=new, sections=[{"old_doc_id": OLDER, "new_doc_id": new}],
                        changes=[])  # fmt: skip
    with duckdb.connect(str(db), read_only=True) as con:
        assert pairs(con) == ([(old,)], [(old,)])
        assert con.execute(ROWS).fetchone()[0] == rows
