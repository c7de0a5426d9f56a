"""Bug: a Slack target was stored as "webhook $HOOK (HOST)", the host of the URL the variable held then ("(?)" for one
that did not read). Once the user fixed the URL, the next send went to a target of another name, and `watchdesk
runs` said "1 failed" of the briefing for ever, however often it was sent since. Now a Slack target is "webhook
$HOOK" whatever its URL (the variable the watchlist names: never the URL, whose path is the secret), so a later
success settles it; the rows of a store written before take that name when it is opened (migration 024); `runs`
counts each target as it last went. And a URL typed with backslashes for slashes no longer puts its secret into the
store as its "host". Real DuckDB file, a real HTTP server on loopback for Slack, the CLI as a user types it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.integration.test_delivery import free_port, watchlist, written
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.records import RunRecord
from watchdesk.store.store import Store

SECRET = "T0ABC/B0DEF/xoxb5ecretPath"
WATCHLIST = ('name = "chips"\n[[tickers]]\nsymbol = "NVDA"\n[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'
             '[policy]\nallowed_domains = ["sec.gov", "127.0.0.1", "localhost"]\n')  # fmt: skip


def a_store(tmp_path: Path) -> tuple[Path, list[str]]:
    """A store with a finished run r0 of WATCHLIST and a document of 2025-W35; `brief --deliver`'s arguments."""
    from watchdesk.graph.watchlist import parse_watchlist

    wl, db = parse_watchlist(WATCHLIST), tmp_path / "d.duckdb"
    with Store.open(db) as store:
        store.save_run(RunRecord(run_id="r0", watchlist=wl.name, watchlist_hash=wl.fingerprint(), mode="replay",
                                 watchlist_json=wl.redacted().model_dump_json(), status="done",
                                 started_at=datetime.now(UTC), out_dir=str(tmp_path / "out")))  # fmt: skip
        written(store, tmp_path)
    (tmp_path / "wl.toml").write_text(WATCHLIST, encoding="utf-8")
    return db, ["brief", str(tmp_path / "wl.toml"), "--db", str(db), "--deliver", "--week", "2025-W35", "--out",
                str(tmp_path / "out")]  # fmt: skip


def runs(db: Path) -> str:
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    assert listed.exit_code == 0, listed.output
    return listed.stdout


def stored(db: Path) -> str:
    with Store.open(db, read_only=True) as store:
        return json.dumps([store.query("SELECT * FROM deliveries"), store.query("SELECT * FROM actions")], default=str)


def test_a_failure_put_right_by_a_fixed_url_is_no_longer_counted(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    port, posts, _ = webhook
    db, args = a_store(tmp_path)
    wrong = f"http://127.0.0.1:{free_port()}/services/{SECRET}"  # nothing listens there: the URL of another desk
    first = CliRunner(env={"HOOK": wrong}).invoke(cli, args)
    assert first.exit_code == 1, first.output
    assert "delivery slack webhook $HOOK: failed (webhook at 127.0.0.1: the connection was refused" in \
        " ".join(first.stderr.split()), first.stderr
    assert "r0\tdone (delivery: 1 failed; `watchdesk runs r0` says which)" in runs(db)

    fixed = f"http://localhost:{port}/services/{SECRET}"  # the URL put right: another host
    again = CliRunner(env={"HOOK": fixed}).invoke(cli, [*args, "--undelivered"])
    assert again.exit_code == 0, again.output
    assert len(posts) == 1 and "delivery slack webhook $HOOK: sent" in again.stderr, again.output
    listed = runs(db)
    assert "r0\tdone\t" in listed and "failed" not in listed, listed  # before: "1 failed" for ever
    third = CliRunner(env={"HOOK": fixed}).invoke(cli, [*args, "--undelivered"])  # and it is the same target
    assert third.exit_code == 0 and "delivery slack webhook $HOOK: skipped" in third.stderr, third.output
    assert len(posts) == 1
    trail = CliRunner().invoke(cli, ["runs", "r0", "--db", str(db)])
    assert SECRET.split("/")[-1] not in stored(db) + listed + trail.output + first.output + again.output


def test_a_store_written_before_names_its_slack_targets_by_their_variable(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    port, posts, _ = webhook
    db, args = a_store(tmp_path)
    with Store.open(db) as store:
        briefing_id = written(store, tmp_path).briefing_id  # the same briefing the brief writes
    con = duckdb.connect(str(db))  # as watchdesk before migration 024 left it: the host in the name, failed
    con.execute("INSERT INTO deliveries VALUES ('old1', ?, 'r0', 'chips', DATE '2025-08-25', DATE '2025-08-31', "
                "'slack', 'webhook $HOOK (hooks.slack.com)', 'failed', 3, 'webhook at hooks.slack.com answered HTTP "
                "500', TIMESTAMP '2025-09-01 08:00:00')", [briefing_id])  # fmt: skip
    con.execute("DELETE FROM schema_migrations WHERE version >= 24")
    con.close()
    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])
    assert upgraded.exit_code == 0 and "from schema version 23 to" in upgraded.output, upgraded.output
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT target, status FROM deliveries") == [("webhook $HOOK", "failed")]
    assert "r0\tdone (delivery: 1 failed;" in runs(db)
    sent = CliRunner(env={"HOOK": f"http://127.0.0.1:{port}/services/{SECRET}"}).invoke(cli, [*args, "--undelivered"])
    assert sent.exit_code == 0 and len(posts) == 1, sent.output
    assert "failed" not in runs(db)


def test_a_url_typed_with_backslashes_keeps_its_secret_out_of_the_store(tmp_path: Path) -> None:
    """urlsplit reads "http://hooks.slack.com\\services\\T0\\B0\\X" as all host: the target and its error said it."""
    url = "https://hooks.slack.com\\services\\" + SECRET.replace("/", "\\")
    with Store.open(tmp_path / "d.duckdb") as store:
        (out,) = deliver_briefing(written(store, tmp_path), store=store, run_id="r1", backoff=0,
                                  watchlist=watchlist('[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n',
                                                      domains='"hooks.slack.com"'),
                                  settings=Settings(env={"HOOK": url}))  # fmt: skip
    assert (out.target, out.status) == ("webhook $HOOK", "failed"), out
    assert out.error == "variable HOOK is not a valid URL (its host is no host name (slashes typed as backslashes?))"
    assert "xoxb5ecretpath" not in stored(tmp_path / "d.duckdb").lower()
