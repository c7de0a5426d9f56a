"""Upgrade review: a store the previous release wrote (schema 017), opened by this watchdesk, re-briefed its weeks with
the claims today's fixes withdrew. `watchdesk brief --week 2026-W35` of the previous release's demo store said of TSM
"Nothing was filed or published in it" (its month-end 6-K of 2026-08-25 was left out), and of NVDA the same
(the replayed listing was served on 2026-03-05), as 2026-W22, W29 and W33 did: the old runs recorded neither the
6-Ks their filings step left out nor how old a replayed listing was (read cuts only the new code writes), so their
days counted as read. Migration 019 records, for each run stored before 018 and each filings step of it that ran,
the days after its limit cut as not known, saying why; a run made since says what it read, as before."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.regression.demo_briefs import brief_md, demo_db, missing
from watchdesk.store import db

OLDER = (
    "the runs were made by an older watchdesk, which did not record what its filings step may have left unread "
    "(6-Ks of kinds it does not read, a replayed listing's age)"
)


def as_the_previous_release_left_it(path: Path) -> Path:
    """The demo's store as the previous release wrote it: schema 017, and only the limit_per_form cuts it wrote."""
    (_, _, step_017), = [(v, n, s) for v, n, s in db.migrations() if v == 17]
    with duckdb.connect(str(path)) as con:
        kept = con.execute("SELECT * FROM read_cuts WHERE reason LIKE 'read only the newest%'").fetchall()
        assert len(kept) == 2
        con.execute("DROP TABLE read_cuts")
        db.apply_step(con, step_017)
        con.executemany("INSERT INTO read_cuts VALUES (?, ?, ?, ?, ?, ?, ?)", kept)
        con.execute("ALTER TABLE filing_comparisons DROP COLUMN compare_version")  # migration 020
        con.execute("ALTER TABLE store_identity DROP COLUMN kept_at")  # migration 021
        con.execute("DELETE FROM schema_migrations WHERE version > 17")
    return path


@pytest.fixture(scope="module")
def old(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    return as_the_previous_release_left_it(demo_store(tmp_path_factory.mktemp("old")))


def quiet_lines(markdown: str) -> list[str]:
    return [x for x in missing(markdown).splitlines() if x.startswith("- No new documents for")]


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
@pytest.mark.parametrize("week", ["2026-W22", "2026-W29", "2026-W33", "2026-W35"])
def test_weeks_only_old_runs_read_are_not_said_to_be_quiet(old: Path, tmp_path: Path, week: str) -> None:
    lines = quiet_lines(brief_md(old, tmp_path, "--week", week))
    assert lines
    for said in lines:
        assert "Nothing was filed" not in said, said
        assert "whether anything was filed or called" in said, said
    assert any(OLDER in said for said in lines), lines
    with duckdb.connect(str(old), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM read_cuts WHERE reason LIKE 'read only the newest%'").fetchall() == [
            (2,)]  # fmt: skip


def test_a_run_made_since_says_what_it_read(demo_store: Callable[[Path], Path], tmp_path: Path) -> None:
    """The demo run again (same run id) replaces its steps' cuts: what this watchdesk knows is said, not 'older'."""
    old = as_the_previous_release_left_it(demo_store(tmp_path / "old"))  # its own: the module's stays as it was left
    demo_db(old.parent)
    said = brief_md(old, tmp_path, "--week", "2026-W35")
    assert "older watchdesk" not in said
    assert any("the runs left out the 6-Ks it filed other than results" in x for x in quiet_lines(said))
