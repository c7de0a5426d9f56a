"""Bugs: a ticker given with its `cik` still fetched SEC's ticker map (the README says `cik` skips
the lookup); `max_documents_per_run` was applied to filings but not to transcripts."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.integration.test_approval import settings
from watchdesk.graph import runner
from watchdesk.graph.watchlist import parse_watchlist


def test_cik_skips_the_ticker_map(tmp_path: Path) -> None:
    wl = parse_watchlist(
        '[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n'
        '[filings]\nforms = ["10-Q"]\nsince = 2025-08-01\nuntil = 2025-08-31\nlimit_per_form = 1\n'
    )
    outcome = runner.start_run(wl, settings(tmp_path))
    assert outcome.status == "done"
    assert not [u for u in outcome.requested if "company_tickers" in u], outcome.requested
    assert any("/Archives/" in u for u in outcome.requested)


def test_max_documents_per_run_bounds_transcripts(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = shared_fixtures / "transcripts" / "nvda_motley_fool_text"
    assert len(list(folder.glob("*.txt"))) >= 3
    wl = parse_watchlist(
        f'[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\nsources = ["transcripts"]\n'
        f'[[tickers.transcripts]]\nkind = "folder"\npath = "{folder.as_posix()}"\n'
        "[topics]\nwatch = [\"inventory\"]\n[policy]\nmax_documents_per_run = 2\n"
    )
    outcome = runner.start_run(wl, settings(tmp_path))
    assert outcome.status == "done"
    con = duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True)
    stored = con.execute("SELECT count(*) FROM documents WHERE source = 'transcript'").fetchall()[0][0]
    con.close()
    assert stored == 2
    assert any("max_documents_per_run (2)" in g for g in outcome.gaps), outcome.gaps
