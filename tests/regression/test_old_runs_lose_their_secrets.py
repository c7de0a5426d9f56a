"""A review: migration 012 made new runs store their watchlist with its secrets redacted, but rows written before it
kept them in clear: runs.watchlist_json as written (a transcript URL's ?token=, a feed's user:password@, a Slack
webhook URL put where its variable's name belongs), runs.plan with the URLs it planned, and runs.error quoting an
SMTP URL with its password. Migration 013 redacts them, with the functions new rows pass through, on the first
writable open of the store."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from click.testing import CliRunner

from tests.regression.test_secret_url_redacted_everywhere import SECRET, WATCHLIST
from tests.unit.test_store_reader import old_store
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.redact import REDACTED
from watchdesk.store.store import Store

HOOK = f"https://hooks.slack.com/services/T0/B0/{SECRET}"
OLD = WATCHLIST + f"""
[[delivery]]
kind = "slack"
webhook_env = "{HOOK}"
[[delivery]]
kind = "email"
to = ["pm@example.com"]
"""


def runs(path: Path) -> list[tuple[str, str, str, str | None]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT run_id, watchlist_json, plan, error FROM runs ORDER BY run_id").fetchall()


def test_an_old_store_loses_its_secrets_on_the_first_open(tmp_path: Path) -> None:
    path = old_store(tmp_path / "old.duckdb", upto=12)
    watchlist = parse_watchlist(OLD)
    plan = [{"id": 1, "agent": "transcripts", "target": "NVDA", "chain": watchlist.tickers[0].transcripts[0].url}]
    error = f"delivery failed: smtp://desk:{SECRET}@mail.example.com:587 refused the login"
    with duckdb.connect(str(path)) as con:  # as a watchdesk before migration 012 wrote them
        for run_id, status, err in (("r1", "done", None), ("r2", "failed", error)):
            con.execute(
                "INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, mode, status, plan, error, "
                "started_at) VALUES (?, ?, 'h', ?, 'live', ?, ?, ?, ?)",
                [run_id, watchlist.name, watchlist.model_dump_json(), status, json.dumps(plan), err,
                 datetime(2026, 11, 30, tzinfo=UTC)],
            )  # fmt: skip
    assert SECRET in repr(runs(path))
    with Store.open(path):
        pass
    stored = runs(path)
    assert SECRET not in repr(stored), stored
    assert "smtp://REDACTED@mail.example.com:587 refused the login" in stored[1][3]
    kept = Watchlist.model_validate_json(stored[0][1])  # still a watchlist: brief and approve read it
    assert kept == watchlist.redacted()
    assert kept.delivery[0].webhook_env == REDACTED and kept.delivery[1].to == ("pm@example.com",)
    assert kept.tickers[0].transcripts[0].url == "https://ir.example.com/q3-call.html?token=REDACTED&lang=en"
    assert kept.news.feeds[0].url == "https://feeds.example.com/rss?apikey=REDACTED"
    assert json.loads(stored[0][2])[0]["chain"] == kept.tickers[0].transcripts[0].url
    with Store.open(path):  # once: a redacted row is not rewritten
        pass
    assert runs(path) == stored


def test_a_run_approved_on_a_store_not_yet_migrated_is_stored_redacted(tmp_path: Path) -> None:
    """approve reads the waiting run before it migrates the store (its read-only look never writes), so the run
    resumes with the secrets its row still held; the row it saves afterwards must not put them back."""
    wl, db, out = tmp_path / "w.toml", tmp_path / "s.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST)
    env = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db), "--out", str(out)]
    run_id = CliRunner(env=env).invoke(cli, args).output.split("watchdesk approve ", 1)[1].split()[0]
    with duckdb.connect(str(db)) as con:  # as it was before migration 012: in clear, no file recorded
        con.execute("UPDATE runs SET watchlist_json = ?, watchlist_path = NULL",
                    [parse_watchlist(WATCHLIST).model_dump_json()])  # fmt: skip
        con.execute("DELETE FROM schema_migrations WHERE version = 13")
    done = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)])
    assert done.exit_code == 0, done.output
    (row,) = runs(db)
    assert row[0] == run_id and SECRET not in repr(row) and "token=REDACTED" in row[1]
