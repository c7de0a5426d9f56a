"""A security review (session 22): a step the policy refused became a gap but no audit row, and a run whose ticker
map request was refused (sec.gov not allowed) left nothing at all in an existing database: no audit row, no run.
Every refusal is now an `actions` row with its reason, and such a run is recorded as failed."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from watchdesk.graph import runner
from watchdesk.graph.demo import DEMO_AS_OF, demo_pack
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import PolicyError

BASE = '[[tickers]]\nsymbol = "NVDA"\n{cik}[filings]\nforms = ["10-Q"]\nsince = 2025-08-01\nuntil = 2025-08-31\n' \
       '[policy]\nallowed_domains = ["127.0.0.1"]\napproval = "never"\n'  # fmt: skip


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def settings(tmp: Path) -> Settings:
    return Settings(db_path=tmp / "a.duckdb", mode="replay", replay_dir=demo_pack(), as_of=DEMO_AS_OF,
                    out_dir=tmp / "out")  # fmt: skip


def test_a_refused_step_is_an_audit_row(tmp_path: Path) -> None:
    outcome = runner.start_run(parse_watchlist(BASE.format(cik="cik = 1045810\n")), settings(tmp_path))
    assert outcome.status == "done" and any("refused by policy" in g for g in outcome.gaps)
    sql = "SELECT agent, action, outcome, detail FROM actions WHERE outcome = 'refused'"
    refused = rows(tmp_path / "a.duckdb", sql)
    assert refused and refused[0][:3] == ("filings", "step.fetch_filings", "refused"), refused
    assert "domain sec.gov is not in the policy's allowed_domains" in str(refused[0][3])


def test_a_run_stopped_by_a_refused_ticker_map_is_recorded_with_its_audit(tmp_path: Path) -> None:
    s = settings(tmp_path)
    runner.start_run(parse_watchlist(BASE.format(cik="cik = 1045810\n")), s)  # the database exists
    with pytest.raises(PolicyError, match="not allowed"):
        runner.start_run(parse_watchlist(BASE.format(cik="")), s)
    failed = rows(s.db_path, "SELECT status, error FROM runs WHERE status = 'failed'")
    assert len(failed) == 1 and "not allowed" in str(failed[0][1])
    http = rows(s.db_path, "SELECT target FROM actions WHERE outcome = 'refused' AND action = 'http.get'")
    assert http and "company_tickers" in str(http[0][0])
