"""The runs review (session 22): runs counted "today" in UTC while cron fires in local time, so a daily 20:00 run in
New York planned the period 2026-12-08 to 2026-12-08 on the evening of the 7th: a day not yet begun, and filings of
that day fell outside every briefed period. Today is now the machine's local date."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from datetime import UTC, datetime
from watchdesk.graph.settings import today
print(today(datetime(2026, 12, 8, 1, 0, tzinfo=UTC)))
"""


def test_an_evening_run_in_new_york_is_on_its_own_day() -> None:
    def day(zone: str) -> str:
        env = {**os.environ, "TZ": zone}
        return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                              check=True).stdout.strip()  # fmt: skip

    assert day("America/New_York") == "2026-12-07" and day("UTC") == "2026-12-08" and day("Asia/Tokyo") == "2026-12-08"
