"""Bug: a scheduled run that cannot start (a damaged store, SEC out of reach) e-mailed its CANNOT-RUN notice to every
target of the watchlist file as it reads now, where a run awaiting approval tells only the targets of the last
approved run: a recipient just added to a watchlist whose policy asks approval, which nobody had approved, got mail
because of that edit. The notice now follows the approval notice's rule, and says each target left out; a watchlist
that asks no approval (`approval = "never"`) tells all its targets, as its briefings do."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_new_recipient_gets_no_notice_before_approval import desk, stored
from watchdesk.graph.notices import notify_cannot_run
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.store.store import Store

REASON = "could not connect to https://data.sec.gov/ (ConnectError)"


def notice(tmp_path: Path, approved: Watchlist | None, now: Watchlist) -> tuple[list[str], list[str]]:
    """(the addresses the CANNOT-RUN notice of `now` reached, what the run said), `approved` the last approved run."""
    said: list[str] = []
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        if approved is not None:
            stored(store, approved, run_id="r-approved", status="done", approval="approved", ago=2)
    with loopback_smtp() as (port, received):
        settings = Settings(db_path=db, out_dir=tmp_path / "out", smtp_url=f"smtp://127.0.0.1:{port}?from=desk@fund.test")
        notify_cannot_run(watchlist=now, settings=settings, reason=REASON, report=said.append, settings_advice=False)
    assert (tmp_path / "out" / "CANNOT-RUN-desk.md").is_file()  # the file is written in any case
    return sorted(a for env in received for a in env.rcpt_tos), said


def test_a_recipient_added_since_the_approved_run_gets_no_cannot_run_notice(tmp_path: Path) -> None:
    reached, said = notice(tmp_path, desk('"pm@fund.test"'), desk('"pm@fund.test", "newhire@fund.test"'))
    assert reached == ["pm@fund.test"], "the new recipient got mail because of an edit nobody approved"
    assert ("notice email newhire@fund.test: not told (not a target of the watchlist's last approved run; it gets "
            "nothing until a run of the watchlist with it is approved)") in said, said  # fmt: skip


def test_a_watchlist_never_approved_tells_only_the_file(tmp_path: Path) -> None:
    reached, said = notice(tmp_path, None, desk('"pm@fund.test"'))
    assert reached == []
    assert any("pm@fund.test: not told (no run of this watchlist was approved yet" in line for line in said), said


def test_a_watchlist_that_asks_no_approval_tells_every_target(tmp_path: Path) -> None:
    never = desk('"pm@fund.test", "newhire@fund.test"').model_copy(deep=True)
    never = never.model_copy(update={"policy": never.policy.model_copy(update={"approval": "never"})})
    reached, _ = notice(tmp_path, None, never)
    assert reached == ["newhire@fund.test", "pm@fund.test"]


def test_a_database_that_cannot_be_read_tells_only_the_file(tmp_path: Path) -> None:
    """Which targets an approved run had is in the database, and in a copy beside it: with neither (here: not a DuckDB
    file, no copy) only the notice file is left, and it says each target it did not tell and why, as the run does.
    With a copy: tests/regression/test_a_broken_store_still_tells_the_approved_targets.py."""
    said: list[str] = []
    db = tmp_path / "d.duckdb"
    db.write_bytes(b"not a database" * 100)
    settings = Settings(db_path=db, out_dir=tmp_path / "out", smtp_url="smtp://127.0.0.1:9?from=desk@fund.test")
    notify_cannot_run(watchlist=desk('"pm@fund.test"'), settings=settings, reason=REASON, report=said.append)
    why = (f"the database {db}, which holds the targets of the watchlist's approved runs, cannot be read, and no copy "
           f"of the approved targets of this watchlist was kept beside it ({db}.approved-targets.json)")
    assert f"notice email pm@fund.test: not told ({why}; the notice file says it)" in said, said
    notice = (tmp_path / "out" / "CANNOT-RUN-desk.md").read_text(encoding="utf-8")
    assert f"Not told by e-mail or Slack:\n- email pm@fund.test: not told ({why})" in notice, notice
