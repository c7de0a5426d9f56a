"""Where transcripts come from: a local folder, transcript pages, RSS/Atom feeds, keyed APIs.

Each function returns the raw candidates (bytes plus what is known about them); parsing them is the
pure job of `sources.transcripts`. Network reads go through the gateway (a Fetcher).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from watchdesk.sources.errors import ConfigError, ParsingError, UnavailableError, WatchdeskError
from watchdesk.sources.models import Fetcher
from watchdesk.sources.news.feeds import feed_of
from watchdesk.sources.redact import redact_echoed
from watchdesk.sources.transcripts.detect import Format

FMP_URL = "https://financialmodelingprep.com/api/v3/earning_call_transcript/{ticker}?apikey={key}"
_SUFFIXES: dict[str, Format] = {".html": "html", ".htm": "html", ".txt": "text", ".json": "json", ".pdf": "pdf"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One document that may be an earnings call, before parsing."""

    origin: str  # URL or file path: where a reader can find it
    provider: str
    body: bytes
    format: Format = "auto"
    title: str | None = None


def from_folder(path: Path) -> list[Candidate]:
    """Every transcript-looking file in a folder the user drops calls into (newest name last)."""
    folder = path.expanduser()
    if folder.exists() and not folder.is_dir():
        raise UnavailableError(f"{folder} is a file, not a folder of transcripts")
    if not folder.is_dir():
        raise UnavailableError(f"transcript folder {folder} does not exist")
    files = [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in _SUFFIXES]
    return [Candidate(str(p), "folder", p.read_bytes(), _SUFFIXES[p.suffix.lower()]) for p in files]


def from_url(fetcher: Fetcher, url: str, *, agent: str, run_id: str | None) -> list[Candidate]:
    # never cached: a page that says "the transcript will be posted here" holds the call next week
    result = fetcher.get(url, agent=agent, run_id=run_id, cache=False)
    return [Candidate(url, "url", result.body)]


def feed_entries(data: bytes, *, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(title, link) of feed entries whose title matches: pure, so it is tested on real feeds."""
    parsed = feed_of(data)
    if parsed.bozo and not parsed.entries:
        raise ParsingError(f"not an RSS/Atom feed: {parsed.bozo_exception}")
    return [(e.get("title", ""), e.get("link", "")) for e in parsed.entries if pattern.search(e.get("title", ""))]


def from_feed(
    fetcher: Fetcher,
    url: str,
    *,
    pattern: re.Pattern[str],
    agent: str,
    run_id: str | None,
    limit: int = 4,
    skipped: list[str] | None = None,
) -> list[Candidate]:
    """Call pages a feed announces: the newest `limit` entries whose title matches.

    An entry whose page cannot be had (a link outside the allow-list, a 404) is skipped and noted in
    `skipped`: one bad link does not cost the feed's other entries.
    """
    feed = fetcher.get(url, agent=agent, run_id=run_id, cache=False)
    out = []
    for title, link in feed_entries(feed.body, pattern=pattern)[:limit]:
        if not link:
            continue
        try:
            page = fetcher.get(link, agent=agent, run_id=run_id, cache=False)
        except WatchdeskError as exc:
            if skipped is not None:
                skipped.append(f"feed entry {link} skipped: {exc}")
            continue
        out.append(Candidate(link, "feed", page.body, "html", title))
    return out


def default_pattern(ticker: str, aliases: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in (ticker, *aliases))
    return re.compile(rf"\b({names})\b.*\b(earnings|conference)?\s*call\b", re.IGNORECASE)


def from_fmp(fetcher: Fetcher, *, ticker: str, api_key: str | None, agent: str, run_id: str | None) -> list[Candidate]:
    """Financial Modeling Prep's transcript API; enabled only when the user has a key."""
    if not api_key:
        raise ConfigError("fmp transcripts need a key: set WATCHDESK_FMP_API_KEY")
    url = FMP_URL.format(ticker=quote(ticker), key=quote(api_key))
    result = fetcher.get(url, agent=agent, run_id=run_id, cache=False)
    try:
        items = json.loads(result.body)
    except ValueError as exc:
        raise ParsingError(f"fmp answered with something that is not JSON: {exc}") from None
    if isinstance(items, dict):  # FMP reports errors (bad key, plan limits) as an object, which may quote the key
        said = str(items.get("Error Message") or items)
        raise ParsingError(f"fmp: {redact_echoed(said, url=url, secrets=(api_key,))}")
    return [
        Candidate(
            f"fmp:{ticker}:{it.get('year')}-Q{it.get('quarter')}", "fmp", str(it.get("content", "")).encode(), "text"
        )
        for it in items
    ]
