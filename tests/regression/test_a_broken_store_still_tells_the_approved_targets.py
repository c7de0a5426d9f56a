"""Bug: since a CANNOT-RUN notice goes only to the targets of the watchlist's last approved run (5790a3e), a scheduled
run whose database could not be read (damaged, held by another program, gone) e-mailed its notice to nobody: the
targets of the approved runs are in that database. Only the notice file and cron's log said the run could not start,
and a store that broke is the case a notice is for. Each run that ends now keeps a copy of those targets beside the
database (FILE.approved-targets.json: addresses and webhook variable names, no secret), and a notice that cannot read
the database tells the targets the copy names that the watchlist still has. With no copy, the notice file and the log
name each target not told and why.

A target removed from the watchlist since its approval is not told: the watchlist file is the user's latest word on
who gets mail, and taking someone off needs nobody's approval (one added since is not told either, as before)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.integration.test_delivery import loopback_smtp
from tests.regression import demo_slice
from tests.regression.test_a_new_recipient_gets_no_notice_before_approval import desk, stored
from tests.regression.test_a_scheduled_run_refused_a_busy_database_leaves_a_notice import held_by_another_program
from watchdesk.graph.approved_targets import record_file, remember
from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.notices import notify_cannot_run
from watchdesk.graph.settings import Settings
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

EXIT_IN_USE = 3
WHY = "could not connect to https://data.sec.gov/ (ConnectError)"
POLICY = 'approval = "first:1"\nallowed_recipients = ["@fund.test"]\nallowed_domains = ["sec.gov", "127.0.0.1"]\n'


def text(*to: str) -> str:
    """The demo slice's watchlist, whose first run a person approves, delivering by e-mail to `to`."""
    recipients = ", ".join(f'"{a}"' for a in to)
    head, _, _ = demo_slice.WATCHLIST.partition("[policy]")
    return f'{head}[[delivery]]\nkind = "email"\nto = [{recipients}]\n\n[policy]\n{POLICY}'


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder where the watchlist's first run, delivering to pm@ and analyst@, was approved (--yes) and delivered."""
    tmp = tmp_path_factory.mktemp("approved")
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@fund.test"}).invoke(
            cli, [*demo_slice.run_args(tmp, text=text("pm@fund.test", "analyst@fund.test")), "--yes"])  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert sorted(a for env in received for a in env.rcpt_tos) == ["analyst@fund.test", "pm@fund.test"]
    yield tmp


def scheduled(tmp: Path, *to: str, env: dict[str, str] | None = None) -> tuple[Result, list[str], str]:
    """A scheduled run of the watchlist, now delivering to `to`: (its result, the addresses the notice reached, the
    notice file's text)."""
    (tmp / "w.toml").write_text(text(*to), encoding="utf-8")
    args = ["run", str(tmp / "w.toml"), "--replay", str(tmp / "pack"), "--db", str(tmp / "w.duckdb"), "--out",
            str(tmp / "out"), "--scheduled"]  # fmt: skip
    with loopback_smtp() as (port, received):
        smtp = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@fund.test"}
        result = CliRunner(env=smtp | (env or {})).invoke(cli, args)
    (notice,) = (tmp / "out").glob("CANNOT-RUN-*.md")
    return result, sorted(a for e in received for a in e.rcpt_tos), notice.read_text(encoding="utf-8")


def damaged(db: Path) -> None:
    with db.open("r+b") as f:  # the file's header block, read as it opens (as a copy that went wrong leaves it)
        f.seek(4096)
        f.write(bytes(range(256)) * 16)


def copy_of(approved: Path, tmp: Path) -> Path:
    shutil.copytree(approved, tmp / "desk")
    return tmp / "desk"


def test_the_approved_run_keeps_its_targets_beside_the_store_and_nothing_else(approved: Path) -> None:
    kept = json.loads(record_file(approved / "w.duckdb").read_text(encoding="utf-8"))
    ((run_id,),) = Store.open(approved / "w.duckdb", read_only=True).query("SELECT run_id FROM runs")
    assert kept["watchlists"] == {"nvda 10-q": {"run_id": run_id, "email": ["analyst@fund.test", "pm@fund.test"],
                                                "slack": []}}  # fmt: skip


def test_a_damaged_store_tells_the_approved_targets(approved: Path, tmp_path: Path) -> None:
    tmp = copy_of(approved, tmp_path)
    damaged(tmp / "w.duckdb")
    result, reached, notice = scheduled(tmp, "pm@fund.test", "analyst@fund.test")
    assert result.exit_code == EXIT_CONFIG and "is damaged" in result.stderr, result.stderr
    assert reached == ["analyst@fund.test", "pm@fund.test"], "a damaged store told nobody"
    assert "Not told" not in notice, notice
    said = " ".join(result.stderr.split())
    assert "cannot be read: the notice goes to the targets of the watchlist's last approved run" in said, said


def test_a_store_held_by_another_program_tells_the_approved_targets(approved: Path, tmp_path: Path) -> None:
    tmp = copy_of(approved, tmp_path)
    with held_by_another_program(tmp / "w.duckdb"):
        result, reached, _ = scheduled(tmp, "pm@fund.test", "analyst@fund.test", env={"WATCHDESK_LOCK_WAIT_S": "0"})
    assert result.exit_code == EXIT_IN_USE and "database in use" in result.stderr, result.stderr
    assert reached == ["analyst@fund.test", "pm@fund.test"], "a store held by a notebook told nobody"


def test_a_missing_store_tells_the_approved_targets(approved: Path, tmp_path: Path) -> None:
    """The database moved away (or its file deleted) and SEC out of reach: the copy beside where it was still says."""
    tmp = copy_of(approved, tmp_path)
    (tmp / "w.duckdb").unlink()
    shutil.rmtree(tmp / "pack")
    writer = PackWriter(tmp / "pack")  # SEC's list of tickers unanswered, as when SEC is out of reach
    writer.save()
    result, reached, notice = scheduled(tmp, "pm@fund.test", "analyst@fund.test")
    assert result.exit_code == 1 and "company_tickers.json" in notice, result.stderr
    assert reached == ["analyst@fund.test", "pm@fund.test"], result.stderr


def test_a_target_added_or_removed_since_the_approval_is_not_told(approved: Path, tmp_path: Path) -> None:
    """analyst@ was taken off the watchlist and newhire@ put on since the approved run: pm@ alone is told."""
    tmp = copy_of(approved, tmp_path)
    damaged(tmp / "w.duckdb")
    result, reached, notice = scheduled(tmp, "pm@fund.test", "newhire@fund.test")
    assert reached == ["pm@fund.test"], "a recipient taken off, or one nobody approved, got the notice"
    copy = record_file(tmp / "w.duckdb")
    why = f"not a target of the watchlist's last approved run, as {copy} keeps them"
    said = " ".join(result.stderr.split())
    assert f"notice email newhire@fund.test: not told ({why}; it gets nothing until a run of the watchlist with it " \
        "is approved)" in said, said
    assert f"Not told by e-mail or Slack:\n- email newhire@fund.test: not told ({why})" in notice, notice
    assert "analyst" not in notice and "analyst" not in said


def test_with_no_copy_the_notice_says_who_was_not_told(approved: Path, tmp_path: Path) -> None:
    """A store approved before copies were kept (or a copy deleted), then damaged: nobody can be told, and both the
    notice file and the log say who was not, and why."""
    tmp = copy_of(approved, tmp_path)
    record_file(tmp / "w.duckdb").unlink()
    damaged(tmp / "w.duckdb")
    result, reached, notice = scheduled(tmp, "pm@fund.test")
    assert reached == []
    db = tmp / "w.duckdb"
    why = (f"the database {db}, which holds the targets of the watchlist's approved runs, cannot be read, and no copy "
           f"of the approved targets of this watchlist was kept beside it ({record_file(db)})")
    assert f"Not told by e-mail or Slack:\n- email pm@fund.test: not told ({why})" in notice, notice
    said = " ".join(result.stderr.split())
    assert f"notice email pm@fund.test: not told ({why}; the notice file says it)" in said, said
    assert "the notice reached no e-mail or Slack target: only " in said, said


def test_the_copy_names_a_webhook_by_its_variable_never_its_url(tmp_path: Path) -> None:
    """The copy holds addresses and webhook variable names: the webhook's URL (its token) stays in the environment."""
    slack = '[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"'
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        stored(store, desk('"pm@fund.test"', slack=slack), run_id="r1", status="done", approval="approved", ago=1)
        remember(store, watchlist="desk", db_path=db)
    kept = json.loads(record_file(db).read_text(encoding="utf-8"))["watchlists"]
    assert kept == {"desk": {"run_id": "r1", "email": ["pm@fund.test"], "slack": ["DESK_HOOK"]}}


def test_a_store_approved_before_copies_were_kept_gets_one_from_its_next_notice(tmp_path: Path) -> None:
    """An approved run stored by an earlier version (no copy beside it): a notice that can read the database writes
    the copy, so that the store damaged later still tells pm@."""
    db, out = tmp_path / "d.duckdb", tmp_path / "out"
    with Store.open(db) as store:
        stored(store, desk('"pm@fund.test"'), run_id="r1", status="done", approval="approved", ago=1)
    with loopback_smtp() as (port, received):
        settings = Settings(db_path=db, out_dir=out, smtp_url=f"smtp://127.0.0.1:{port}?from=desk@fund.test")
        notify_cannot_run(watchlist=desk('"pm@fund.test"'), settings=settings, reason=WHY, report=print)
        damaged(db)
        notify_cannot_run(watchlist=desk('"pm@fund.test"'), settings=settings, reason=WHY, report=print)
    assert [a for e in received for a in e.rcpt_tos] == ["pm@fund.test", "pm@fund.test"], "the second told nobody"
