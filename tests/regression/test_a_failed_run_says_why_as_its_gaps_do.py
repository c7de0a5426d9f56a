"""cli9 (a demanding user's leftovers): a replayed run whose every source failed ended "the replay pack holds none of
what they asked for (a live run with --record DIR adds it)" whatever the gaps said. With the policy's
max_requests_per_run = 1 the pack was never asked (the budget refused the second request) and holds what the run
needed: recording again changes nothing. The last line now says what the gaps say to do: raise the budget; a pack
that lacks the responses is still said so (tests/regression/test_a_replay_miss_is_no_failure_in_progress.py)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST as APPROVAL_WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.failures import what_then

# the approval test's watchlist (NVDA's 10-Q of August 2025) with a budget of one request
WATCHLIST = APPROVAL_WATCHLIST.replace('approval = "first:1"', 'approval = "never"\nmax_requests_per_run = 1')


def test_a_spent_request_budget_is_said_not_a_pack_that_lacks_the_answers(tmp_path: Path) -> None:
    wl = tmp_path / "budget.toml"
    wl.write_text(WATCHLIST)
    done = CliRunner().invoke(cli, ["run", str(wl), "--db", str(tmp_path / "b.duckdb"), "--out", str(tmp_path / "o"),
                                    "--replay", str(demo_pack())])  # fmt: skip
    said = " ".join(done.stderr.split())
    assert done.exit_code == 1, said
    assert "request budget of 1 for this run spent" in said  # the gap
    assert "every source of this run failed (filings:NVDA; see the gaps above)" in said
    assert said.endswith("raise the policy's max_requests_per_run, as the gaps say"), said
    assert "the replay pack holds none" not in said  # before: said so


def test_a_pack_that_answered_otherwise_is_not_said_to_hold_none() -> None:
    gap = "NVDA (CIK 1045810): https://data.sec.gov/submissions/CIK0001045810.json: host 'data.sec.gov' not allowed"
    assert "holds none" not in what_then([gap], replay=True)
    assert what_then([gap], replay=False) == "run it again when the sources answer"
