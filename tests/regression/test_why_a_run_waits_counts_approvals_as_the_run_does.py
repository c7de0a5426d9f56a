"""Bug: the reason a run gives for waiting under `approval = "first:N"` (the notice, `approve --show`, the prompt) did
not always match what the runner counted, which shows with N >= 2 (with N = 1 an approved run ends the asking):
- it said "the watchlist's first N runs" where the runner asks until N runs are approved: a rejected run, or an edited
  (narrowed) plan, does not count, so the third run of a `first:2` watchlist could wait under "its first 2 runs";
- a watchlist whose earlier approved run was stored with its relative paths as written (before they were read from the
  file's folder) was counted as approved by the runner but said "approval asked again: the watchlist changed";
- after a change it said only that, though N runs of the new version are to be approved, not one;
- "K approved so far" counted only approvals before the run started: another run approved since was left out.
Now it says "until N runs ... are approved", counts as the runner does, and names approvals given since."""

from __future__ import annotations

from pathlib import Path

from tests.integration.test_approval import WATCHLIST, settings
from tests.regression.test_a_new_recipient_gets_no_notice_before_approval import stored
from watchdesk.graph import runner
from watchdesk.graph.approval import CHANGED, why_waiting
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, load_watchlist, parse_watchlist
from watchdesk.store.store import Store


def first(n: int, *, extra: str = "") -> Watchlist:
    return parse_watchlist(WATCHLIST.replace('"first:1"', f'"first:{n}"') + extra)


def why(s: Settings, run_id: str) -> str:
    with Store.open(s.db_path, read_only=True) as store:
        return why_waiting(store, run_id)


def rule(n: int) -> str:
    return (f"the policy wants a person's yes until {n} runs of the watchlist as its file now reads are approved "
            f'(approval = "first:{n}")')  # fmt: skip


def test_first_3_after_0_1_2_and_3_approvals(tmp_path: Path) -> None:
    wl, s = first(3), settings(tmp_path)
    for approved in range(3):
        waiting = runner.start_run(wl, s, approver=None)
        assert waiting.status == "awaiting_approval"
        assert why(s, waiting.run_id) == f"{rule(3)}; {approved} approved before this run started"
        runner.resume_run(waiting.run_id, s, decision="approve")
    assert runner.start_run(wl, s, approver=None).status == "done", "the fourth run asks nobody"


def test_a_rejected_run_is_no_approval_and_is_not_said_to_be(tmp_path: Path) -> None:
    """first:2 with the first run rejected: the third run waits, and is not told it is among 'the first 2 runs'."""
    wl, s = first(2), settings(tmp_path)
    runner.resume_run(runner.start_run(wl, s, approver=None).run_id, s, decision="reject")
    runner.resume_run(runner.start_run(wl, s, approver=None).run_id, s, decision="approve")
    third = runner.start_run(wl, s, approver=None)
    assert third.status == "awaiting_approval"
    assert why(s, third.run_id) == f"{rule(2)}; 1 approved before this run started"


def test_a_change_says_how_many_approvals_the_new_version_needs(tmp_path: Path) -> None:
    s = settings(tmp_path)
    for _ in range(2):
        runner.start_run(first(2), s, approver=lambda _req: "approve")
    edited = first(2, extra='max_requests_per_run = 40\n')  # under [policy]: a change to the file
    waiting = runner.start_run(edited, s, approver=None)
    assert waiting.status == "awaiting_approval"
    assert why(s, waiting.run_id) == f"{CHANGED}; {rule(2)}; 0 approved before this run started"


def test_a_run_stored_with_its_paths_as_written_is_the_same_watchlist(tmp_path: Path) -> None:
    """An approved run stored before relative paths were read from the file's folder: the runner counts it (the run
    asks for the second of 2), and the reason counts it too instead of saying the watchlist changed."""
    text = WATCHLIST.replace('"first:1"', '"first:2"').replace("[policy]", '[[delivery]]\nkind = "file"\n'
                                                                          'path = "copies"\n\n[policy]')  # fmt: skip
    (tmp_path / "w.toml").write_text(text, encoding="utf-8")
    s = settings(tmp_path).with_(watchlist_path=tmp_path / "w.toml")
    with Store.open(s.db_path) as store:
        stored(store, parse_watchlist(text), run_id="as-written", status="done", approval="approved", ago=48)
    waiting = runner.start_run(load_watchlist(tmp_path / "w.toml"), s, approver=None)
    assert waiting.status == "awaiting_approval"
    assert why(s, waiting.run_id) == f"{rule(2)}; 1 approved before this run started"


def test_an_approval_given_since_the_run_started_is_named(tmp_path: Path) -> None:
    wl, s = first(2), settings(tmp_path)
    older, newer = (runner.start_run(wl, s, approver=None) for _ in range(2))
    runner.resume_run(older.run_id, s, decision="approve")
    assert why(s, newer.run_id) == (f"{rule(2)}; 0 approved before this run started, 1 since (this run asks all the "
                                    "same: it asks as things stood when it started)")  # fmt: skip
