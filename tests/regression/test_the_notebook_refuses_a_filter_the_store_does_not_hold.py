"""A user walkthrough (walkB): explore.findings(db, ticker="NVIDIA") answered "No findings for NVIDIA." (so did ticker
"NVDIA", topic "geopolitics", polarity "warning", the briefing's own word, and an unknown kind), where `watchdesk
findings` exits 2 with "did you mean NVDA?"; limit=-1 raised DuckDB's BinderException. The notebook's calls now
refuse them as the command does (ConfigError, a ValueError, with the close matches), one check serving both, and
both read a polarity in the briefing's words ("warning", "good news") and a kind as the command does ("calls")."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store import explore


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"ticker": "NVIDIA"}, "holds no ticker 'NVIDIA'; did you mean NVDA?"),
        ({"ticker": "NVDIA"}, "holds no ticker 'NVDIA'; did you mean NVDA?"),
        ({"topic": "geopolitics"}, "holds no topic 'geopolitics'; did you mean geopolitical?"),
        ({"polarity": "negatve"}, "'negatve' is not a polarity"),
        ({"kind": "transcript"}, "'transcript' is not a kind of document"),
        ({"limit": -1}, "limit -1"),
        ({"limit": 0}, "limit 0"),
    ],
)
def test_a_filter_the_store_does_not_hold_is_refused(demo_folder: Path, given: dict, said: str) -> None:
    with pytest.raises(ConfigError) as refused:
        explore.findings(demo_folder / "demo.duckdb", **given)
    assert said in str(refused.value)


def test_changes_refuses_an_unknown_ticker_too(demo_folder: Path) -> None:
    with pytest.raises(ValueError, match="did you mean NVDA"):
        explore.changes(demo_folder / "demo.duckdb", ticker="NVIDIA")


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_the_briefings_words_for_a_polarity_and_the_commands_for_a_kind_are_read(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    ids = lambda **kw: [r["finding_id"] for r in explore.findings(db, ticker="TSM", **kw)]  # noqa: E731
    assert ids(polarity="warning") == ids(polarity="negative") != []
    assert ids(polarity="Good news") == ids(polarity="positive") != []
    assert ids(kind="calls") == ids(kind="call") != []
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--ticker", "TSM", "--polarity", "warning",
                                      "--format", "jsonl"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(ids(polarity="negative"))
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--polarity", "negatve"])
    assert result.exit_code == 2 and "did you mean negative?" in result.output
