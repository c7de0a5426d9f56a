"""The briefing's SVG charts: well-formed, every point and bar drawn where its value says, names escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

from watchdesk.agents.briefing.charts import TOP, mentions_chart, tone_chart
from watchdesk.agents.briefing.model import WeekPoint

SVG = "{http://www.w3.org/2000/svg}"
WEEKS = [date(2025, 1, 6) + timedelta(weeks=i) for i in range(4)]


def _point(week: int, ticker: str, topic: str, mentions: int, positive: int, negative: int) -> WeekPoint:
    return WeekPoint(week=WEEKS[week], ticker=ticker, topic=topic, mentions=mentions, positive=positive,
                     negative=negative)  # fmt: skip


HISTORY = [
    _point(0, "NVDA", "inventory", 4, 3, 1),  # net +0.5
    _point(2, "NVDA", "inventory", 2, 0, 2),  # net -1
    _point(1, "A&B<", "supply_chain", 5, 0, 0),  # net 0, a name that must be escaped
]


def test_no_points_no_chart() -> None:
    assert tone_chart([], WEEKS) is None and mentions_chart([], WEEKS) is None


def test_tone_chart_is_well_formed_with_a_point_per_week_and_topic() -> None:
    svg = tone_chart(HISTORY, WEEKS)
    assert svg is not None and svg.startswith("<svg") and svg.count("<svg") == 1
    root = ET.fromstring(svg)  # raises on malformed XML or an unescaped name
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "A&B<" in texts and "NVDA" in texts and "Jan 6" in texts
    dots = [c for c in root.iter(f"{SVG}circle") if c.get("r") == "3"]
    assert len(dots) == 3
    ys = sorted(float(c.get("cy", 0)) for c in dots)
    # y runs from +1 at the top (TOP) to -1 at the bottom (TOP + 150): +0.5 above 0 above -1
    assert ys == [TOP + 37.5, TOP + 75.0, TOP + 150.0]


def test_mentions_chart_stacks_bars_to_the_weeks_totals() -> None:
    svg = mentions_chart(HISTORY, WEEKS)
    assert svg is not None
    root = ET.fromstring(svg)
    bars = {r.findtext(f"{SVG}title", ""): float(r.get("height", 0)) for r in root.iter(f"{SVG}rect")
            if r.find(f"{SVG}title") is not None}  # fmt: skip
    # the week's year too: a review found "NVDA Feb 26: 374" on a chart spanning 2024 to 2026
    assert sorted(bars) == ["A&B< week of 2025-01-13: 5", "NVDA week of 2025-01-06: 4", "NVDA week of 2025-01-20: 2"]
    per_mention = {height / int(title.rsplit(" ", 1)[1]) for title, height in bars.items()}
    assert max(per_mention) - min(per_mention) < 0.05  # heights proportional to the counts


def test_a_long_span_charts_the_whole_period_with_sparse_labels() -> None:
    """A review: the demo's 2024-05 to 2026-09 briefing charted its last twelve weeks, so only TSM showed."""
    from watchdesk.agents.briefing.period import MAX_CHART_WEEKS, TREND_WEEKS, Period, week_starts

    long = Period(date(2024, 5, 1), date(2026, 9, 1))
    assert long.chart_weeks == 122 and Period(date(2025, 8, 25), date(2025, 8, 31)).chart_weeks == TREND_WEEKS
    assert Period(date(2010, 1, 1), date(2026, 9, 1)).chart_weeks == MAX_CHART_WEEKS
    weeks = week_starts(long.end, long.chart_weeks)
    points = [WeekPoint(ticker="NVDA", topic="inventory", week=weeks[3], mentions=4, negative=2, positive=1),
              WeekPoint(ticker="TSM", topic="inventory", week=weeks[-1], mentions=2, negative=0, positive=1)]
    svg = mentions_chart(points, weeks) or ""
    labels = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text") if t.text and "'" in t.text]
    # every few weeks, the last one labelled (12-pixel labels: every other month or so over 660 pixels)
    assert 14 <= len(labels) <= 40 and labels[-1] == "Aug '26", labels
    assert "NVDA" in svg and "TSM" in svg
    # noticed in session 21: two labelled weeks in one month both read "Mar '25"; each month is named once at most
    assert len(labels) == len(set(labels)), labels
    tone = tone_chart(points, weeks) or ""  # one panel per ticker, each with its own axis
    named = [t.text for t in ET.fromstring(tone).iter(f"{SVG}text") if t.text and "'" in t.text]
    assert len(named) >= 16 and all(named.count(label) == 2 for label in named), named


def test_a_tone_line_never_crosses_a_week_without_mentions() -> None:
    """A review: the net-tone lines joined points across weeks with no data, drawing trends nobody measured."""
    history = [_point(0, "NVDA", "inventory", 4, 3, 1), _point(1, "NVDA", "inventory", 2, 0, 2),
               _point(3, "NVDA", "inventory", 1, 1, 0)]
    root = ET.fromstring(tone_chart(history, WEEKS) or "")
    lines = [p.get("points", "").split() for p in root.iter(f"{SVG}polyline")]
    assert [len(points) for points in lines] == [2]  # weeks 0-1 joined; week 3 alone, a dot
    assert len(list(root.iter(f"{SVG}circle"))) >= 3


def test_the_narrow_drawing_stacks_its_panels_in_440_pixels() -> None:
    """For a phone (and the e-mail's images): panels one under another, weeks named under the last, larger type."""
    root = ET.fromstring(tone_chart(HISTORY, WEEKS, narrow=True) or "")
    assert (root.get("width"), root.get("class")) == ("440", "narrow") and root.get("style") is None
    frames = [(float(r.get("x", 0)), float(r.get("y", 0))) for r in root.iter(f"{SVG}rect") if r.get("stroke")]
    assert len(frames) == 2 and frames[0][0] == frames[1][0] and frames[0][1] < frames[1][1]
    texts = [t for t in root.iter(f"{SVG}text")]
    assert [t.text for t in texts].count("Jan 6") == 1  # the weeks are named once, under the last panel
    assert min(int(t.get("font-size", 0)) for t in texts) == 15
    assert all(float(t.get("x", 0)) < 440 for t in texts)
    bars = ET.fromstring(mentions_chart(HISTORY, WEEKS, narrow=True) or "")
    assert bars.get("width") == "440"
    assert len([r for r in bars.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]) == 3
