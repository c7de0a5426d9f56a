"""What an analyst's filter names, read one way for `watchdesk findings`/`changes` and the notebook's explore calls: a
ticker or topic the store does not hold is refused with its close matches, not answered with an empty table; a
polarity may be said in a briefing's words ("warning", "good news"), a kind of document as the command takes it, a week
as --week reads it. Light (no DuckDB) until a store is read: the briefing's periods read weeks here."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from watchdesk.sources.errors import ConfigError, did_you_mean
from watchdesk.sources.redact import printable
from watchdesk.store.topic_names import close_topics, topic_given

POLARITIES = {"negative": "negative", "warning": "negative", "warnings": "negative", "neutral": "neutral",
              "positive": "positive", "good news": "positive"}  # fmt: skip
KINDS = {"filing": "filing", "filings": "filing", "call": "call", "calls": "call", "news": "news"}
DEFAULT_TOPICS = {"inventory", "supply_chain", "geopolitical"}
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


def week_days(label: str, *, named: str = "--week") -> tuple[date, date]:
    """"2025-W35" -> Monday 2025-08-25 and Sunday 2025-08-31 (`named`: what a refusal calls the value)."""
    m = _WEEK.match(label.strip())
    if not m:
        raise ConfigError(f"{named} {label!r} is not an ISO week like 2025-W35 (or 2025W35, 2025-w35)")
    try:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        year = int(m[1])
        if not date.min.year <= year <= date.max.year:  # \d{4}: year 0 alone
            raise ConfigError(f"{named} {label!r}: there is no year {year}; give a year from 0001 to 9999") from None
        last = date(year, 12, 28).isocalendar().week  # the week of 28 December is a year's last
        raise ConfigError(f"{named} {label!r}: {year} has weeks W01 to W{last}") from None
    if monday > date.max - timedelta(days=6):
        raise ConfigError(f"{named} {label!r}: its Sunday is past {date.max}")
    return monday, monday + timedelta(days=6)


def in_week(
    week: str | None, start: date | None, end: date | None, as_briefed: bool
) -> tuple[date | None, date | None, bool]:
    """An explore call's period: `week` as `--week` reads it, the week's briefing's findings (as_briefed), or the
    start and end given."""
    if week is None:
        return start, end, as_briefed
    if start is not None or end is not None:
        raise ConfigError("give week or start/end, not both")
    return (*week_days(week, named="week"), True)


def polarity_given(text: str) -> str:
    """negative, neutral or positive, from those or a briefing's words: "warning" is negative, "good news" positive."""
    said = " ".join(text.split()).lower()
    if said in POLARITIES:
        return POLARITIES[said]
    close = difflib.get_close_matches(said, list(POLARITIES), n=1, cutoff=0.6)
    named = close and (close[0] if close[0] == POLARITIES[close[0]] else f"{close[0]} ({POLARITIES[close[0]]})")
    raise ConfigError(f"{printable(text)!r} is not a polarity: give negative (a warning), neutral or positive "
                      f"(good news){did_you_mean([named] if named else [])}")  # fmt: skip


def kind_given(text: str) -> str:
    """filing, call or news, as `watchdesk findings [filing|call|news]` reads it ("calls" is call)."""
    kind = KINDS.get(text.strip().lower())
    if kind is None:
        raise ConfigError(f"{printable(text)!r} is not a kind of document: give filing, call or news (or none for all)")
    return kind


def limit_given(limit: int | None) -> int | None:
    if limit is not None and limit < 1:
        raise ConfigError(f"limit {limit}: give 1 or more rows (or no limit for all)")
    return limit


def checked(
    db: Path | str,
    ticker: str | Sequence[str] | None,
    topic: str | Sequence[str] | None,
    *,
    polarity: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> tuple[str | None, str | None, int | None]:
    """An explore call's filters checked against the store at `db` (see check_held); polarity, kind and limit as
    stored and queried."""
    from watchdesk.store.queries import _tickers, _topics  # DuckDB, which week_days's readers need not load

    tickers = [] if ticker is None else _tickers(ticker)
    check_held(db, tickers=tickers, topics=[] if topic is None else [topic_given(t) for t in _topics(topic)])
    said = None if polarity is None else polarity_given(polarity)
    return said, None if kind is None else kind_given(kind), limit_given(limit)


def check_held(db: Path | str, *, tickers: Sequence[str], topics: Sequence[str]) -> None:
    """Refuse a ticker or topic (as stored: upper-case ticker, "supply_chain") that the store at `db` holds nothing
    of, naming the close ones ("holds no ticker 'NVIDIA'; did you mean NVDA?"). A watched company with nothing
    stored yet is held: its answer is "no findings", not an error."""
    if not tickers and not topics:  # each DISTINCT reads a whole table: only when there is a name to check
        return
    from watchdesk.store import reader
    from watchdesk.store.same_company import planned

    with reader.reading(db) as con:
        known_tickers = {t for (t,) in con.execute("SELECT DISTINCT ticker FROM findings").fetchall() if t}
        known_tickers |= {t for (t,) in con.execute("SELECT DISTINCT ticker FROM documents").fetchall() if t}
        known_tickers |= {t for (t,) in con.execute("SELECT DISTINCT ticker FROM companies").fetchall() if t}
        # a company's second ticker (GOOGL beside GOOG) is named by its runs' plans alone: the companies table keeps one
        known_tickers |= {t for (plan,) in con.execute("SELECT plan FROM runs WHERE plan IS NOT NULL").fetchall()
                          for t, _ in planned(plan)}  # fmt: skip
        known_topics = {t for (t,) in con.execute("SELECT DISTINCT topic FROM findings").fetchall() if t}
    _known("ticker", tickers, known_tickers, db)
    _known("topic", topics, known_topics | DEFAULT_TOPICS, db)


def _known(what: str, given: Sequence[str], known: set[str], db: Path | str) -> None:
    for value in given:
        if value in known:
            continue
        close = (close_topics(value, sorted(known)) if what == "topic"
                 else difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6))  # fmt: skip
        hint = did_you_mean(close) or f"; it holds {_some(sorted(known), what)}"
        if not known:  # "it holds none" read as a broken store (a new user's walkthrough): it is one no run filled yet
            hint = f": no run has planned or stored any {what} in it yet"
        raise ConfigError(f"{db} holds no {what} {printable(value)!r}{hint}")


_SHOWN = 12  # a store of hundreds of tickers names a dozen, not a screenful


def _some(known: Sequence[str], what: str) -> str:
    """The names a store holds, as a refusal says them: all of a few; of many, the first dozen and how many more."""
    if len(known) <= _SHOWN:
        return ", ".join(known) or "none"
    return f"{', '.join(known[:_SHOWN])} and {len(known) - _SHOWN} more {what}s"
