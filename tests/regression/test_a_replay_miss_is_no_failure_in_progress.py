"""A walkthrough (session 27): replaying a pack that lacks ASML's submissions, progress said "ASML: failed, recorded a
gap (not in the recording: ...)" though README calls a response the pack lacks "a gap but no failure"; and when
every source missed, the run ended "run it again when the sources answer", which a replay never will."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_a_response_the_pack_lacks_is_said_as_a_gap_not_a_failure(tmp_path: Path) -> None:
    wl = tmp_path / "asml.toml"
    wl.write_text('[[tickers]]\nsymbol = "ASML"\ncik = 937966\n')  # the demo pack holds no ASML submissions
    done = CliRunner().invoke(cli, ["run", str(wl), "--db", str(tmp_path / "a.duckdb"), "--out", str(tmp_path / "b"),
                                    "--replay", str(demo_pack())])  # fmt: skip
    said = " ".join(done.stderr.split())
    assert "ASML: recorded a gap (not in the recording: https://data.sec.gov/submissions/CIK0000937966.json" in said
    assert "ASML: failed" not in said
    assert done.exit_code == 1  # nothing at all was read: still exit 1, as the README's table says
    assert "the replay pack holds none of what they asked for (a live run with --record DIR adds it)" in said
    assert "when the sources answer" not in said
