"""Bug (cost): a briefing worked out every document's PERIOD_DAY (the day it counts in a period: LATE_DAYS_OF over
the stored briefings, for each document) in each of eight statements: its findings, the trend's days, the earlier
mentions and documents, its documents, their tone, its news and its filing changes. Now the days are worked out once
into a temporary table (queries.period_days) that those statements read, dropped when the briefing has been read;
the same briefing (the demo's four briefings, Markdown and HTML, compared byte for byte when this was written)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.regression.test_a_briefing_reads_its_periods_findings_once_a_question import (  # noqa: F401
    _request,
    statements,
)
from watchdesk.agents.briefing.agent import gather
from watchdesk.agents.briefing.period import iso_week
from watchdesk.store import queries
from watchdesk.store.store import Store


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_briefing_works_out_its_documents_days_once(
    demo_store: Callable[[Path], Path], tmp_path: Path, statements: list[str]  # noqa: F811
) -> None:
    with Store.open(str(demo_store(tmp_path)), read_only=True) as store:  # a read-only store makes the table too
        statements.clear()
        data = gather(store, _request(iso_week("2025-W09"), tmp_path))  # NVIDIA's 10-K and its changes, its call
        worked_out = sum(queries.LATE_DAYS_OF in sql for sql in statements)
        left = store.query("SELECT count(*) FROM duckdb_tables() WHERE temporary")[0][0]
        alone = queries.period_documents(store, tickers=data.tickers, start=data.period_start, end=data.period_end)
    assert worked_out == 1  # 8 before
    assert left == 0  # dropped once read
    assert data.findings and data.extras["changes"]["changes"] and data.earlier
    assert [d.doc_id for d in data.documents] == [d["doc_id"] for d in alone]  # as a query of its own reads them
