"""Bug: one corrupt recorded response (`printf garbage > pack/bodies/<x>.htm.gz`) crashed the whole run with
"unexpected BadGzipFile in gzip.py ... please report it", exit 1, run failed. DESIGN.md promises a failed step is a
gap and the supervisor goes on. The pack now says which URL's body is corrupt (a ReplayMissError, so a gap of that
filing), and a fetching step that raises anything else is a gap naming the step, not the end of the run; Ctrl-C
still stops it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.demo_slice import TEN_Q, nvidia_pack, settings, watchlist
from watchdesk.agents import filings
from watchdesk.graph import runner
from watchdesk.sources.edgar_parse import submissions_url
from watchdesk.sources.errors import ReplayMissError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent
from watchdesk.sources.replay import ReplayPack, read_index


def test_a_corrupt_body_is_a_gap_naming_its_url(tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack")
    body = next(e.body for e in read_index(pack) if e.url == TEN_Q)
    (pack / body).write_bytes(b"garbage")
    with pytest.raises(ReplayMissError, match=f"lists {TEN_Q} but its body file .* is corrupt"):
        ReplayPack.load(pack).lookup(TEN_Q)
    outcome = runner.start_run(watchlist(), settings(tmp_path, pack))
    assert outcome.status == "done" and outcome.briefing_path
    (gap,) = outcome.gaps
    assert gap.startswith("10-Q 0001045810-25-000209: ") and f"lists {TEN_Q}" in gap and "corrupt" in gap


def test_a_corrupt_or_missing_body_is_audited_as_such_not_as_a_miss(tmp_path: Path) -> None:
    # its audit row said "not in replay pack", as for a URL never recorded (a review): the pack looked incomplete
    # where it was damaged
    pack = nvidia_pack(tmp_path / "pack")
    entries = {e.url: e.body for e in read_index(pack)}
    (pack / entries[TEN_Q]).write_bytes(b"garbage")
    (pack / entries[submissions_url(1045810)]).unlink()
    events: list[AuditEvent] = []
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",))
    with Gateway(config, audit=events.append) as gw:
        for url in (TEN_Q, submissions_url(1045810), "https://www.sec.gov/never-recorded.json"):
            with pytest.raises(ReplayMissError):
                gw.get(url, agent="filings")
    said = [(e.outcome, e.detail) for e in events]
    again = "record it again with --record"
    assert said[0] == ("replay_corrupt", f"recorded body file {entries[TEN_Q]} is corrupt (Not a gzipped file "
                                         f"(b'ga')); {again}")
    assert said[1] == ("replay_corrupt", f"recorded body file {entries[submissions_url(1045810)]} is missing; {again}")
    assert said[2] == ("replay_miss", "not in replay pack")


def test_a_step_that_raises_unexpectedly_is_a_gap_and_the_run_goes_on(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(filings, "collect", broken)
    outcome = runner.start_run(watchlist(), settings(tmp_path, nvidia_pack(tmp_path / "pack")))
    assert outcome.status == "done" and outcome.briefing_path
    (gap,) = outcome.gaps
    assert gap.startswith('NVDA (CIK 1045810, "NVIDIA CORP"): unexpected RuntimeError in '
                          "test_corrupt_recording_is_a_gap.py:")
    assert "in step filings:NVDA: boom; please report it" in gap


def test_ctrl_c_in_a_step_still_stops_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(filings, "collect", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runner.start_run(watchlist(), settings(tmp_path, nvidia_pack(tmp_path / "pack")))
