"""Bug: the approval prompt at a terminal (`watchdesk run` and `watchdesk approve`) showed the plan but not why it
asked, though the notice of a run waiting unattended and `approve --show` say it ("Why: the policy wants a person's yes
on every run ..."): a user could not tell a policy's every-run question from "the watchlist changed". Now the prompt
says the same reason above the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST, status_of
from watchdesk.graph import cli as cli_module
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


@pytest.mark.parametrize(("policy", "why"), [
    ("always", 'Why: the policy wants a person\'s yes on every run (approval = "always").'),
    ("first:2", "Why: the policy wants a person's yes until 2 runs of the watchlist as its file now reads are approved "
                "(approval = \"first:2\"); 0 approved before this run started."),
])  # fmt: skip
def test_the_prompt_says_why_it_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, policy: str, why: str) -> None:
    wl, db = tmp_path / "w.toml", tmp_path / "w.duckdb"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', f'approval = "{policy}"'), encoding="utf-8")
    base = ["--db", str(db), "--out", str(tmp_path / "out")]
    runner = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())})
    waiting = runner.invoke(cli, ["run", str(wl), "--scheduled", *base])
    run_id = waiting.output.split("watchdesk approve ", 1)[1].split()[0]

    monkeypatch.setattr(cli_module, "_at_terminal", lambda: True)
    for args in (["approve", run_id, "--db", str(db)], ["run", str(wl), *base]):
        said = runner.invoke(cli, args, input="reject\n").output  # the prompt is on stdout, the plan on stderr
        assert why in said, said
        assert said.index(why) < said.index("fetch_filings -> NVDA") < said.index("approve / reject / edit"), said
    assert status_of(db, run_id) == "rejected"
