"""Bug (a user's walkthrough): the approval prompt refused 'e', 'y' and 'a' ("Error: 'e' is not one of 'approve',
'reject', 'edit'."), listed its choices twice ("approve / reject / edit (approve, reject, edit):"), and when input
ended (EOF) `watchdesk run` printed the plan a second time. Unambiguous prefixes (any case) and y/yes, n/no are
answers now, the choices are listed once, and the plan is printed once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from tests.unit.test_approval_numbers import prompted
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


@pytest.mark.parametrize(("typed", "answer"), [("a", "approve"), ("y", "approve"), ("Yes", "approve"),
                                               ("APP", "approve"), ("r", "reject"), ("n", "reject"),
                                               ("rej", "reject")])  # fmt: skip
def test_a_short_answer_is_taken(typed: str, answer: str) -> None:
    assert prompted(f"{typed}\n")[0] == [answer]


def test_e_is_edit_and_the_choices_are_listed_once() -> None:
    got, output = prompted("x\ne\n5-6\n")
    assert got == [{"decision": "edit", "keep": ["flagging", "briefing"]}]
    assert output.count("approve / reject / edit") == 2  # asked twice: after "x", again
    assert "(approve, reject, edit)" not in output and "is not one of" not in output
    assert "'x' is not an answer" in output


def test_end_of_input_prints_the_plan_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    result = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())}).invoke(
        cli, ["run", str(wl), "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")], input="")
    assert result.exit_code == 0, result.output
    assert result.output.count("fetch_filings -> NVDA") == 1, result.output
    assert "no answer: the run stays awaiting approval" in result.output and "watchdesk approve " in result.output
