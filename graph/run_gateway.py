"""The one HTTP gateway a run's agents (and the CLI's tools) fetch through, under the watchlist's policy: its allowed
domains, request budget, rate limits, and SEC's identity when the run asks SEC anything."""

from __future__ import annotations

from urllib.parse import urlsplit

from watchdesk.graph.deps import AuditBuffer
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.bounded import MIB
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.gateway import SEC_DOMAIN, Gateway, GatewayConfig, domain_matches


def needs_sec(watchlist: Watchlist) -> bool:
    """Does a run of `watchlist` ask SEC anything: filings, a ticker to look up (no cik), or a feed or transcript
    address on sec.gov? A watchlist of transcript folders and news feeds with CIKs given needs no SEC identity."""
    hosts = [urlsplit(f.url).hostname or "" for f in watchlist.news.feeds if any("news" in t.sources
                                                                                for t in watchlist.tickers)]
    hosts += [urlsplit(src.url or "").hostname or "" for t in watchlist.tickers for src in t.transcripts]
    return (any("edgar" in t.sources or t.cik is None for t in watchlist.tickers)
            or any(h == "sec.gov" or h.endswith(".sec.gov") for h in hosts))


def gateway_for(
    settings: Settings, watchlist: Watchlist, audit: AuditBuffer, *, require_identity: bool = True
) -> Gateway:
    """The run's gateway. Runs check SEC's identity up front (before anything is written); tools that
    may not touch SEC pass require_identity=False and the gateway still refuses sec.gov without one."""
    if require_identity and settings.mode == "live" and not settings.sec_identity:
        raise ConfigError(
            "live mode needs SEC's required identity: set WATCHDESK_SEC_IDENTITY='Your Name you@example.com' "
            "(or run `watchdesk demo` to replay recorded data offline)"
        )
    config = GatewayConfig(
        mode=settings.mode,
        user_agent=settings.sec_identity,
        allowed_domains=watchlist.policy.allowed_domains,
        cache_dir=settings.cache_dir if settings.mode == "live" else None,
        replay_dir=settings.replay_dir,
        record_dir=settings.record_dir,
        max_requests=watchlist.policy.max_requests_per_run,
        rate_limits=rate_limits(watchlist),
        deadline_s=settings.http.deadline_s,
        max_bytes=int(settings.http.max_mb * MIB),
        max_retry_after_s=settings.http.max_retry_after_s,
    )
    return Gateway(config, audit=audit)


def rate_limits(watchlist: Watchlist) -> dict[str, float]:
    """SEC's 10 requests a second; one a second for each news feed host no other rule covers."""
    limits = {SEC_DOMAIN: 10.0}
    for feed in watchlist.news.feeds:
        host = (urlsplit(feed.url).hostname or "").lower()
        if host and not any(domain_matches(host, d) for d in limits):
            limits[host] = 1.0
    return limits
