"""News agent: read the watchlist's feeds, keep items credible enough and about a watched company, store
each once as a document of kind "news" (flagged later like any other document).

A feed that fails is a gap for that feed, and an item that meets a bug one for that item; the others are still
read. Items below the watchlist's minimum tier, items that name no watched company, and duplicates (same link, or
the same headline within a day, in this run or stored before, for the same company) are counted, never stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from watchdesk.agents.bugs import audit_bug
from watchdesk.sources.errors import WatchdeskError
from watchdesk.sources.news.feeds import NewsItem, discover_feeds, parse_feed
from watchdesk.sources.news.fetch import ConditionalFetcher, FeedState, fetch_feed
from watchdesk.sources.news.match import TickerTerms, match_tickers, topical_tags
from watchdesk.sources.news.tiers import Tier, at_least, names_outlets, tier_for
from watchdesk.sources.redact import is_credential_name, redact_text
from watchdesk.store.records import TAGGED_ONLY, DocumentRecord, GapRecord, ReadCutRecord, placed_by_run
from watchdesk.store.store import Store

AGENT = "news"
_TRACKING = re.compile(r"^(?:utm_\w+|source|ref|feed|cmpid|mod|ncid)$", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class FeedSpec:
    url: str
    name: str | None = None
    tier: Tier | None = None  # overrides the domain's tier for every item of this feed
    kind: str = "feed"  # "page": an HTML page whose <link rel="alternate"> names the feed(s)


@dataclass(frozen=True, kw_only=True)
class NewsRequest:
    tickers: tuple[TickerTerms, ...]
    ciks: Mapping[str, int]
    feeds: tuple[FeedSpec, ...]
    min_tier: Tier = "established"
    tiers: Mapping[str, Tier] = field(default_factory=dict)
    since: date | None = None  # items published before this are not used
    until: date | None = None  # the run's day: a replayed feed recorded before it cannot tell what came since


@dataclass(kw_only=True)
class NewsResult:
    feeds_read: int = 0
    not_modified: int = 0  # feeds that answered 304: nothing new since the last run
    items: int = 0
    below_tier: int = 0
    older: int = 0  # published before the run's window (`since`)
    unmatched: int = 0
    duplicates: int = 0
    new_doc_ids: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    replayed_on: list[date] = field(default_factory=list)  # each replayed feed's day: it knows nothing later


def collect(req: NewsRequest, *, fetcher: ConditionalFetcher, store: Store, run_id: str) -> NewsResult:
    """Read every feed in order; store what passes tier, ticker and duplicate checks."""
    result = NewsResult()
    seen: set[tuple[str, str]] = set()  # (symbol, link) stored in this run
    heads: dict[tuple[str, str], list[datetime]] = {}  # (symbol, headline) -> when, stored in this run
    if not req.feeds:
        _gap(store, run_id, target="news feeds", reason="the watchlist names no news feeds ([[news.feeds]])",
             result=result)
    for feed in req.feeds:
        validators: dict[str, FeedState] = {}
        try:
            items = _read(feed, req=req, fetcher=fetcher, store=store, run_id=run_id, result=result,
                          validators=validators)  # fmt: skip
        except WatchdeskError as exc:
            _gap(store, run_id, target=f"feed {feed.url}", reason=str(exc), result=result)
            continue
        except Exception as exc:  # a bug reading one feed: its gap, audited as a failure; the other feeds are read
            _bug(store, run_id, exc, action="feed", target=f"feed {feed.url}", doing=f" reading feed {feed.url}",
                 result=result)  # fmt: skip
            continue
        for item in items:
            try:
                _consider(item, feed=feed, req=req, store=store, run_id=run_id, seen=seen, heads=heads, result=result)
            except WatchdeskError:
                raise  # the store itself failed: no other item can be stored either
            except Exception as exc:  # a bug on one item: its gap; the others are stored
                day = item.published.date() if item.published else None  # the day it concerns, when it says
                _bug(store, run_id, exc, action="item", target=f"news item {item.link}",
                     doing=f" reading feed {item.feed_url}", result=result, days=(day, day))  # fmt: skip
                validators.pop(item.feed_url, None)  # its feed is read in full again next run, the item with it
        for url, state in validators.items():
            store.set_cursor(ticker="-", source=_feed_key(url, feed=feed, req=req), value=state.dumps())
    _replay_cut(req, store=store, run_id=run_id, result=result)
    return result


def _feed_key(url: str, *, feed: FeedSpec, req: NewsRequest) -> str:
    """The cursor a feed's ETag and Last-Modified are kept under: per feed and what a run keeps of it.

    The companies and their names, the minimum tier and the tiers set are part of it: a 304 says only that the feed
    is unchanged since the run that stored them read it, and a run that would keep other items of it (another
    watchlist on the same database, a company or alias added, a lower minimum tier) must read it in full once, not
    take the other run's 304 for "nothing new". A key in the feed's URL (?token=) is neither kept nor hashed: the
    rest of the key is in the database, so a hash of a short token would give it back (a review, session 27)."""
    keeps = {"url": redact_text(url), "names": sorted((t.symbol, sorted(t.names)) for t in req.tickers),
             "min_tier": req.min_tier, "tier": feed.tier, "tiers": sorted(req.tiers.items())}  # fmt: skip
    digest = hashlib.sha256(json.dumps(keeps, sort_keys=True).encode()).hexdigest()[:16]
    return f"feed:{redact_text(url)}#{digest}"


def _replay_cut(req: NewsRequest, *, store: Store, run_id: str, result: NewsResult) -> None:
    """A replayed feed holds nothing published after it was recorded: the days since are stored as not read (a
    read cut, no gap), so a briefing of a later week says whether anything was published is not known, instead of
    "Nothing was published in it" (a walkthrough, session 27: the demo's March feeds briefing July)."""
    until = req.until
    if not result.replayed_on or until is None or (day := min(result.replayed_on)) >= until:
        return
    first, last = max(day + timedelta(days=1), req.since or date.min), max(result.replayed_on)
    when = f"on {day.isoformat()}" if day == last else f"from {day.isoformat()} to {last.isoformat()}"
    reason = f"replayed feeds recorded {when}, which hold no item published after their recording"
    now = datetime.now(UTC)
    for terms in req.tickers:
        cut = ReadCutRecord(run_id=run_id, agent=AGENT, ticker=terms.symbol, unread_from=first, unread_to=until,
                            reason=reason, created_at=now)  # fmt: skip
        store.replace_read_cuts(run_id=run_id, agent=AGENT, ticker=terms.symbol, cuts=[cut])


def _read(
    feed: FeedSpec,
    *,
    req: NewsRequest,
    fetcher: ConditionalFetcher,
    store: Store,
    run_id: str,
    result: NewsResult,
    validators: dict[str, FeedState],
) -> list[NewsItem]:
    """The items of a feed (or of those a page names); each feed's new validators go into `validators`, kept once
    its items are stored, so a feed whose items could not all be read answers in full next time, not 304."""
    urls = [feed.url]
    if feed.kind == "page":
        page = fetcher.get(feed.url, agent=AGENT, run_id=run_id, cache=False)
        urls = discover_feeds(page.body, base_url=feed.url)
        if not urls:
            raise WatchdeskError(f"{feed.url} announces no RSS or Atom feed (<link rel=\"alternate\">)")
    items: list[NewsItem] = []
    for url in urls:
        state = FeedState.loads(store.get_cursor(ticker="-", source=_feed_key(url, feed=feed, req=req)))
        answer = fetch_feed(fetcher, url, state=state, agent=AGENT, run_id=run_id)
        result.feeds_read += 1
        if answer.body is None:
            result.not_modified += 1
            continue
        parsed = parse_feed(answer.body, feed_url=url)
        items += parsed
        if answer.replayed:  # recorded without its Date: its newest item's day is the last it can know
            day = answer.replayed_on or max((i.published.date() for i in parsed if i.published), default=None)
            if day is not None:
                result.replayed_on.append(day)
        if answer.state != state:
            validators[url] = answer.state
    return items


def _consider(
    item: NewsItem, *, feed: FeedSpec, req: NewsRequest, store: Store, run_id: str, seen: set[tuple[str, str]],
    heads: dict[tuple[str, str], list[datetime]], result: NewsResult,
) -> None:
    result.items += 1
    if req.since and item.published and item.published.date() < req.since:
        result.older += 1
        return
    tier = feed.tier or tier_for(_outlet(item, feed)[0] or feed.url, overrides=req.tiers)
    if not at_least(tier, req.min_tier):
        result.below_tier += 1
        return
    # Categories are read as text too: an outlet's own tag ("NVIDIA Corporation") names the company; not those of an
    # item tagged with a whole list of symbols (a fund's holdings), which must name the company in its own words
    tags = topical_tags(item.categories)
    text = "\n".join((item.title, item.summary, *tags))
    symbols = match_tickers(text, req.tickers, categories=item.categories)
    # the companies the headline or summary name themselves: another is named only by the outlet's tags ("NVIDIA
    # Corporation" as a keyword of a market story), which the briefing says beside the item
    in_words = set(match_tickers("\n".join((item.title, item.summary)), req.tickers))
    if not symbols:
        result.unmatched += 1
        return
    link = canonical_url(item.link)
    head = headline_key(item.title, outlet=_outlet(item, feed)[1])
    when = item.published or datetime.now(UTC)
    # a duplicate per company: an item stored for one is still new for another it names
    stored = _stored_before(store, symbols=symbols, link=link, head=head, when=when)
    new = [s for s in symbols if (s, link) not in seen and not _same_day(heads.get((s, head), []), when)
           and s not in stored]  # fmt: skip
    if not new:
        result.duplicates += 1
        return
    for symbol in new:
        seen.add((symbol, link))
        heads.setdefault((symbol, head), []).append(when)
        record = _record(item, symbol=symbol, link=link, tier=tier, feed=feed, req=req, run_id=run_id, when=when,
                         tagged_only=symbol not in in_words)
        result.new_doc_ids.append(store.save_document(record))


_PATH_PARAM = re.compile(r";([^;/=]*)=[^;/]*")


def _outlet(item: NewsItem, feed: FeedSpec) -> tuple[str | None, str | None]:
    """The (address, name) of the outlet an aggregator's item names; (None, None) from any other feed."""
    return (item.source_url, item.source_name) if names_outlets(feed.url) else (None, None)


def canonical_url(url: str) -> str:
    """The link without tracking parameters or fragment: the same article from two feeds is one URL.

    A private feed's item links can carry the reader's credential (`?token=`, `user:pass@`): those are dropped too,
    since the link is stored, shown in the briefing and mailed to its recipients.
    """
    parts = urlsplit(url.strip())
    # each parameter with the separator before it ("&", ";" or a second "?"): a credential goes whole, wherever it
    # stands; any other keeps its bytes (a ";" inside a value stays a ";")
    fields = re.split(r"(?=[;?&])", parts.query)
    query = "".join(f for f in fields if not is_credential_name(f.lstrip(";?&").split("=", 1)[0]))
    kept = [(k, v) for k, v in parse_qsl(query.lstrip(";?&"), keep_blank_values=True) if not _TRACKING.match(k)]
    host = parts.netloc.rpartition("@")[2].lower()
    # a session or token written as a path parameter ("/a/1;jsessionid=...") goes as a query one does
    path = _PATH_PARAM.sub(lambda m: "" if is_credential_name(m[1]) else m[0], parts.path)
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(kept), ""))


def headline_key(title: str, *, outlet: str | None = None) -> str:
    """A headline as compared across feeds, in any script: case and punctuation aside, and the " - Reuters" an
    aggregator adds when `outlet` names it (only then: a headline's own words may follow a dash)."""
    if outlet and outlet.strip():
        title = re.sub(rf"\s+[-–—|]\s+{re.escape(outlet.strip())}\s*$", "", title, flags=re.IGNORECASE)
    return " ".join(re.split(r"[\W_]+", title.casefold())).strip()


def _same_day(times: Sequence[datetime], when: datetime) -> bool:
    return any(abs(t - when) <= timedelta(days=1) for t in times)


def _stored_before(store: Store, *, symbols: Sequence[str], link: str, head: str, when: datetime) -> set[str]:
    """Those of `symbols` an earlier run stored the item for: the same link, or the same headline within a day."""
    rows = store.query(
        "SELECT ticker, source_url, title, provider FROM documents WHERE source = 'news' AND list_contains(?, ticker) "
        "AND (source_url = ? OR coalesce(filed_at, CAST(fetched_at AS DATE)) BETWEEN ? AND ?)",
        [list(symbols), link, (when - timedelta(days=1)).date(), (when + timedelta(days=1)).date()],
    )
    return {t for t, url, title, provider in rows if url == link or _stored_key(title, url, provider) == head}


def _stored_key(title: str | None, link: str | None, provider: str | None) -> str:
    """A stored item's headline key: an aggregator's item (its link is the aggregator's) was stored with its outlet
    as provider."""
    return headline_key(title or "", outlet=provider if link and names_outlets(link) else None)


_AHEAD = timedelta(days=1)  # a feed's clock (or time zone) may run a little ahead; more is a wrong date


def _record(
    item: NewsItem, *, symbol: str, link: str, tier: Tier, feed: FeedSpec, req: NewsRequest, run_id: str,
    when: datetime, tagged_only: bool = False,
) -> DocumentRecord:
    outlet = _outlet(item, feed)[1] or feed.name or urlsplit(feed.url).hostname or feed.url
    text = item.title if not item.summary else f"{item.title}\n\n{item.summary}"
    now = datetime.now(UTC)
    # an item with no date, or one dated days ahead, is placed by the day it was first stored (the run's as-of day
    # in an --as-of run), and said so: the run's own day passed for its publication date
    filed_at = item.published.date() if item.published and item.published <= now + _AHEAD else None
    return DocumentRecord(
        url=f"{link}#{symbol}",  # one document per company the item is about
        source="news",
        text=text,
        fetched_at=now,
        first_stored_at=placed_by_run(filed_at=filed_at, fetched_at=now, as_of=req.until),
        ticker=symbol,
        cik=req.ciks.get(symbol),
        form="news",
        doc_type=TAGGED_ONLY if tagged_only else "news",
        title=item.title,
        filed_at=filed_at,
        run_id=run_id,
        source_url=link,
        provider=outlet,
        tier=tier,
    )


def _bug(store: Store, run_id: str, exc: Exception, *, action: str, target: str, doing: str, result: NewsResult,
         days: tuple[date | None, date | None] = (None, None)) -> None:  # fmt: skip
    """A feed or an item that met a bug: its gap, audited as a failure, so the run is partial."""
    reason = audit_bug(store, exc, agent=AGENT, action=action, run_id=run_id, target=target, doing=doing)
    _gap(store, run_id, target=target, reason=reason, result=result, days=days)


def _gap(store: Store, run_id: str, *, target: str, reason: str, result: NewsResult,
         days: tuple[date | None, date | None] = (None, None)) -> None:  # fmt: skip
    """A gap of the news step stored; `days`: the days it leaves unread (an item: its publication day), None if
    unknown (a feed: the step's window, as the briefing reads it)."""
    # a feed URL may carry a key (?apikey=): redacted in the gap as everywhere else it is shown or kept
    target, reason = redact_text(target), redact_text(reason)
    store.record_gap(GapRecord(run_id=run_id, agent=AGENT, target=target, reason=reason, created_at=datetime.now(UTC),
                               unread_from=days[0], unread_to=days[1]))  # fmt: skip
    result.gaps.append(f"{target}: {reason}")
