"""Bug (a compliance walkthrough): a recipient added to a watchlist is the change that makes a `first:N` run ask for
approval again ("approval asked again: the watchlist changed since its last approved run"), yet the unattended run's
approval notice, which carries the plan (companies, sources, targets), was e-mailed to that new recipient too, before
anyone approved it. A notice now goes only to the targets of the watchlist's last approved run; a target no approved
run had gets nothing until the run is approved, and the run says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.integration.test_delivery import loopback_smtp
from watchdesk.graph.delivery import notify_awaiting_approval
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store


def desk(to: str, *, slack: str = "") -> Watchlist:
    return parse_watchlist(f"""
name = "desk"
[[tickers]]
symbol = "NVDA"
cik = 1045810
[[delivery]]
kind = "email"
to = [{to}]
{slack}
[policy]
approval = "first:1"
allowed_recipients = ["@fund.test"]
allowed_domains = ["sec.gov", "127.0.0.1"]
""")


def stored(store: Store, wl: Watchlist, *, run_id: str, status: str, approval: str | None, ago: int) -> None:
    store.save_run(RunRecord(run_id=run_id, watchlist=wl.name, watchlist_hash=wl.fingerprint(),
                             watchlist_json=wl.redacted().model_dump_json(), mode="replay", status=status,
                             started_at=datetime.now(UTC) - timedelta(hours=ago), approval=approval,
                             plan=[]))  # fmt: skip


def notice(tmp_path: Path, approved: Watchlist | None, waiting: Watchlist) -> tuple[list[str], list[str]]:
    """(the addresses the notice reached, what the run said)."""
    said: list[str] = []
    with loopback_smtp() as (port, received), Store.open(":memory:") as store:
        if approved is not None:
            stored(store, approved, run_id="r-approved", status="done", approval="approved", ago=2)
        stored(store, waiting, run_id="r-waiting", status="awaiting_approval", approval=None, ago=1)
        settings = Settings(db_path=tmp_path / "d.duckdb", out_dir=tmp_path / "out",
                            smtp_url=f"smtp://127.0.0.1:{port}?from=desk@fund.test")  # fmt: skip
        notify_awaiting_approval(watchlist=waiting, settings=settings, store=store, run_id="r-waiting",
                                 report=said.append)  # fmt: skip
    return sorted(a for env in received for a in env.rcpt_tos), said


def test_a_recipient_added_since_the_approved_run_gets_no_notice(tmp_path: Path) -> None:
    reached, said = notice(tmp_path, desk('"pm@fund.test"'), desk('"pm@fund.test", "newhire@fund.test"'))
    assert reached == ["pm@fund.test"], "the new recipient got the plan before anyone approved it"
    assert any("newhire@fund.test" in line and "not told" in line and "last approved run" in line
               for line in said), said  # fmt: skip
    assert (tmp_path / "out" / "AWAITING-APPROVAL-r-waiting.md").is_file()


def test_a_watchlist_never_approved_tells_its_targets_nothing_but_the_file(tmp_path: Path) -> None:
    reached, said = notice(tmp_path, None, desk('"pm@fund.test"'))
    assert reached == []
    assert any("pm@fund.test" in line and "not told" in line for line in said), said
    assert (tmp_path / "out" / "AWAITING-APPROVAL-r-waiting.md").is_file()
