"""The briefing's charts as inline SVG, drawn here: weekly net tone per ticker and topic over the trend window, and
mentions per week. No network, no files, no chart engine (Vega-Lite through vl-convert took ~1.4 s per briefing
for the two charts, more than the whole briefing on a million findings; these take milliseconds)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from math import ceil

from watchdesk.agents.briefing.model import WeekPoint
from watchdesk.agents.briefing.text import topic_label

WIDTH = 230
PALETTE = ("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2", "#ff9da6", "#9d755d")
FONT = 'font-family="sans-serif" font-size="10" fill="#333"'
# the least share of its size a chart is drawn at on a narrow page (then it scrolls): its 10-pixel labels stay 7.5
# pixels high or more, and the charts of an 820-pixel page (~690 wide) keep the size they had before it existed
SMALLEST = 0.75
LABEL_GAP = 22  # pixels between week labels along an axis at least (a long span labels every few weeks)
LEFT, TOP, BOTTOM, LEGEND = 44, 34, 58, 120  # margins: y axis, title (+ panel names), rotated week labels, legend
TONE, MENTIONS = "Net tone per week", "Mentions per week"  # the charts' titles


@dataclass(frozen=True, kw_only=True)
class Chart:
    name: str  # the image's file name in an e-mail, without ".png"
    title: str  # as the chart shows it over itself
    svg: str
    alt: str  # what the chart shows, in words: the e-mail's image text for readers who see no pictures


def briefing_charts(history: Sequence[WeekPoint], weeks: Sequence[date]) -> list[Chart]:
    """The briefing's charts in page order: net tone, then mentions; none without a mention in the window."""
    points = _points(history, weeks)
    if not points:
        return []
    tickers = ", ".join(sorted({p.ticker for p in points}))
    topics = ", ".join(sorted({topic_label(p.topic) for p in points}))
    span = f"weeks starting {_day(weeks[0])} to {_day(weeks[-1])}"
    per_week: dict[date, int] = defaultdict(int)
    for p in points:
        per_week[p.week] += p.mentions
    busiest = max(per_week, key=lambda w: (per_week[w], w))
    tone_alt = (f"Chart: net tone per week (good news minus warnings, per mention, from -1 to 1) for {tickers}, "
                f"one colour per topic ({topics}), {span}.")  # fmt: skip
    mentions_alt = (f"Chart: topic mentions per week, stacked by ticker ({tickers}), {span}; "
                    f"{sum(per_week.values())} in all, the most in the week of {_day(busiest)} "
                    f"({per_week[busiest]}).")  # fmt: skip
    return [
        Chart(name=name, title=title, svg=svg, alt=alt)
        for name, title, svg, alt in (("net-tone", TONE, tone_chart(history, weeks), tone_alt),
                                      ("mentions", MENTIONS, mentions_chart(history, weeks), mentions_alt))
        if svg
    ]  # fmt: skip


def _day(week: date) -> str:
    return f"{week:%b} {week.day}, {week.year}"


def _label(week: date) -> str:
    return f"{week:%b} {week.day}"


def _points(history: Sequence[WeekPoint], weeks: Sequence[date]) -> list[WeekPoint]:
    """The points of the window's weeks (a week outside the axis has no place on it)."""
    shown = set(weeks)
    return [w for w in history if w.week in shown]


def tone_chart(history: Sequence[WeekPoint], weeks: Sequence[date]) -> str | None:
    """Weekly net tone (good news minus warnings, per mention) per topic, one panel per ticker."""
    points = _points(history, weeks)
    if not points:
        return None
    tickers = sorted({p.ticker for p in points})
    topics = sorted({topic_label(p.topic) for p in points})
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(topics)}
    # a panel's tick labels ("-0.5": ~20 pixels, 4 from its frame) stand between it and the one before, clear of both
    height, gap = 150, 36
    width = LEFT + len(tickers) * (WIDTH + gap) + LEGEND
    parts = [_title(TONE)]
    for n, ticker in enumerate(tickers):
        x0 = LEFT + n * (WIDTH + gap)
        name = escape(ticker)
        parts.append(f'<text x="{x0 + WIDTH / 2:.1f}" y="{TOP - 6}" text-anchor="middle" {FONT}>{name}</text>')
        parts += _axes(x0, height, weeks, [(-1.0, "-1"), (-0.5, "-0.5"), (0.0, "0"), (0.5, "0.5"), (1.0, "1")],
                       y_title="net tone" if n == 0 else None)  # fmt: skip
        series: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
        for p in sorted((p for p in points if p.ticker == ticker), key=lambda p: p.week):
            series[topic_label(p.topic)].append(
                (weeks.index(p.week), _x(x0, weeks, p.week), _y(height, (p.net + 1) / 2)))
        for topic, xy in series.items():
            # a line joins neighbouring weeks only: a week without mentions has no tone, and a line across it
            # would draw a trend nobody measured
            runs: list[list[tuple[float, float]]] = []
            for i, (week, x, y) in enumerate(xy):
                if i == 0 or week != xy[i - 1][0] + 1:
                    runs.append([])
                runs[-1].append((x, y))
            for run in runs:
                if len(run) > 1:
                    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                    parts.append(f'<polyline points="{path}" fill="none" stroke="{colour[topic]}" stroke-width="2"/>')
            parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour[topic]}"/>' for _, x, y in xy]
    parts += _legend(width - LEGEND + 10, "topic", colour)
    return _svg(width, TOP + height + BOTTOM, "Net tone per week per ticker and topic", parts)


def mentions_chart(history: Sequence[WeekPoint], weeks: Sequence[date]) -> str | None:
    """Topic mentions per week, stacked by ticker."""
    points = _points(history, weeks)
    if not points:
        return None
    tickers = sorted({p.ticker for p in points})
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(tickers)}
    per: dict[tuple[date, str], int] = defaultdict(int)
    for p in points:
        per[(p.week, p.ticker)] += p.mentions
    totals = [sum(per[(w, t)] for t in tickers) for w in weeks]
    top = _nice(max(totals) or 1)
    height, width = 140, 3 * WIDTH
    ticks = [(top * i / 4, f"{top * i / 4:g}") for i in range(5)]
    parts = [_title(MENTIONS), *_axes(LEFT, height, weeks, ticks, y_title="mentions", bars=True)]
    band = width / max(len(weeks), 1)
    for i, week in enumerate(weeks):
        base = 0
        for ticker in tickers:
            if count := per[(week, ticker)]:
                y_top, y_low = _y(height, (base + count) / top), _y(height, base / top)
                parts.append(f'<rect x="{LEFT + i * band + band * 0.1:.1f}" y="{y_top:.1f}" width="{band * 0.8:.1f}" '
                             f'height="{y_low - y_top:.1f}" fill="{colour[ticker]}"><title>{escape(ticker)} '
                             f'week of {week.isoformat()}: {count}</title></rect>')  # fmt: skip
                base += count
    parts += _legend(LEFT + width + 16, "ticker", colour)
    return _svg(LEFT + width + LEGEND + 16, TOP + height + BOTTOM, "Topic mentions per week by ticker", parts)


def _x(x0: float, weeks: Sequence[date], week: date, *, width: float = WIDTH) -> float:
    step = width / max(len(weeks), 1)
    return x0 + step * (weeks.index(week) + 0.5)


def _y(height: float, share: float) -> float:
    return TOP + height * (1 - share)


def _nice(value: int) -> int:
    """The smallest 1, 2, 2.5 or 5 times a power of ten, times four, at or above `value` (four even ticks)."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * scale >= value:
                return 4 * step * scale
        scale *= 10


def _axes(x0: float, height: float, weeks: Sequence[date], ticks: Sequence[tuple[float, str]], *,
          y_title: str | None, bars: bool = False) -> list[str]:  # fmt: skip
    """Frame, horizontal grid lines with their labels, and the weeks along the bottom (rotated -45 degrees)."""
    width = 3 * WIDTH if bars else WIDTH
    low, high = ticks[0][0], ticks[-1][0]
    out = [f'<rect x="{x0}" y="{TOP}" width="{width}" height="{height}" fill="none" stroke="#ddd"/>']
    for value, text in ticks:
        y = _y(height, (value - low) / (high - low))
        out.append(f'<line x1="{x0}" x2="{x0 + width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x0 - 4}" y="{y + 3:.1f}" text-anchor="end" {FONT}>{text}</text>')
    bottom = TOP + height
    for x, text in _week_labels(x0, weeks, width):
        out.append(f'<text x="{x:.1f}" y="{bottom + 10}" text-anchor="end" transform="rotate(-45 {x:.1f} '
                   f'{bottom + 10})" {FONT}>{text}</text>')  # fmt: skip
    if y_title:
        out.append(f'<text transform="translate(12 {TOP + height / 2:.1f}) rotate(-90)" text-anchor="middle" '
                   f'{FONT}>{y_title}</text>')  # fmt: skip
    centre = x0 + width / 2
    out.append(f'<text x="{centre:.1f}" y="{bottom + BOTTOM - 2}" text-anchor="middle" {FONT}>week starting</text>')
    return out


def _week_labels(x0: float, weeks: Sequence[date], width: float) -> list[tuple[float, str]]:
    """Where to label the weeks: every step-th week counted back from the last; over more than a year, the first
    week of a month ("Mar '25"), months skipped where labels would crowd, so no month is named twice."""
    if weeks[-1] - weeks[0] <= timedelta(days=365):
        step = -(-len(weeks) * LABEL_GAP // int(width))
        last = len(weeks) - 1
        return [(_x(x0, weeks, w, width=width), _label(w)) for n, w in enumerate(weeks) if not (last - n) % step]
    labels: list[tuple[float, str]] = []
    for n, week in enumerate(weeks):
        x = _x(x0, weeks, week, width=width)
        if (n and week.month == weeks[n - 1].month) or (labels and x - labels[-1][0] < LABEL_GAP):
            continue
        labels.append((x, f"{week:%b} '{week:%y}"))
    return labels


def _legend(x: float, title: str, colour: dict[str, str]) -> list[str]:
    out = [f'<text x="{x}" y="{TOP + 4}" {FONT} font-weight="bold">{title}</text>']
    for i, (name, fill) in enumerate(colour.items()):
        y = TOP + 20 + 16 * i
        out.append(f'<circle cx="{x + 5}" cy="{y - 3}" r="5" fill="{fill}"/>')
        out.append(f'<text x="{x + 14}" y="{y}" {FONT}>{escape(name)}</text>')
    return out


def _title(text: str) -> str:
    return f'<text x="{LEFT}" y="14" font-family="sans-serif" font-size="13" font-weight="bold">{text}</text>'


def _svg(width: float, height: float, label: str, parts: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" style="min-width: {ceil(width * SMALLEST)}px" role="img" '
            f'aria-label="{escape(label)}">'
            '<rect width="100%" height="100%" fill="white"/>' + "".join(parts) + "</svg>")  # fmt: skip
