"""Periods and stored dates share one zone. Session 22 first made "today" the machine's local date (a daily 20:00 run
in New York briefed the next UTC day), then a code review found that this left news stored after ~19:00 New York
time out of that evening's period: stored dates are UTC. "Today" is the UTC date again, whatever the machine's
zone, and said so; periods of local days would need every stored date in local days too (see the closing note)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from datetime import UTC, datetime
from watchdesk.graph.settings import today
print(today(datetime(2026, 12, 8, 1, 0, tzinfo=UTC)))
"""


def test_today_is_the_utc_date_in_every_zone() -> None:
    def day(zone: str) -> str:
        env = {**os.environ, "TZ": zone}
        return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True,
                              check=True).stdout.strip()  # fmt: skip

    assert day("America/New_York") == day("UTC") == day("Asia/Tokyo") == "2026-12-08"
