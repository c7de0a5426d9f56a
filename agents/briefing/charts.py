"""The briefing's charts as inline SVG (Vega-Altair specs rendered by vl-convert): weekly net tone per
ticker and topic over the trend window, and mentions per week. No network, no files."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from watchdesk.agents.briefing.model import WeekPoint
from watchdesk.agents.briefing.text import topic_label

WIDTH = 230


def _rows(history: Sequence[WeekPoint], weeks: Sequence[date]) -> list[dict[str, object]]:
    first = weeks[0] if weeks else date.min
    return [
        {"week": _label(w.week), "ticker": w.ticker, "topic": topic_label(w.topic), "mentions": w.mentions,
         "net": round(w.net, 3)}
        for w in history if w.week >= first
    ]  # fmt: skip


def _label(week: date) -> str:
    return f"{week:%b} {week.day}"


def _x(weeks: Sequence[date]) -> Any:
    """Every week of the window on the axis, in order, whether or not it had mentions."""
    import altair as alt

    return alt.X("week:O", title="week starting", sort=None, scale=alt.Scale(domain=[_label(w) for w in weeks]),
                 axis=alt.Axis(labelAngle=-45))  # fmt: skip


def tone_chart(history: Sequence[WeekPoint], weeks: Sequence[date]) -> str | None:
    """Weekly net tone (good news minus warnings, per mention) per topic, one panel per ticker."""
    import altair as alt

    rows = _rows(history, weeks)
    if not rows:
        return None
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=_x(weeks),
        y=alt.Y("net:Q", title="net tone", scale=alt.Scale(domain=[-1, 1])),
        color=alt.Color("topic:N", title="topic"),
    )
    chart = (base.mark_line(point=True)).properties(width=WIDTH, height=150).facet(
        column=alt.Column("ticker:N", title=None)
    )
    return _svg(chart.properties(title="Net tone per week"))


def mentions_chart(history: Sequence[WeekPoint], weeks: Sequence[date]) -> str | None:
    """Topic mentions per week, stacked by ticker."""
    import altair as alt

    rows = _rows(history, weeks)
    if not rows:
        return None
    chart = alt.Chart(alt.Data(values=rows)).mark_bar().encode(
        x=_x(weeks),
        y=alt.Y("sum(mentions):Q", title="mentions"),
        color=alt.Color("ticker:N", title="ticker"),
    )
    return _svg(chart.properties(width=3 * WIDTH, height=140, title="Mentions per week"))


def _svg(chart: object) -> str:
    import vl_convert as vlc

    spec = chart.to_dict()  # type: ignore[attr-defined]
    return str(vlc.vegalite_to_svg(spec))
