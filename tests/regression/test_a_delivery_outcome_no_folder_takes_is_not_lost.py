"""Bug: a delivery whose store stayed held past WATCHDESK_REOPEN_WAIT_S keeps its outcome in DB.unrecorded-PID.json
beside the store; when that file could not be written (the folder read-only, the disk full) the outcome was lost:
the write raised, the run stopped on it, and the database kept the send `sending`, which the next delivery settles
as `unconfirmed` ("it may have arrived") though the mail was sent. Now the outcome goes to the user's state folder
(~/.local/state/watchdesk/unrecorded/, named by the store) when the store's folder refuses it, the next open of the
store records it from there as from beside it; and when no file can be written, `brief --deliver` prints the outcome
(the side file's JSON) in its exit-3 error with what to save it as and the command that records it, and the resend
command, so nothing is lost. Real DuckDB file, real SMTP on loopback, a real second process holding the store."""

from __future__ import annotations

import json
import os
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_delivery_outcome_outlives_a_store_held_past_the_wait import (
    SECRET,
    HeldAtTheSecondAttempt,
    serving_with_login,
)
from watchdesk.graph import delivery
from watchdesk.graph.cli import cli
from watchdesk.store import unrecorded
from watchdesk.store.store import Store


class ReadOnlyWhenHeld(HeldAtTheSecondAttempt):
    """As the store is held, its folder turns read-only (a remount, a full disk): no file can be made beside it."""

    async def handle_RCPT(self, server: object, session: object, envelope: object, address: str,
                          options: object) -> str:  # fmt: skip
        if self.asked == 1 and self.holder is None:
            answer = await super().handle_RCPT(server, session, envelope, address, options)
            self.db.parent.chmod(0o555)
            return answer
        return await super().handle_RCPT(server, session, envelope, address, options)


def deliver(tmp_path: Path, server: HeldAtTheSecondAttempt, args: list[str]) -> tuple[int, str]:
    try:
        with serving_with_login(server) as smtp:
            result = CliRunner(env={"WATCHDESK_SMTP_URL": smtp, "WATCHDESK_REOPEN_WAIT_S": "1"}).invoke(cli, args)
    finally:
        server.let_go()
        server.db.parent.chmod(0o755)
    assert server.received == 1 and SECRET not in result.output
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(delivery, "deliver_briefing", partial(delivery.deliver_briefing, backoff=0))


def test_a_read_only_folder_keeps_the_outcome_in_the_state_folder(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.mkdir(mode=0o555)
    if os.access(probe, os.W_OK):
        pytest.skip("this user writes into a read-only folder all the same (root; `unshare -U pytest ...` runs it "
                    "as a root without that power): the next test covers the rest")
    db, args = a_briefed_store(tmp_path / "desk")
    code, said = deliver(tmp_path, ReadOnlyWhenHeld(db), args)
    said = " ".join(said.split())
    kept = unrecorded.fallback_file(db)
    assert code == 3, said  # before: the write's PermissionError stopped it, the outcome lost
    assert kept.parent == tmp_path / "home" / ".local" / "state" / "watchdesk" / "unrecorded"
    assert f"delivery email pm@example.com: sent (recorded in {kept} until the database can be written)" in said
    assert f"what its delivery did is kept in {kept}" in said, said
    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])  # what the error says to do
    assert upgraded.exit_code == 0 and not kept.exists(), upgraded.output
    assert f"recorded {kept.name}" in upgraded.output
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status, attempts FROM deliveries") == [("sent", 2)]  # before: `sending`


def test_an_outcome_no_file_takes_is_printed_to_be_saved(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    side = unrecorded.side_file(db)
    side.mkdir()  # a folder where the file would go: written nowhere beside the store, whoever runs the test
    (tmp_path / "home" / ".local" / "state").mkdir(parents=True)
    (tmp_path / "home" / ".local" / "state" / "watchdesk").write_text("a file where the state folder would be")
    code, said = deliver(tmp_path, HeldAtTheSecondAttempt(db), args)
    assert code == 3, said
    flat = " ".join(said.split())
    assert "delivery email pm@example.com: sent (NOT recorded: no file could be written; said in full at the end)" \
        in flat, flat  # fmt: skip
    assert (f"and what its delivery did could be written to no file either ({side}: Is a directory; "
            f"{unrecorded.fallback_file(db)}: ") in flat, flat
    assert f"Save the JSON below as {side} once its folder can be written, then `watchdesk runs --db {db} " \
        "--upgrade` records it into the database" in flat, flat  # fmt: skip
    text = said[said.index("\n{") + 1:]
    kept = json.loads(text[:text.rindex("}") + 1])
    assert [(r["target"], r["status"], r["attempts"]) for r in kept["deliveries"].values()] == [
        ("pm@example.com", "sent", 2)]
    side.rmdir()  # room again: the user saves it as told
    side.write_text(json.dumps(kept), encoding="utf-8")
    upgraded = CliRunner().invoke(cli, ["runs", "--db", str(db), "--upgrade"])
    assert upgraded.exit_code == 0 and not side.exists(), upgraded.output
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status, attempts FROM deliveries") == [("sent", 2)]  # before: `sending`
