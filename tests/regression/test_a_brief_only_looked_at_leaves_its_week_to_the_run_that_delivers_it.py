"""Bug (periods45, session 45): any `watchdesk brief --week W` written on or after W's last day closed W
(briefings.closed_at, migration 028), also one a user only looked at, sent to no one. A Sunday-scheduled watchlist
briefs Monday to Sunday, W itself: a user who looked at W early that Sunday (06:00 UTC) made late what the 07:00
run fetched before writing its briefing, so the briefing the run delivered lacked NVIDIA's 10-Q it had just
fetched ("0 findings from 0 of 0 documents dated in this period"), and it came a week later, marked late. Only a
briefing sent to its targets closes its period now: a run's own, and `brief --deliver`'s (its recipients read it
without what is stored later). Real DuckDB file (the demo's), its recorded 10-Q of 2025-08-27 (0001045810-25-000209)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from unittest.mock import patch

import duckdb
from click.testing import CliRunner

from tests.regression.test_late_arrivals_are_briefed import _clock
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import iso_week
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import DEMO_RUN_ID, demo_watchlist
from watchdesk.store.store import Store

W35, W36 = "2025-W35", "2025-W36"  # 2025-08-25 to 08-31, the week of the 10-Q filed 2025-08-27
SUNDAY = "2025-08-31"
TEN_Q = "NVDA 10-Q, filed 2025-08-27"
LATE = f"{TEN_Q} (late: first stored {SUNDAY})"


def _brief(db: Path, out: Path, week: str, *more: str) -> str:
    """`watchdesk brief --week WEEK` into `out`, its Markdown."""
    result = CliRunner().invoke(cli, ["brief", *more, "--db", str(db), "--week", week, "--format", "md",
                                      "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    (md,) = out.glob("*.md")
    return md.read_text(encoding="utf-8")


def _closed(db: Path) -> datetime | None:
    with duckdb.connect(str(db), read_only=True) as con:
        (row,) = con.execute("SELECT closed_at FROM briefings WHERE period_end = DATE '2025-08-31'").fetchall()
    return row[0]


def _fetched_at(db: Path, when: str) -> None:
    """The 10-Q first stored at `when` (UTC), as the run fetching it stores it."""
    with duckdb.connect(str(db)) as con:
        (moved,) = con.execute("UPDATE documents SET first_stored_at = CAST(? AS TIMESTAMP) WHERE accession = "
                               "'0001045810-25-000209' AND parent_doc_id IS NULL", [when]).fetchone() or (0,)
    assert moved == 1


def _runs_briefing(db: Path, out: Path) -> str:
    """The Sunday run's own briefing of W35 (written as graph/nodes.briefing_node writes it) at 07:05 UTC."""
    wl = demo_watchlist()
    req = BriefingRequest(run_id=DEMO_RUN_ID, watchlist_name=wl.name, tickers=[t.symbol for t in wl.tickers],
                          topics=list(wl.topics.watch), period=iso_week(W35), out_dir=out, formats=("md",),
                          as_of=date(2025, 8, 31))  # fmt: skip
    with Store.open(str(db)) as store, patch("watchdesk.store.writes.datetime", _clock(datetime(2025, 8, 31, 7, 5))):
        return write_briefing(store, req).markdown


def test_a_week_looked_at_before_its_run_keeps_what_the_run_fetched_in_the_runs_briefing(
    demo_store: Callable[[Path], Path], tmp_path: Path
) -> None:
    db = demo_store(tmp_path)
    with patch("watchdesk.store.writes.datetime", _clock(datetime(2025, 8, 31, 6))):
        _brief(db, tmp_path / "look", W35)  # printed and read at 06:00; sent to no one
    closed_by_the_look = _closed(db)
    _fetched_at(db, f"{SUNDAY} 07:01")  # the run fetches the 10-Q, then writes its briefing
    delivered = _runs_briefing(db, tmp_path / "run")
    next_week = _brief(db, tmp_path / "w36", W36)
    assert "137 findings from 1 of 1 document dated in this period" in delivered  # before: 0 findings
    assert LATE not in next_week and TEN_Q not in next_week  # before: in W36, marked late
    assert closed_by_the_look is None  # before: 2025-08-31 06:00
    assert _closed(db) == datetime(2025, 8, 31, 7, 5)  # the run's briefing closed it


def test_a_week_sent_with_brief_deliver_is_closed_and_what_comes_after_is_late(
    demo_store: Callable[[Path], Path], tmp_path: Path
) -> None:
    """`brief --deliver` sends W35 to its targets (a file target here) at 06:00: its readers have it without what is
    stored after, which is late, in W36's briefing, as it was before."""
    db = demo_store(tmp_path)
    wl = tmp_path / ".watchdesk" / "demo-watchlist.toml"
    sent = tmp_path / "sent"
    wl.write_text(wl.read_text(encoding="utf-8") + f'\n[[delivery]]\nkind = "file"\npath = "{sent.as_posix()}"\n',
                  encoding="utf-8")  # fmt: skip
    with patch("watchdesk.store.writes.datetime", _clock(datetime(2025, 8, 31, 6))):
        _brief(db, tmp_path / "look", W35, str(wl), "--deliver")
    _fetched_at(db, f"{SUNDAY} 07:01")
    assert _closed(db) == datetime(2025, 8, 31, 6)
    assert LATE in _brief(db, tmp_path / "w36", W36)
    assert [p.suffix for p in sent.iterdir()] == [".md"]
