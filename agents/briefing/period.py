"""Briefing periods: an ISO week, the cadence's span ending at a date, or dates given by hand. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from watchdesk.sources.errors import ConfigError
from watchdesk.store.filters import week_days

_SPAN_DAYS = {"weekly": 7, "daily": 1}
TREND_WEEKS = 12  # the trend window: this period's week and the eleven before it
MAX_CHART_WEEKS = 156  # a longer period's charts show its last three years


@dataclass(frozen=True, slots=True)
class Period:
    """Inclusive dates. A document is in the period when its event date falls between them."""

    start: date
    end: date

    @property
    def label(self) -> str:
        """"2025-W35" for a whole ISO week, "2025-09-01" for one day, else "2025-08-26 to 2025-09-01"."""
        iso = self.start.isocalendar()
        if self.start.weekday() == 0 and self.end == self.start + timedelta(days=6):
            return f"{iso.year}-W{iso.week:02d}"
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} to {self.end.isoformat()}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous_weeks(self, n: int) -> Period:
        """The n weeks that end the day before this period starts (the trend's baseline)."""
        return Period(self.start - timedelta(days=7 * n), self.start - timedelta(days=1))

    @property
    def weeks(self) -> int:
        """Seven-day weeks the period spans, a part week counted whole."""
        return -(-self.days // 7)

    @property
    def chart_weeks(self) -> int:
        """Weeks the charts show, ending at the period's end: the twelve-week trend window, or the whole period
        when it is longer (up to MAX_CHART_WEEKS), so a long span's charts are not its last twelve weeks alone."""
        return min(max(TREND_WEEKS, self.weeks), MAX_CHART_WEEKS)

    @property
    def baseline_weeks(self) -> int:
        """How many weeks before the period its trend compares with: the rest of the twelve-week trend window
        (eleven for a week), or eleven when the period is as long as the window or longer."""
        return TREND_WEEKS - self.weeks if self.weeks < TREND_WEEKS else TREND_WEEKS - 1


def iso_week(label: str) -> Period:
    """"2025-W35" -> Monday 2025-08-25 to Sunday 2025-08-31 (the notebook's explore calls read week= alike)."""
    return Period(*week_days(label))


def period_ending(as_of: date, *, cadence: str = "weekly") -> Period:
    """The cadence's span ending at (and including) `as_of`: seven days for weekly, the day itself for daily."""
    days = _SPAN_DAYS.get(cadence, 7)
    return Period(as_of - timedelta(days=days - 1), as_of)


def between(since: date, until: date) -> Period:
    if until < since:
        raise ConfigError(f"--until {until} is before --since {since}")
    return Period(since, until)


def week_starts(end: date, n: int) -> list[date]:
    """First days of the n seven-day weeks ending at `end`, oldest first (the trend's and charts' x axis)."""
    return [end - timedelta(days=7 * i + 6) for i in range(n - 1, -1, -1)]
