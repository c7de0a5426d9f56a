"""Bug: `watchdesk brief --deliver` whose store stayed held by another program past WATCHDESK_REOPEN_WAIT_S (a
notebook's write connection opened while the delivery waited to try a send again) kept its outcome in
DB.unrecorded-PID.json, said so in one progress line, and exited 0, where `watchdesk run` in the same case exits 3
with an error naming the file: a cron job or a script reading the status took the brief's delivery for recorded.
Now the brief exits 3 with the run's error line (where the outcome waits, what records it). And a resend's sends are
audited under an id of their own (RUN:resend:TIME) that only `watchdesk runs RUN` named: the brief now says it, with
the command that shows its trail. Real DuckDB file, real SMTP on loopback, a real second process holding the file."""

from __future__ import annotations

import shlex
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import written
from tests.regression.test_a_delivery_outcome_outlives_a_store_held_past_the_wait import (
    SECRET,
    HeldAtTheSecondAttempt,
    serving_with_login,
)
from tests.regression.test_a_delivery_waiting_to_retry_leaves_the_store_free import WATCHLIST, a_store
from watchdesk.graph import delivery
from watchdesk.graph.cli import cli
from watchdesk.store import unrecorded
from watchdesk.store.store import Store


def a_briefed_store(tmp_path: Path) -> tuple[Path, list[str]]:
    """A store with run r0 of the watchlist (wl.toml) done and a document of 2025-W35; the brief's arguments."""
    db = a_store(tmp_path)
    with Store.open(db) as store:
        written(store, tmp_path)
    (tmp_path / "wl.toml").write_text(WATCHLIST, encoding="utf-8")
    return db, ["brief", str(tmp_path / "wl.toml"), "--db", str(db), "--deliver", "--week", "2025-W35", "--out",
                str(tmp_path / "out2")]  # fmt: skip


def test_a_brief_whose_outcome_is_kept_beside_the_store_exits_3(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(delivery, "deliver_briefing", partial(delivery.deliver_briefing, backoff=0))
    db, args = a_briefed_store(tmp_path)
    server = HeldAtTheSecondAttempt(db)
    try:
        with serving_with_login(server) as smtp:
            result = CliRunner(env={"WATCHDESK_SMTP_URL": smtp, "WATCHDESK_REOPEN_WAIT_S": "1"}).invoke(cli, args)
    finally:
        server.let_go()
    said = " ".join(result.output.split())
    side = unrecorded.side_file(db)
    assert result.exit_code == 3, said  # before: 0, the outcome in the side file alone
    assert server.received == 1
    assert f"delivery email pm@example.com: sent (recorded in {side} until the database can be written)" in said, said
    assert f"error: {db} is still held by another program" in said and f"kept in {side}" in said, said
    assert f"`watchdesk runs --db {db} --upgrade` does" in said, said
    assert SECRET not in result.output
    resend = said.split("delivery audited as ")[1].split(":", 3)
    assert resend[:2] == ["r0", "resend"], said
    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])  # what the error says to do
    assert upgraded.exit_code == 0 and not side.exists(), upgraded.output
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status, attempts FROM deliveries") == [("sent", 2)]


def test_a_brief_says_the_id_its_sends_are_audited_under(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    copies = tmp_path / "copies"
    text = WATCHLIST.replace('kind = "email"\nto = ["pm@example.com"]', f'kind = "file"\npath = "{copies}"')
    (tmp_path / "wl.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert "delivery audited as r0:resend:" in said, said  # before: no output named it
    shown = said.split("shows each attempt")[0].split("`")[-2]
    assert shown.startswith("watchdesk runs r0:resend:") and shown.endswith(f" --db {db}"), shown
    trail = CliRunner().invoke(cli, shlex.split(shown)[1:])  # the command as it is printed, typed
    assert trail.exit_code == 0, trail.output
    assert f"deliver.file\tsent\t{copies}" in trail.output, trail.output
    again = CliRunner().invoke(cli, [*args, "--undelivered"])  # nothing left to send: no trail to name
    assert again.exit_code == 0 and "delivery audited as" not in again.stderr, again.output
