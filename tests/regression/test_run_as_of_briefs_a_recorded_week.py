"""A user walkthrough (session 27): an analyst replaying the recorded data (it ends in 2026-09) with `watchdesk run
watchlist.toml --replay PACK` got the week of today, empty ("0 findings from 0 of 0 documents"), and had no way to
ask for a recorded week. `run --as-of YYYY-MM-DD` runs as if today were that day: the period, the filings window and
the run's dates follow it; a day that is no day, or after today, is bad input (exit 2) with an example."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.settings import today

# NVIDIA's 10-Q filed 2025-08-27, from the bundled recording of SEC's answers
WATCHLIST = """
name = "nvda-10q"

[[tickers]]
symbol = "NVDA"
sources = ["edgar"]
accessions = ["0001045810-25-000209"]

[topics]
watch = ["inventory", "supply_chain", "geopolitical"]

[filings]
forms = ["10-Q"]
lookback_days = 7
compare_previous = false

[policy]
approval = "never"
"""


def test_as_of_briefs_the_week_of_that_day(tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text(WATCHLIST)
    args = ["run", str(tmp_path / "w.toml"), "--replay", str(demo_pack()), "--db", str(tmp_path / "w.duckdb"),
            "--out", str(tmp_path / "b"), "--as-of", "2025-08-29"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (md,) = (tmp_path / "b").glob("*.md")
    text = md.read_text()
    assert md.name.startswith("briefing-nvda-10q-2025-08-23-to-2025-08-29-")
    assert "**Period:** 2025-08-23 to 2025-08-29" in text and "**Run:** `2025-08-29-" in text
    coverage = text.split("**Coverage:** ", 1)[1].split(";", 1)[0]
    assert coverage.endswith("findings from 1 of 1 document dated in this period") and not coverage.startswith("0 ")


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("tomorrow", "'{day}' is after today ({today}, UTC): give a day that has come, e.g. --as-of 2026-07-17"),
        ("2026-02-30", "'2026-02-30' is not a day (day is out of range for month); give YYYY-MM-DD"),
        ("yesterday", "'yesterday' is not a day like 2026-03-02 (YYYY-MM-DD)"),
        ("1980-01-01", "'1980-01-01' is out of range: give a day from 1993-01-01 to {today}"),
    ],
)
def test_as_of_that_is_no_past_day_is_bad_input(tmp_path: Path, day: str, said: str) -> None:
    (tmp_path / "w.toml").write_text(WATCHLIST)
    if day == "tomorrow":
        day = (today() + timedelta(days=1)).isoformat()
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--db", str(tmp_path / "w.duckdb"),
                                      "--as-of", day, "--dry-run"])  # fmt: skip
    assert result.exit_code == 2
    assert said.format(day=day, today=today().isoformat()) in " ".join(result.output.split())
    assert not (tmp_path / "w.duckdb").exists()


def test_help_shows_as_of_with_an_example() -> None:
    said = " ".join(CliRunner().invoke(cli, ["run", "--help"]).output.split())
    assert "--as-of" in said and "Run as if today were this day (YYYY-MM-DD)" in said
    assert "watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-* --as-of 2026-07-17" in said
