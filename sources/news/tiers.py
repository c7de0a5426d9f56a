"""Credibility tiers of news sources: primary (regulators, the company's own releases), established
outlets, other. Shipped defaults by domain; a watchlist overrides per domain or per feed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal
from urllib.parse import urlsplit

from watchdesk.sources.ratelimit import domain_matches

Tier = Literal["primary", "established", "other"]
TIERS: tuple[Tier, ...] = ("primary", "established", "other")  # most credible first

DEFAULT_TIERS: dict[str, Tier] = {
    # regulators and governments
    "sec.gov": "primary", "federalreserve.gov": "primary", "bis.doc.gov": "primary", "commerce.gov": "primary",
    "ustr.gov": "primary", "ftc.gov": "primary", "justice.gov": "primary", "ec.europa.eu": "primary",
    # the watchlist companies' own newsrooms and the wires companies publish releases on
    "nvidianews.nvidia.com": "primary", "investor.nvidia.com": "primary", "pr.tsmc.com": "primary",
    "investor.tsmc.com": "primary", "tsmc.com": "primary", "asml.com": "primary",
    "businesswire.com": "primary", "prnewswire.com": "primary", "globenewswire.com": "primary",
    # established outlets
    "reuters.com": "established", "bloomberg.com": "established", "wsj.com": "established", "ft.com": "established",
    "nytimes.com": "established", "cnbc.com": "established", "apnews.com": "established",
    "money.cnn.com": "established", "cnn.com": "established", "economist.com": "established",
    "barrons.com": "established", "marketwatch.com": "established", "asia.nikkei.com": "established",
    "nikkei.com": "established", "bbc.co.uk": "established", "bbc.com": "established",
    "theguardian.com": "established", "digitimes.com": "established", "focustaiwan.tw": "established",
}  # fmt: skip


# Feeds that carry other outlets' stories and name each one (Google News' <source>): only theirs is believed. Any
# other feed naming an outlet on its items would raise its own tier by saying so ("<source url=sec.gov>").
AGGREGATORS = ("news.google.com",)


def names_outlets(feed_url: str) -> bool:
    """Whether the feed at `feed_url` is an aggregator whose items' named outlet is read as their source."""
    host = (urlsplit(feed_url).hostname or "").lower()
    return any(domain_matches(host, d) for d in AGGREGATORS)


def tier_for(url: str, *, overrides: Mapping[str, Tier] | None = None) -> Tier:
    """The tier of the host serving `url`: the watchlist's overrides first, then the shipped table."""
    host = (urlsplit(url).hostname or "").lower()
    for table in (overrides or {}, DEFAULT_TIERS):
        matches = [d for d in table if domain_matches(host, d)]
        if matches:
            return table[max(matches, key=len)]  # the most specific rule wins
    return "other"


def at_least(tier: Tier, minimum: Tier) -> bool:
    """Whether `tier` is as credible as `minimum` or more."""
    return TIERS.index(tier) <= TIERS.index(minimum)
