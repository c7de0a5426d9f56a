"""The briefing's news part: items the news agent stored for the period, with their outlet, credibility
tier and what flagging found in them. Gathering reads the store; rendering is pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, cast

from watchdesk.store import queries
from watchdesk.store.records import TAGGED_ONLY
from watchdesk.store.store import Store

if TYPE_CHECKING:
    from watchdesk.agents.briefing.agent import BriefingRequest
    from watchdesk.agents.briefing.render import RenderContext, Section

TIER_LABELS = {"primary": "primary source", "established": "established outlet", "other": "other source"}
MAX_PER_TICKER = 8


@dataclass(frozen=True, slots=True, kw_only=True)
class NewsEntry:
    doc_id: str
    ticker: str
    title: str
    url: str
    outlet: str
    tier: str
    published: date | None
    flags: tuple[str, ...] = ()  # "geopolitical negative", one per finding
    tagged_only: bool = False  # the headline and summary do not name the company; the outlet's tags do


def gather_news(
    store: Store, *, tickers: Sequence[str], start: date, end: date, days: str | None = None
) -> list[NewsEntry]:
    """News documents published in the period (undated ones by the day first stored), most credible and newest
    first. The period's documents are CURRENT_IN_PERIOD's `pd`: their days read once (IN_PERIOD read them again)."""
    rows = store.query(
        f"""
        WITH {queries.current_in_period(days)}
        SELECT d.doc_id, d.ticker, d.title, coalesce(d.source_url, d.url) AS link, coalesce(d.provider, '') AS outlet,
               coalesce(d.tier, 'other') AS tier, d.filed_at, coalesce(d.doc_type, '') AS kind,
               list(f.topic || ' ' || f.polarity ORDER BY f.start) FILTER (f.topic IS NOT NULL) AS flags,
               CASE coalesce(d.tier, 'other') WHEN 'primary' THEN 0 WHEN 'established' THEN 1 ELSE 2 END AS rank
        FROM documents d LEFT JOIN current_findings f USING (doc_id)
        WHERE d.source = 'news' AND list_contains(?, d.ticker) AND d.doc_id IN (SELECT doc_id FROM pd)
        GROUP BY ALL
        ORDER BY d.ticker, rank, d.filed_at DESC, d.doc_id
        """,
        [*queries.period_params(start, end), list(tickers)],
    )
    return [
        NewsEntry(doc_id=r[0], ticker=r[1], title=r[2] or "", url=r[3], outlet=r[4], tier=r[5], published=r[6],
                  flags=tuple(r[8] or ()), tagged_only=r[7] == TAGGED_ONLY)
        for r in rows
    ]


def render_news(entries: Sequence[NewsEntry], *, tickers: Sequence[str]) -> str:
    """The News body: per ticker, each item with its date, outlet, tier and flags; a line when there is none."""
    from watchdesk.agents.briefing.render import URL, escape_markdown  # the briefing's one escaping rule

    lines = ["Items from the watchlist's feeds that name the company, with the outlet and its "
             "credibility tier (primary: regulators and the company's own releases; established outlets; other). "
             "An item whose headline and summary do not name it, kept because the outlet tagged it with the company, "
             "is marked so: what it says may not be about the company. "
             "Each is dated by the day its feed gives, in the feed's own time zone, as the outlet's page dates it. "
             "Listed most credible first, and newest first within a tier."]
    for ticker in tickers:
        mine = [e for e in entries if e.ticker == ticker]
        lines += ["", f"### {ticker}", ""]
        if not mine:
            lines.append("No news item in the period's feeds names this company.")
            continue
        for e in _shown(mine):
            when = e.published.isoformat() if e.published else "undated"
            flags = f" · flagged: {', '.join(sorted(set(e.flags)))}" if e.flags else ""
            flags += " · named only in the outlet's tags" if e.tagged_only else ""
            # a feed's link is fetched text: only a plain http(s) address becomes a link, anything else is shown
            # escaped ("x> **URGENT** [verify](http://evil.test)" injected markup and a phishing link)
            link = f"<{e.url}>" if URL.match(e.url or "") else escape_markdown(e.url or "no link")
            lines.append(f"- {when} · **{escape_markdown(e.outlet)}** ({TIER_LABELS.get(e.tier, e.tier)}) · "
                         f"{escape_markdown(e.title)} {link}{flags}")
        if (hidden := len(mine) - len(_shown(mine))) > 0:
            lines.append(f"- … and {hidden} more, none flagged (all are in the documents table, source 'news').")
    return "\n".join(lines)


def _shown(mine: Sequence[NewsEntry]) -> list[NewsEntry]:
    """Every flagged item, then unflagged ones up to MAX_PER_TICKER in all, in the gathered order: the cap never
    hides an item flagging found something in."""
    room = max(0, MAX_PER_TICKER - sum(1 for e in mine if e.flags))
    shown: list[NewsEntry] = []
    for e in mine:
        if e.flags:
            shown.append(e)
        elif room > 0:
            shown.append(e)
            room -= 1
    return shown


def gather(store: Store, req: BriefingRequest, days: str | None = None) -> list[NewsEntry]:
    """The news part's data for the briefing's period."""
    return gather_news(store, tickers=req.tickers, start=req.period.start, end=req.period.end, days=days)


def news_part(ctx: RenderContext) -> Section | None:
    """The News section, when the watchlist reads news and the period has any item."""
    from watchdesk.agents.briefing.render import Section

    entries = cast("list[NewsEntry]", ctx.data.extras.get("news") or [])
    if not entries:
        return None
    body = render_news(entries, tickers=ctx.data.tickers)
    return Section(key="news", title="News", body=body)
