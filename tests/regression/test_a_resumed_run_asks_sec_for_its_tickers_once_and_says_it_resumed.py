"""Bug (periods45, session 45): a run resumed after Ctrl-C (`watchdesk approve RUN`) recorded more audit rows than
the same run uninterrupted (a resumed demo 20 to 23 against 19), with nothing in `watchdesk runs RUN` to say why.
Which rows repeat: SEC's ticker map (company_tickers.json, ~1 MB), fetched again at every resume to resolve the
tickers the run's start had resolved and stored (a request made twice, avoidable: the resume now goes on with the
stored companies); and the requests of the steps the Ctrl-C cut short, which run again (a listing asked again, a
filing that failed tried again: honest records of a second attempt, kept). The trail now holds a `run.resume` row
where the second attempt begins, and `runs RUN` says the run was resumed. Real recorded SEC data (the demo's
NVIDIA listing and 10-Q), a real DuckDB file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import URLS, nvidia_pack, settings, watchlist
from watchdesk.agents import filings
from watchdesk.graph import nodes, runner
from watchdesk.graph.cli import cli
from watchdesk.sources.edgar_parse import TICKERS_URL, submissions_url
from watchdesk.store.store import Store


def ctrl_c(*_args: object, **_kw: object) -> Any:
    raise KeyboardInterrupt


def test_a_run_resumed_after_ctrl_c_asks_for_the_ticker_map_once_and_its_trail_says_it_resumed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = settings(tmp_path, nvidia_pack(tmp_path / "pack"))
    listed = filings.list_new_filings
    stopped: list[bool] = []

    def ctrl_c_after_the_listing(*args: Any, **kwargs: Any) -> Any:
        found = listed(*args, **kwargs)
        if not stopped:
            stopped.append(True)
            ctrl_c()  # the person presses Ctrl-C as the filings step has its listing
        return found

    monkeypatch.setattr(filings, "list_new_filings", ctrl_c_after_the_listing)
    with pytest.raises(runner.RunInterrupted):
        runner.start_run(watchlist(), s, run_id="r1")
    # resumed, stopped again once its filings are stored: what it flags and briefs has no request to tell
    monkeypatch.setattr(nodes, "flag_documents", ctrl_c)
    with pytest.raises(runner.RunInterrupted):
        runner.resume_run("r1", s, decision=None)
    with Store.open(s.db_path, read_only=True) as store:
        rows = store.query("SELECT action, target FROM actions WHERE run_id = 'r1' ORDER BY \"at\"")
    asked = Counter(target for action, target in rows if action == "http.get")
    said = CliRunner().invoke(cli, ["runs", "r1", "--db", str(s.db_path)])
    assert set(asked) == set(URLS)
    assert asked[TICKERS_URL] == 1  # before: 2, asked again by the resume
    assert asked[submissions_url(1045810)] == 2  # the step cut short asked again: kept, a second attempt
    assert [action for action, _ in rows].count("run.resume") == 1  # before: no such row
    assert said.exit_code == 0, said.output
    assert "resumed once after an interruption" in " ".join(said.output.split())  # before: not said
