"""A review: `[schedule] time` is the machine's local time (cron fires by it) while a run's period is counted in UTC
days, and `watchdesk schedule show` said neither: a user in New York whose daily run fires at 20:00 (00:00 or 01:00
UTC, the next day) found it briefing a day that had only begun. show (and install) now name the zone of the run
times, the UTC time of each run and the UTC days the first one briefs, and say when a run falls on another day in
UTC than on the local clock."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.schedule import zone_notes
from watchdesk.graph.watchlist import Schedule

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture()
def in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def show(tmp_path: Path, schedule: str) -> str:
    wl = tmp_path / "w.toml"
    wl.write_text(f'name = "chips"\n[[tickers]]\nsymbol = "NVDA"\n[schedule]\n{schedule}\n')
    result = CliRunner().invoke(cli, ["schedule", "show", str(wl), "--crontab-file", str(tmp_path / "tab")])
    assert result.exit_code == 0, result.output
    return result.output


def test_show_names_both_clocks(in_new_york: None, tmp_path: Path) -> None:
    out = show(tmp_path, 'cadence = "daily"\ntime = "20:00"')
    assert re.search(r"next runs, in this machine's local time \((EST|EDT), UTC-0[45]:00\), which cron follows:",
                     out), out  # fmt: skip
    runs = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(runs) == 3 and all(re.fullmatch(r"  \w{3} \d{4}-\d\d-\d\d 20:00", r) for r in runs), runs
    assert re.search(r"periods are UTC days: the first run \(\w{3} \d{4}-\d\d-\d\d 0[01]:00 UTC\) briefs "
                     r"\d{4}-\d\d-\d\d \(one UTC day: the run's UTC date\)", out), out  # fmt: skip
    assert re.search(r"note: at 20:00 local time it is already the next day in UTC \(0[01]:00 UTC\)", out), out


def test_a_morning_run_needs_no_warning(in_new_york: None, tmp_path: Path) -> None:
    out = show(tmp_path, 'cadence = "weekly"\nday = "monday"\ntime = "07:00"')
    assert "periods are UTC days" in out and re.search(r"briefs \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(7 UTC days", out)
    assert "already" not in out and "still" not in out, out


def test_notes_for_fixed_times() -> None:
    evening = [datetime(2026, 3, 3, 20, 0, tzinfo=NEW_YORK), datetime(2026, 3, 10, 20, 0, tzinfo=NEW_YORK)]
    notes = zone_notes(Schedule(cadence="weekly", day="tuesday", time="20:00"), evening)
    assert notes == [
        "periods are UTC days: the first run (Wed 2026-03-04 01:00 UTC) briefs 2026-02-26 to 2026-03-04 "
        "(7 UTC days, ending on the run's UTC date)",
        "note: at 20:00 local time it is already the next day in UTC (01:00 UTC): a run briefs up to that UTC date "
        "(Tuesday's run up to Wednesday); runs before 19:00 local time brief up to their local day",
    ]
    tokyo = [datetime(2026, 3, 3, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo"))]
    assert zone_notes(Schedule(cadence="daily", time="07:00"), tokyo)[1] == (
        "note: at 07:00 local time it is still the day before in UTC (22:00 UTC): a run briefs up to that UTC date "
        "(Tuesday's run up to Monday); runs from 09:00 local time brief up to their local day")
