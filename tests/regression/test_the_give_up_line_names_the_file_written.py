"""Bug: a delivery that stopped waiting for its store (held by a notebook past WATCHDESK_REOPEN_WAIT_S) said "what
this delivery does is kept in DB.unrecorded-PID.json" (the file beside the store) even when the store's folder
refused that file and the outcome went to the state folder (~/.local/state/watchdesk/unrecorded/...): the user looked
for a file that was never made. Now the side file is written as the store is set aside, and the line names the one
written; when none could be, it says the outcome is printed in full at the end. Real DuckDB file, real SMTP on
loopback, a real second process holding the store."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_delivery_outcome_no_folder_takes_is_not_lost import deliver
from tests.regression.test_a_delivery_outcome_outlives_a_store_held_past_the_wait import HeldAtTheSecondAttempt
from watchdesk.graph import delivery
from watchdesk.store import unrecorded


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(delivery, "deliver_briefing", partial(delivery.deliver_briefing, backoff=0))


def test_the_give_up_line_names_the_state_folders_file_when_that_is_the_one_written(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    side = unrecorded.side_file(db)
    side.mkdir()  # the folder refuses the file beside the store
    code, said = deliver(tmp_path, HeldAtTheSecondAttempt(db), args)
    flat = " ".join(said.split())
    kept = unrecorded.fallback_file(db)
    assert code == 3 and kept.is_file(), flat
    gave_up = flat[flat.index(f"{db} is still held by another program"):]
    gave_up = gave_up[:gave_up.index("--upgrade` does, once that program closes it)")]
    assert f"what this delivery does is kept in {kept}, and nothing of it is sent again" in gave_up, gave_up
    assert str(side) not in flat, "a file that was never written is named"  # before: the give-up line named it
    assert f"delivery email pm@example.com: sent (recorded in {kept} until the database can be written)" in flat


def test_the_give_up_line_says_when_no_file_took_it(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    unrecorded.side_file(db).mkdir()
    (tmp_path / "home" / ".local" / "state").mkdir(parents=True)
    (tmp_path / "home" / ".local" / "state" / "watchdesk").write_text("a file where the state folder would be")
    code, said = deliver(tmp_path, HeldAtTheSecondAttempt(db), args)
    flat = " ".join(said.split())
    assert code == 3, flat
    assert ("(WATCHDESK_REOPEN_WAIT_S): what this delivery does could be written to no file either (beside it or in "
            "~/.local/state/watchdesk/unrecorded), so it is said in full when this command ends; nothing of it is "
            "sent again") in flat, flat
