"""A walkthrough (session 27): watching TSMC, progress said "TSM: 0 filings in window, 0 new documents" while six
6-Ks filed in the window were left out by kind (monthly revenue, notices), as the watchlist asks by default. The
line now counts them by kind, so "0 in window" is not read as "TSMC filed nothing"."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

WATCHLIST = """\
[filings]
forms = ["6-K"]
since = 2026-08-07
until = 2026-09-05
[[tickers]]
symbol = "TSM"
sources = ["edgar"]
"""


def test_the_6ks_left_out_by_kind_are_counted_in_progress(tmp_path: Path) -> None:
    wl = tmp_path / "tsm.toml"
    wl.write_text(WATCHLIST)
    done = CliRunner().invoke(cli, ["run", str(wl), "--db", str(tmp_path / "t.duckdb"), "--out", str(tmp_path / "b"),
                                    "--replay", str(demo_pack())])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert ("TSM: 0 filings in window, 0 new documents, 0 already stored, 6-Ks left out by kind: "
            "1 quarterly financial statements, 1 monthly revenue report, 4 other reports") in done.stderr
