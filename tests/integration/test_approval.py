"""Approval: a run that needs a person's yes stops with its plan, and resumes from its checkpoint."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import DEMO_AS_OF, demo_pack
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist

WATCHLIST = """
name = "approval test"
[[tickers]]
symbol = "NVDA"
[filings]
forms = ["10-Q"]
since = 2025-08-01
until = 2025-08-31
limit_per_form = 1
[policy]
approval = "first:1"
"""


def settings(tmp: Path) -> Settings:
    return Settings(
        db_path=tmp / "a.duckdb", mode="replay", replay_dir=demo_pack(), as_of=DEMO_AS_OF, out_dir=tmp / "out"
    )


def status_of(db: Path, run_id: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT status FROM runs WHERE run_id = ?", [run_id]).fetchall()[0][0]
    finally:
        con.close()


def test_unattended_run_waits_then_approve_resumes_it(tmp_path: Path) -> None:
    wl = parse_watchlist(WATCHLIST)
    s = settings(tmp_path)
    waiting = runner.start_run(wl, s, approver=None)
    assert waiting.status == "awaiting_approval"
    assert "filings:NVDA" not in waiting.plan_text and "fetch_filings -> NVDA" in waiting.plan_text
    assert status_of(s.db_path, waiting.run_id) == "awaiting_approval"
    assert not [u for u in waiting.requested if "/Archives/" in u], "nothing fetched before approval"

    done = runner.resume_run(waiting.run_id, s, decision="approve")
    assert done.status == "done" and done.briefing_path
    assert status_of(s.db_path, waiting.run_id) == "done"
    # first:1 is satisfied now: the next run goes ahead without asking.
    assert runner.start_run(wl, s, approver=None).status == "done"


def test_a_changed_watchlist_under_the_same_name_asks_again(tmp_path: Path) -> None:
    """A security review (session 22): first:N counted approved runs by the watchlist's name, so adding a recipient
    and a domain to an approved watchlist ran straight through to delivering to the new address."""
    s = settings(tmp_path)
    first = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: "approve")
    assert first.status == "done"
    assert runner.start_run(parse_watchlist(WATCHLIST), s, approver=None).status == "done"  # same file: no asking
    widened = WATCHLIST.replace('approval = "first:1"', 'approval = "first:1"\nallowed_recipients = ["x@evil.test"]')
    reports: list[str] = []
    again = runner.start_run(parse_watchlist(widened), s, approver=None, report=reports.append)
    assert again.status == "awaiting_approval"
    assert "approval asked again: the watchlist changed since its last approved run" in reports


def test_an_edit_that_keeps_no_step_is_refused_and_the_run_keeps_waiting(tmp_path: Path) -> None:
    """The runs review: `approve --edit ""` approved the whole plan and `--edit ","` an empty one, which then counted
    as an approval for first:N."""
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    db = tmp_path / "c.duckdb"
    env = {"WATCHDESK_REPLAY": str(demo_pack())}
    first = CliRunner(env=env).invoke(cli, ["run", str(wl), "--db", str(db), "--out", str(tmp_path / "o")])
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    for keep in ("", ",", " "):
        refused = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db), "--edit", keep])
        assert refused.exit_code == 2 and "the edit keeps no step" in refused.output, refused.output
        assert status_of(db, run_id) == "awaiting_approval"


def test_rejected_plan_fetches_nothing(tmp_path: Path) -> None:
    s = settings(tmp_path)
    outcome = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: "reject")
    assert outcome.status == "rejected"
    assert not [u for u in outcome.requested if "/Archives/" in u]


def test_edit_can_only_narrow_the_plan(tmp_path: Path) -> None:
    s = settings(tmp_path)
    outcome = runner.start_run(
        parse_watchlist(WATCHLIST),
        s,
        approver=lambda _req: {"decision": "edit", "keep": ["flagging", "briefing"]},
    )
    assert outcome.status == "done"
    assert not [u for u in outcome.requested if "/Archives/" in u]


def test_cli_approve_command(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    db = tmp_path / "c.duckdb"
    base = ["--db", str(db)]
    first = CliRunner().invoke(cli, ["run", str(wl), *base, "--replay", str(demo_pack()), "--out", str(tmp_path / "o")])
    assert first.exit_code == 0, first.output
    assert "awaiting approval" in first.output
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    second = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())}).invoke(cli, ["approve", run_id, *base])
    assert second.exit_code == 0, second.output
    assert status_of(db, run_id) == "done"


def test_request_budget_is_enforced_in_code(tmp_path: Path) -> None:
    tight = parse_watchlist(WATCHLIST.replace('approval = "first:1"', 'approval = "never"\nmax_requests_per_run = 2'))
    outcome = runner.start_run(tight, settings(tmp_path))
    # Ticker map and listing fit the budget; the document does not: refused, audited, shown as a gap.
    assert outcome.status == "done" and len(outcome.requested) == 3
    assert any("request budget of 2" in g for g in outcome.gaps), outcome.gaps
    con = duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True)
    refused = con.execute("SELECT count(*) FROM actions WHERE outcome = 'refused'").fetchall()[0][0]
    con.close()
    assert refused == 1


def test_the_approval_prompt_waits_with_the_database_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: while `watchdesk run` waited at its prompt, `watchdesk runs`, `brief` and both notebooks failed
    on the database lock. The prompt now comes after the run stopped at its approval, and the answer resumes it."""
    from watchdesk.graph import cli_ask, cli_wait

    seen: list[tuple[str, str]] = []

    def answer(request: dict[str, object]) -> str:
        con = duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True)  # raises if the run still held the file
        seen.append(con.execute("SELECT run_id, status FROM runs").fetchall()[0])
        con.close()
        assert "fetch_filings -> NVDA" in str(request["text"])
        return "approve"

    monkeypatch.setattr(cli_ask, "ask", answer)
    outcome = cli_wait.run_then_ask(parse_watchlist(WATCHLIST), settings(tmp_path))
    assert seen == [(outcome.run_id, "awaiting_approval")]
    assert outcome.status == "done" and status_of(tmp_path / "a.duckdb", outcome.run_id) == "done"


def test_approve_from_another_folder_resumes_with_the_same_pack_and_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runs review: relative --replay and --out were stored as typed, so `approve` from another folder said the
    pack 'is gone' or wrote the briefing under the new folder."""
    import shutil

    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    shutil.copytree(demo_pack(), work / "pack")
    (work / "w.toml").write_text(WATCHLIST)
    monkeypatch.chdir(work)
    first = CliRunner().invoke(cli, ["run", "w.toml", "--replay", "pack", "--db", "a.duckdb", "--out", "br"])
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    monkeypatch.chdir(elsewhere)
    done = CliRunner().invoke(cli, ["approve", run_id, "--db", str(work / "a.duckdb")])
    assert done.exit_code == 0, done.output
    assert list((work / "br").glob("*.md")) and not (elsewhere / "br").exists()



def test_an_edit_is_applied_even_if_another_run_was_approved_meanwhile(tmp_path: Path) -> None:
    """The security re-review (session 22): two cron runs waited; approving the first made the second's resume skip
    its approval ('not needed'), so `approve B --edit 1-2` ran the dropped briefing step anyway. A narrowed plan
    also counted as an approval for first:N, so the next run delivered to targets nobody approved."""
    s = settings(tmp_path)
    wl = parse_watchlist(WATCHLIST)
    first, second = runner.start_run(wl, s, approver=None), runner.start_run(wl, s, approver=None)
    assert first.status == second.status == "awaiting_approval"
    assert runner.resume_run(first.run_id, s, decision={"decision": "edit", "keep": ["1-2"]}).status == "done"
    con = duckdb.connect(str(s.db_path), read_only=True)
    assert con.execute("SELECT approval FROM runs WHERE run_id = ?", [first.run_id]).fetchall() == [("edited",)]
    con.close()
    third = runner.start_run(wl, s, approver=None)
    assert third.status == "awaiting_approval", "an edit is no full approval"
    assert runner.resume_run(second.run_id, s, decision="approve").status == "done"
    # the third waited since before that approval: its own answer still applies
    edited = runner.resume_run(third.run_id, s, decision={"decision": "edit", "keep": ["1-2"]})
    assert edited.status == "done" and not edited.briefing_path, "the dropped briefing step did not run"
    assert runner.start_run(wl, s, approver=None).status == "done"  # first:1 satisfied by the second's approval


def test_brief_never_takes_the_watchlist_of_a_rejected_run(tmp_path: Path) -> None:
    """The security re-review (session 22): a changed watchlist with a new recipient was rejected, and
    `watchdesk brief --deliver` then delivered to that recipient: it took the newest run's watchlist, whatever its
    status. Now the newest finished run's."""
    s = settings(tmp_path)
    done = runner.start_run(parse_watchlist(WATCHLIST), s, approver=lambda _req: "approve")
    widened = WATCHLIST.replace('approval = "first:1"', 'approval = "first:1"\nallowed_recipients = ["x@evil.test"]')
    rejected = runner.start_run(parse_watchlist(widened), s, approver=lambda _req: "reject")
    assert (done.status, rejected.status) == ("done", "rejected")
    from watchdesk.graph.briefing_job import stored_watchlist
    from watchdesk.store.store import Store

    with Store.open(s.db_path, read_only=True) as store:
        wl, run_id = stored_watchlist(store)
    assert run_id == done.run_id and wl.policy.allowed_recipients == ()


def test_an_approval_notice_that_failed_is_no_failure_of_the_approved_run(tmp_path: Path) -> None:
    """The security re-review (session 22): `approve --edit 1-2` (no briefing step) exited 1 with "not delivered
    (email ...: failed); the briefing is written", though nothing was written: the failure was the e-mail notice sent
    while the run waited for approval (no SMTP server set)."""
    wl = tmp_path / "w.toml"
    policy = 'approval = "always"\nallowed_recipients = ["pm@example.com"]'
    email = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
    wl.write_text(WATCHLIST.replace('approval = "first:1"', policy) + email)
    db, env = tmp_path / "a.duckdb", {"WATCHDESK_REPLAY": str(demo_pack()), "WATCHDESK_SMTP_URL": None}
    approved_before(db, parse_watchlist(wl.read_text()))  # a notice goes only to targets an approved run had
    first = CliRunner(env=env).invoke(cli, ["run", str(wl), "--db", str(db), "--out", str(tmp_path / "o")])
    assert "delivery email pm@example.com: failed" in first.output, first.output
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    done = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db), "--edit", "1-2"])
    assert done.exit_code == 0 and "not delivered" not in done.output, done.output


def approved_before(db: Path, wl: Watchlist) -> None:
    """An approved, finished run of `wl` in `db`, as a person's yes to an earlier run leaves it."""
    from datetime import UTC, datetime

    from watchdesk.store.records import RunRecord
    from watchdesk.store.store import Store

    with Store.open(db) as store:
        store.save_run(RunRecord(run_id="approved-before", watchlist=wl.name, watchlist_hash=wl.fingerprint(),
                                 watchlist_json=wl.redacted().model_dump_json(), mode="replay", status="done",
                                 started_at=datetime(2026, 1, 5, tzinfo=UTC), approval="approved"))  # fmt: skip
