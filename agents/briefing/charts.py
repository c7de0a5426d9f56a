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
# the least share of its size a wide chart is drawn at (then it scrolls): its 12-pixel labels stay 9 pixels high or
# more. A page shows the wide drawings from 981 pixels only, where they fit at their own size; this is for a page
# that forces them (a mail client ignoring the media queries)
SMALLEST = 0.75
LABEL_GAP = 26  # pixels between week labels along an axis at least (a long span labels every few weeks)
LEFT, TOP, BOTTOM, LEGEND = 50, 40, 66, 124  # margins: y axis, title (+ panel names), rotated week labels, legend
# a wide chart fits the page's column from a 981-pixel window (~869 pixels) at its own size, so its 12-pixel labels are
# drawn 12 pixels high: the tone chart's panels stand at most PER_ROW to a row (narrower with three), more wrap below
PER_ROW, NARROWER, PANEL_GAP, ROW_GAP = 3, 190, 40, 24
PLOT = 660  # the mentions chart's plot width
TONE, MENTIONS = "Net tone per week", "Mentions per week"  # the charts' titles


@dataclass(frozen=True, kw_only=True)
class Layout:
    """A chart's type and spacing, in pixels at the chart's own size."""

    font: int  # labels
    title: int
    corner: tuple[int, int]  # the title's start: left, baseline
    bottom: int  # from a frame's bottom to the baseline of "week starting", under the rotated week labels
    tick: tuple[int, int]  # a y-axis label's offset from its tick: left, down
    week_drop: int  # a week label's top below the frame
    label_gap: int  # pixels between week labels along an axis at least
    dot: int  # a tone point's radius


# side by side, on a page 850 pixels wide or more (under it the page shows NARROW), at their own size from ~1000
WIDE = Layout(font=12, title=15, corner=(LEFT, 16), bottom=BOTTOM - 2, tick=(4, 4), week_drop=11, label_gap=LABEL_GAP,
              dot=3)
# for a phone or a page under 850 pixels: panels stacked and larger type, 440 pixels wide, so drawn at a phone's width
# (~330 pixels) its labels are 11 pixels high or more; the e-mail's images, which every mail client shrinks to fit
NARROW = Layout(font=15, title=18, corner=(8, 20), bottom=82, tick=(6, 5), week_drop=14, label_gap=33, dot=4)
NARROW_WIDTH, NARROW_LEFT, NARROW_RIGHT = 440, 56, 14


@dataclass(frozen=True, kw_only=True)
class Chart:
    name: str  # the image's file name in an e-mail, without ".png"
    title: str  # as the chart shows it over itself
    svg: str
    narrow: str  # the same chart for a narrow screen (NARROW): the page shows it there, the e-mail as its image
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
        Chart(name=name, title=title, svg=draw(history, weeks) or "", narrow=draw(history, weeks, narrow=True) or "",
              alt=alt)
        for name, title, draw, alt in (("net-tone", TONE, tone_chart, tone_alt),
                                       ("mentions", MENTIONS, mentions_chart, mentions_alt))
    ]  # fmt: skip


def _day(week: date) -> str:
    return f"{week:%b} {week.day}, {week.year}"


def _label(week: date) -> str:
    return f"{week:%b} {week.day}"


def _points(history: Sequence[WeekPoint], weeks: Sequence[date]) -> list[WeekPoint]:
    """The points of the window's weeks (a week outside the axis has no place on it)."""
    shown = set(weeks)
    return [w for w in history if w.week in shown]


def tone_chart(history: Sequence[WeekPoint], weeks: Sequence[date], *, narrow: bool = False) -> str | None:
    """Weekly net tone (good news minus warnings, per mention) per topic, one panel per ticker: side by side, or
    one under another when `narrow`."""
    points = _points(history, weeks)
    if not points:
        return None
    tickers = sorted({p.ticker for p in points})
    topics = sorted({topic_label(p.topic) for p in points})
    colour = {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(topics)}
    ticks = [(-1.0, "-1"), (-0.5, "-0.5"), (0.0, "0"), (0.5, "0.5"), (1.0, "1")]
    if narrow:
        return _tone_stacked(points, weeks, tickers, colour, ticks)
    # a panel's tick labels ("-0.5": ~25 pixels, 4 from its frame) stand between it and the one before, clear of both
    height, across = 150, min(len(tickers), PER_ROW)
    panel = WIDTH if across < PER_ROW else NARROWER
    width = LEFT + across * (panel + PANEL_GAP) + LEGEND
    pitch = height + BOTTOM + ROW_GAP  # from one row's frames to the next's
    parts = [_title(TONE)]
    for n, ticker in enumerate(tickers):
        x0, top = LEFT + n % PER_ROW * (panel + PANEL_GAP), TOP + n // PER_ROW * pitch
        parts.append(f'<text x="{x0 + panel / 2:.1f}" y="{top - 8}" text-anchor="middle" {_font(WIDE)}>'
                     f"{escape(ticker)}</text>")  # fmt: skip
        parts += _axes(x0, top, height, panel, weeks, ticks, lay=WIDE, y_title="net tone" if n % PER_ROW == 0 else None)
        parts += _tone_lines([p for p in points if p.ticker == ticker], weeks, (x0, top, panel, height), colour,
                             dot=WIDE.dot)  # fmt: skip
    parts += _legend(width - LEGEND + 10, "topic", colour)
    height += (len(tickers) - 1) // PER_ROW * pitch
    return _svg(width, TOP + height + BOTTOM, "Net tone per week per ticker and topic", parts)


def _tone_stacked(points: Sequence[WeekPoint], weeks: Sequence[date], tickers: Sequence[str],
                  colour: dict[str, str], ticks: Sequence[tuple[float, str]]) -> str:  # fmt: skip
    """The tone chart for a narrow screen: its panels one under another, the weeks named under the last."""
    parts = [_title(TONE, lay=NARROW)]
    legend, y = _legend_rows(46, "topic", colour)
    parts += legend
    width, height = NARROW_WIDTH - NARROW_LEFT - NARROW_RIGHT, 120
    for n, ticker in enumerate(tickers):
        y += 32
        parts.append(f'<text x="{NARROW_LEFT}" y="{y - 8}" font-weight="bold" {_font(NARROW)}>{escape(ticker)}</text>')
        parts += _axes(NARROW_LEFT, y, height, width, weeks, ticks, lay=NARROW, y_title=None,
                       weeks_shown=n == len(tickers) - 1)  # fmt: skip
        parts += _tone_lines([p for p in points if p.ticker == ticker], weeks, (NARROW_LEFT, y, width, height),
                             colour, dot=NARROW.dot)  # fmt: skip
        y += height
    return _svg(NARROW_WIDTH, y + NARROW.bottom + 5, "Net tone per week per ticker and topic", parts, narrow=True)


def _tone_lines(points: Sequence[WeekPoint], weeks: Sequence[date], frame: tuple[float, float, float, float],
                colour: dict[str, str], *, dot: int) -> list[str]:  # fmt: skip
    """One ticker's net tone per topic in its panel's frame (left, top, width, height): a dot a week, lines between
    neighbouring weeks."""
    x0, top, width, height = frame
    series: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for p in sorted(points, key=lambda p: p.week):
        series[topic_label(p.topic)].append(
            (weeks.index(p.week), _x(x0, weeks, p.week, width=width), _y(height, (p.net + 1) / 2, top=top)))
    parts = []
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
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{dot}" fill="{colour[topic]}"/>' for _, x, y in xy]
    return parts


def mentions_chart(history: Sequence[WeekPoint], weeks: Sequence[date], *, narrow: bool = False) -> str | None:
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
    most = _nice(max(totals) or 1)
    ticks = [(most * i / 4, f"{most * i / 4:g}") for i in range(5)]
    if narrow:
        parts = [_title(MENTIONS, lay=NARROW)]
        legend, top = _legend_rows(46, "ticker", colour)
        x0, top, width, height = NARROW_LEFT, top + 18, NARROW_WIDTH - NARROW_LEFT - NARROW_RIGHT, 160
        parts += [*legend, *_axes(x0, top, height, width, weeks, ticks, lay=NARROW, y_title=None)]
        size = (NARROW_WIDTH, top + height + NARROW.bottom + 5)
    else:
        x0, top, width, height = LEFT, TOP, PLOT, 140
        parts = [_title(MENTIONS), *_axes(LEFT, TOP, height, width, weeks, ticks, lay=WIDE, y_title="mentions")]
        parts += _legend(LEFT + width + 16, "ticker", colour)
        size = (LEFT + width + LEGEND + 16, TOP + height + BOTTOM)
    band = width / max(len(weeks), 1)
    for i, week in enumerate(weeks):
        base = 0
        for ticker in tickers:
            if count := per[(week, ticker)]:
                y_top, y_low = _y(height, (base + count) / most, top=top), _y(height, base / most, top=top)
                parts.append(f'<rect x="{x0 + i * band + band * 0.1:.1f}" y="{y_top:.1f}" width="{band * 0.8:.1f}" '
                             f'height="{y_low - y_top:.1f}" fill="{colour[ticker]}"><title>{escape(ticker)} '
                             f'week of {week.isoformat()}: {count}</title></rect>')  # fmt: skip
                base += count
    return _svg(*size, "Topic mentions per week by ticker", parts, narrow=narrow)


def _x(x0: float, weeks: Sequence[date], week: date, *, width: float = WIDTH) -> float:
    step = width / max(len(weeks), 1)
    return x0 + step * (weeks.index(week) + 0.5)


def _y(height: float, share: float, *, top: float = TOP) -> float:
    return top + height * (1 - share)


def _nice(value: int) -> int:
    """The smallest 1, 2, 2.5 or 5 times a power of ten, times four, at or above `value` (four even ticks)."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if 4 * step * scale >= value:
                return 4 * step * scale
        scale *= 10


def _font(lay: Layout) -> str:
    return f'font-family="sans-serif" font-size="{lay.font}" fill="#333"'


def _axes(x0: float, top: float, height: float, width: float, weeks: Sequence[date],
          ticks: Sequence[tuple[float, str]], *, lay: Layout, y_title: str | None,
          weeks_shown: bool = True) -> list[str]:  # fmt: skip
    """Frame, horizontal grid lines with their labels, and the weeks along the bottom (rotated -45 degrees)."""
    font, (dx, dy) = _font(lay), lay.tick
    low, high = ticks[0][0], ticks[-1][0]
    out = [f'<rect x="{x0}" y="{top}" width="{width}" height="{height}" fill="none" stroke="#ddd"/>']
    for value, text in ticks:
        y = _y(height, (value - low) / (high - low), top=top)
        out.append(f'<line x1="{x0}" x2="{x0 + width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x0 - dx}" y="{y + dy:.1f}" text-anchor="end" {font}>{text}</text>')
    bottom, low = top + height, top + height + lay.week_drop
    for x, text in _week_labels(x0, weeks, width, gap=lay.label_gap) if weeks_shown else []:
        out.append(f'<text x="{x:.1f}" y="{low}" text-anchor="end" transform="rotate(-45 {x:.1f} {low})" '
                   f"{font}>{text}</text>")  # fmt: skip
    if y_title:
        out.append(f'<text transform="translate(12 {top + height / 2:.1f}) rotate(-90)" text-anchor="middle" '
                   f"{font}>{y_title}</text>")  # fmt: skip
    if weeks_shown:
        out.append(f'<text x="{x0 + width / 2:.1f}" y="{bottom + lay.bottom}" text-anchor="middle" {font}>'
                   "week starting</text>")  # fmt: skip
    return out


def _week_labels(x0: float, weeks: Sequence[date], width: float, *, gap: int) -> list[tuple[float, str]]:
    """Where to label the weeks: every step-th week counted back from the last; over more than a year, the first
    week of a month ("Mar '25"), months skipped where labels would crowd, so no month is named twice."""
    if weeks[-1] - weeks[0] <= timedelta(days=365):
        step = -(-len(weeks) * gap // int(width))
        last = len(weeks) - 1
        return [(_x(x0, weeks, w, width=width), _label(w)) for n, w in enumerate(weeks) if not (last - n) % step]
    labels: list[tuple[float, str]] = []
    for n, week in enumerate(weeks):
        x = _x(x0, weeks, week, width=width)
        if (n and week.month == weeks[n - 1].month) or (labels and x - labels[-1][0] < gap):
            continue
        labels.append((x, f"{week:%b} '{week:%y}"))
    return labels


def _legend(x: float, title: str, colour: dict[str, str]) -> list[str]:
    """The legend in a column at the right of a wide chart."""
    out = [f'<text x="{x}" y="{TOP + 4}" {_font(WIDE)} font-weight="bold">{title}</text>']
    for i, (name, fill) in enumerate(colour.items()):
        y = TOP + 22 + 19 * i
        out.append(f'<circle cx="{x + 6}" cy="{y - 4}" r="6" fill="{fill}"/>')
        out.append(f'<text x="{x + 16}" y="{y}" {_font(WIDE)}>{escape(name)}</text>')
    return out


def _legend_rows(y: float, title: str, colour: dict[str, str]) -> tuple[list[str], float]:
    """The legend of a narrow chart in rows under its title, from baseline `y`: its parts, and its last baseline.
    A name's width is guessed on the wide side (0.62 of the type's size a letter), so a row never runs off."""
    letter = 0.62 * NARROW.font
    out = [f'<text x="8" y="{y}" {_font(NARROW)} font-weight="bold">{title}</text>']
    x = 8 + letter * len(title) + 12
    for name, fill in colour.items():
        wide = 2 * 6 + 5 + letter * len(name)
        if x + wide > NARROW_WIDTH - 4:
            x, y = 8, y + 22
        out.append(f'<circle cx="{x + 6:.1f}" cy="{y - 5}" r="6" fill="{fill}"/>')
        out.append(f'<text x="{x + 17:.1f}" y="{y}" {_font(NARROW)}>{escape(name)}</text>')
        x += wide + 14
    return out, y


def _title(text: str, *, lay: Layout = WIDE) -> str:
    x, y = lay.corner
    return f'<text x="{x}" y="{y}" font-family="sans-serif" font-size="{lay.title}" font-weight="bold">{text}</text>'


def _svg(width: float, height: float, label: str, parts: list[str], *, narrow: bool = False) -> str:
    # a wide chart keeps at least SMALLEST of its size (then scrolls); a narrow one shrinks to the screen
    style = "" if narrow else f' style="min-width: {ceil(width * SMALLEST)}px"'
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" class="{"narrow" if narrow else "wide"}"{style} role="img" '
            f'aria-label="{escape(label)}">'
            '<rect width="100%" height="100%" fill="white"/>' + "".join(parts) + "</svg>")  # fmt: skip
