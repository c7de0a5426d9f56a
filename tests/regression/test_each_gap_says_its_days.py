"""A review: the briefing's Gaps section listed each target that could not be read with no date ("**NVDA** ·
filings · 10-K 0001045810-26-000021: not in the recording: ..."), while its "What is missing" lines said the days
("its calls dated 2025-05-28 were not all read"), and the store keeps each gap's days: a reader could not tell
which filing of a year-long period was missing, or whether a gap concerned the week read at all. Each gap line now
says the days it concerns, after its source ("filings · 2026-02-25 · 10-K ..."): a filing's date, the days an
older listing page would have listed, a failed step's window; within the period when they reach into it. A gap
whose days are not known (a call chain that did not answer: any call up to the run) says none."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.regression.demo_briefs import demo_file


def _gap_lines(demo_folder: Path) -> dict[str, str]:
    """The demo briefing's gap lines, by their target."""
    gaps = demo_file(demo_folder, "md").read_text().split("\n## Gaps", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in gaps.splitlines() if line.startswith("- **")]
    assert len(lines) == 8, gaps
    return {line.split(": ", 1)[0].rsplit(" · ", 1)[-1]: line for line in lines}


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_each_gap_line_says_its_days(demo_folder: Path) -> None:
    lines = _gap_lines(demo_folder)
    dated = {
        "10-K 0001045810-26-000021": "2026-02-25",  # the filing's date, as its listing gave it
        "8-K 0001045810-26-000019": "2026-02-25",
        "20-F 0001628280-26-025362": "2026-04-16",
        "6-K 0001046179-26-000451": "2026-07-16",
        "compare 10-Q 0001045810-25-000209 with 0001045810-25-000116": "2025-08-27",  # the newer filing's
        "older filings of CIK 1046179": "2026-01-01 to 2026-04-09",  # the window's days before the oldest listed
        'ASML (CIK 937966, "ASML HOLDING NV")': "2026-01-01 to 2026-09-01",  # the failed listing's window
    }
    for target, days in dated.items():
        line = lines[target]
        assert f" · {days} · {target}:" in line, line
    assert lines["ASML transcripts"].startswith("- **ASML** · transcripts · ASML transcripts: "), "no days known"


def test_a_gap_says_the_days_of_the_period_it_reaches_into() -> None:
    from datetime import date

    from tests.unit.test_briefing_render import GAP, briefing
    from watchdesk.agents.briefing.render import render_markdown

    # the briefing's period is 2025-07-14 to 2025-08-31
    spans = {(date(2025, 1, 1), date(2025, 12, 31)): "2025-07-14 to 2025-08-31",  # a step's window, around it
             (date(2025, 7, 1), date(2025, 7, 20)): "2025-07-14 to 2025-07-20",
             (date(2025, 9, 2), date(2025, 9, 2)): "2025-09-02",  # recorded just after it: its own day
             (date.min, date(2025, 9, 1)): "2025-07-14 to 2025-08-31"}  # fmt: skip
    for days, shown in spans.items():
        md = render_markdown(briefing(gaps=[replace(GAP, days=days)]))
        assert f"- **TSM** · filings · {shown} · https://data.sec.gov/" in md, (days, md.split("## Gaps")[1][:300])
