"""Feed bytes -> news items, and feed discovery from an HTML page (pure functions; feedparser parses).

feedparser is handed a stream of bytes, never a URL or a file name, so it cannot fetch or open anything itself:
every request goes through the gateway (feed_of).
"""

from __future__ import annotations

import calendar
import email.utils
import html
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from watchdesk.sources.errors import ParsingError

_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json",
                         "application/rdf+xml", "application/xml", "text/xml"})
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class NewsItem:
    """One feed entry: headline, link, publication time, summary text, categories and where it came from."""

    title: str
    link: str
    published: datetime | None
    summary: str
    categories: tuple[str, ...]
    feed_url: str
    source_url: str | None = None  # an aggregator's entry names the outlet it carries (Google News <source>)
    source_name: str | None = None


def feed_of(body: bytes) -> Any:
    """feedparser's reading of a fetched `body`, handed to it as a stream: given bytes or a str, feedparser first
    opens them as a file name when there is such a file, so a feed that answered "/home/me/.config/watchdesk/env" or
    "/dev/zero" was read from this machine (its entries stored and briefed; /dev/zero until memory ran out)."""
    import feedparser  # imported when a feed is read: a briefing imports this module, not feedparser's 0.3 s

    return feedparser.parse(io.BytesIO(body))


def parse_feed(body: bytes, *, feed_url: str) -> list[NewsItem]:
    """The entries of an RSS or Atom document; ParsingError when it is neither."""
    parsed = feed_of(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise ParsingError(f"{feed_url}: not an RSS or Atom feed ({reason})")
    return [item for entry in parsed.entries if (item := _item(entry, feed_url=feed_url)) is not None]


def _item(entry: Any, *, feed_url: str) -> NewsItem | None:
    link = (entry.get("link") or "").strip()
    title = _plain(entry.get("title", ""))
    if not link or not title:
        return None
    source = entry.get("source") or {}
    return NewsItem(
        title=title,
        link=urljoin(feed_url, link),
        published=_when(entry),
        summary=_plain(entry.get("summary", "")),
        categories=tuple(str(t.get("term")).strip() for t in entry.get("tags", []) if t.get("term")),
        feed_url=feed_url,
        source_url=source.get("href"),
        source_name=source.get("title"),
    )


def _when(entry: Any) -> datetime | None:
    """When the entry was published, in the feed's own time zone where it gives one: its day is the one the outlet's
    page shows (Seeking Alpha's "Tue, 03 Mar 2026 20:04:12 -0500" is March 3, not UTC's March 4); else in UTC."""
    key = "published" if entry.get("published_parsed") else "updated"
    stamp = entry.get(f"{key}_parsed")
    if not stamp:
        return None
    utc = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC)
    own = _zoned(str(entry.get(key) or ""))
    # feedparser reads more date styles than the standard library: its instant stands, the feed's zone only moves it
    return utc.astimezone(own.tzinfo) if own is not None and own == utc else utc


def _zoned(text: str) -> datetime | None:
    """An RFC 822 (RSS) or RFC 3339 (Atom) time with its offset; None without one ("-0000": zone not known)."""
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            when = datetime.fromisoformat(text.strip())
        except ValueError:
            return None
    return when if when.tzinfo is not None else None


def _plain(text: str) -> str:
    """Summaries carry HTML; the stored text is what a reader sees."""
    return " ".join(html.unescape(_TAGS.sub(" ", text)).split())


def discover_feeds(page: bytes, *, base_url: str) -> list[str]:
    """Feed URLs an HTML page announces with <link rel="alternate" type="application/rss+xml" href=...>."""
    import lxml.etree
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError) as err:
        raise ParsingError(f"{base_url}: not an HTML page ({err})") from err
    found = []
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES and link.get("href"):
            found.append(urljoin(base_url, link.get("href").strip()))
    return list(dict.fromkeys(found))
