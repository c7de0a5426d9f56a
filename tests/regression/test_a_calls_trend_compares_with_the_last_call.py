"""An analyst walkthrough: the headline's Trend compared a topic's tone with the 11 weeks before the period, which
never hold the previous quarter's earnings call (13 to 14 weeks back), so every week of an NVIDIA call read
"first in 12 weeks" and never said whether this call's tone on inventory, supply chain or geopolitics was better or
worse than the last call's. The trend now compares a call with the latest earlier call that mentions the topic, a
10-K or 10-Q with the latest earlier 10-K or 10-Q, and says which it compared with."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from tests.regression.demo_briefs import brief_md


def _trend(markdown: str) -> dict[str, tuple[str, str, str]]:
    """NVDA's headline rows: topic -> (net tone, previous, trend)."""
    headline = markdown.split("\n## ", 2)[1]
    rows = re.findall(r"^\| NVDA \| ([\w ]+) \| \d+ \|.*\| ([+-]\d\.\d\d|—) \| ([+-]\d\.\d\d(?: \([^|)]+\))?|—) "
                      r"\| ([^|]+) \|$", headline, re.M)  # fmt: skip
    return {topic: (now, before, trend) for topic, now, before, trend in rows}


def test_a_calls_trend_compares_with_the_previous_call(demo_store: Callable[[Path], Path], shared_fixtures: Path,
                                                        tmp_path: Path) -> None:  # fmt: skip
    db = demo_store(tmp_path / "demo")  # a briefing is recorded in its store: not demo_folder's
    # the demo holds NVIDIA's calls of 2024-05-22, 2024-08-28, 2024-11-20 and 2025-02-26 (13 to 14 weeks apart)
    rows = _trend(brief_md(db, tmp_path / "w35", "--week", "2024-W35"))
    assert set(rows) == {"Inventory", "Supply chain", "Geopolitical"}, rows
    for topic, (_, before, word) in rows.items():
        assert "first in 12 weeks" not in word, (topic, word)
        assert re.fullmatch(r"(up ▲|down ▼|steady) against the call of 2024-05-22", word), (topic, word)
        assert before != "—", topic
    # the first call stored has no earlier one: said so, not "first in 12 weeks" (the 10-K of 2024-02-21 is no call)
    rows = _trend(brief_md(db, tmp_path / "w21", "--week", "2024-W21"))
    assert rows and all((b, w) == ("—", "no earlier call mentions it") for _, b, w in rows.values()), rows


def test_a_call_and_a_10k_in_one_week_are_each_compared_with_their_own_kind(
    demo_store: Callable[[Path], Path], shared_fixtures: Path, tmp_path: Path
) -> None:
    # 2025-W09: the call and the 10-K of 2025-02-26; the call before is of 2024-11-20, the 10-K before of 2024-02-21
    rows = _trend(brief_md(demo_store(tmp_path / "demo"), tmp_path / "w09", "--week", "2025-W09"))
    assert set(rows) == {"Inventory", "Supply chain", "Geopolitical"}, rows
    for topic, (_, before, word) in rows.items():
        # the call and the 10-K before, together as the row's net tone is, and the cell says so
        assert before.endswith(" (call of 2024-11-20 and 10-K of 2024-02-21 combined)"), (topic, before)
        calls, filings = word.split("; ")
        assert re.fullmatch(r"calls: (up ▲|down ▼|steady) against the call of 2024-11-20 \([+-]\d\.\d\d against "
                            r"[+-]\d\.\d\d\)", calls), (topic, word)  # fmt: skip
        assert re.fullmatch(r"10-K: (up ▲|down ▼|steady) against the 10-K of 2024-02-21 \([+-]\d\.\d\d against "
                            r"[+-]\d\.\d\d\)", filings), (topic, word)  # fmt: skip
