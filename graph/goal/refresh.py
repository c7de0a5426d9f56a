"""SEC's ticker map for the goal parser: the shipped snapshot, or a fresher copy fetched from SEC and kept in the
cache folder (`watchdesk plan --refresh-tickers`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from watchdesk.graph.goal.names import (
    SNAPSHOT,
    CompanyIndex,
    load_aliases,
    parse_snapshot,
    shipped_index,
    snapshot_bytes,
    ticker_changes,
)
from watchdesk.graph.settings import Settings


def cached_snapshot(settings: Settings) -> Path | None:
    return settings.cache_dir / SNAPSHOT if settings.cache_dir else None


def index_for(settings: Settings) -> CompanyIndex:
    """The refreshed map when one was fetched before, else the snapshot shipped in the package."""
    path = cached_snapshot(settings)
    if path is None or not path.is_file():
        return shipped_index()
    index = CompanyIndex.build(parse_snapshot(path.read_bytes()), aliases=load_aliases(), changes=ticker_changes())
    index.origin = f"SEC's ticker map refreshed into {path}"
    return index


def refresh(settings: Settings, *, replay: Path | None) -> CompanyIndex:
    """Fetch SEC's company_tickers.json through the gateway (live needs WATCHDESK_SEC_IDENTITY) and keep it."""
    from watchdesk.graph.cli_edgar_remote import sec_gateway
    from watchdesk.sources import edgar

    with sec_gateway(settings, replay) as gateway:
        refs = list(edgar.fetch_ticker_map(gateway, agent="planner").values())
    path = cached_snapshot(settings)
    stamp = datetime.now(UTC).date().isoformat()
    # from a replay pack the map is as old as the recording, not today's: say where it came from
    how = f"read {stamp} from the replay pack {replay}" if replay is not None else f"fetched {stamp}"
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(snapshot_bytes(refs, source=f"SEC company_tickers.json {how}"))
    index = CompanyIndex.build(refs, aliases=load_aliases(), changes=ticker_changes())
    index.origin = f"SEC's ticker map {how} ({len(index.rank):,} companies)"
    return index
