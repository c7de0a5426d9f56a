"""`watchdesk transcript fetch`: walk a ticker's transcript chain (live or replayed), print the calls."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from watchdesk.graph.cli_input import GivenPath, replay_option, ticker_given
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import ConfigError, unexpected

if TYPE_CHECKING:
    from watchdesk.graph.watchlist import Policy, Ticker


@click.command("fetch")
@click.argument("ticker")
@click.option(
    "--watchlist",
    "watchlist_path",
    type=GivenPath(dir_okay=False, path_type=Path),
    help="Take the ticker's chain ([[tickers.transcripts]]) and allowed domains from this watchlist.",
)
@click.option("--folder", multiple=True, metavar="DIR",
              help="A folder of transcript files (repeatable; tried in order).")
@click.option("--url", multiple=True, metavar="URL", help="A transcript page URL (repeatable).")
@click.option("--feed", multiple=True, metavar="URL", help="An RSS/Atom feed announcing call pages (repeatable).")
@replay_option
@click.pass_context
def fetch(
    ctx: click.Context,
    ticker: str,
    watchlist_path: Path | None,
    folder: tuple[str, ...],
    url: tuple[str, ...],
    feed: tuple[str, ...],
    replay: Path | None,
) -> None:
    """Find a ticker's earnings calls through its source chain; one JSON transcript per line.

    Sources are tried in order (folders, then URLs, then feeds, or the watchlist's chain) until one
    yields a call; what failed is said on stderr. Nothing is stored: `watchdesk run` does that.

    \b
    Example:
      watchdesk transcript fetch NVDA --folder ~/calls/nvda --url https://example.com/nvda-q3-call.html
    """
    from watchdesk.agents import transcripts
    from watchdesk.graph.deps import AuditBuffer
    from watchdesk.graph.goal.names import clearly_named
    from watchdesk.graph.run_gateway import gateway_for
    from watchdesk.graph.watchlist import Watchlist
    from watchdesk.sources.models import CompanyRef
    from watchdesk.sources.redact import redact_text

    settings: Settings = ctx.obj
    ticker = ticker_given(ticker)
    if replay is not None:
        settings = settings.with_(mode="replay", replay_dir=replay)
    entry, policy = _chain(ticker, watchlist_path, folder=folder, url=url, feed=feed)
    req = transcripts.TranscriptsRequest(
        company=CompanyRef(ticker=entry.symbol, cik=entry.cik or 0, name=(entry.aliases or (entry.symbol,))[0]),
        aliases=entry.aliases,
        chain=tuple(transcripts.Source(**s.model_dump(exclude_none=True)) for s in entry.transcripts),
        api_keys=settings.api_keys,
        company_named=clearly_named,
    )
    stub = Watchlist(tickers=(entry,), policy=policy)
    with gateway_for(settings, stub, AuditBuffer(), require_identity=False) as gw:
        bugs: list[tuple[str, Exception]] = []
        skipped: list[tuple[str, str]] = []  # files of the answering source that could not be read (a run's gaps)
        provider, calls, tried = transcripts.find_calls(req, fetcher=gw, run_id=None, skipped=skipped, bugs=bugs)
    for failure in tried:
        click.echo(f"tried {redact_text(failure)}", err=True)
    for _origin, reason in skipped:  # "FILE: a call of AMD, not of NVDA ...: left out (...)" says it already
        click.echo(redact_text(reason if ": left out" in reason else f"left out {reason}"), err=True)
    for origin, exc in bugs:  # a call left out on a bug, unless a failed source's line above said it
        if not any(origin in failure for failure in tried):
            click.echo(f"left out {redact_text(unexpected(exc, doing=f' reading {origin}'))}", err=True)
    if provider is None:
        from watchdesk.sources.errors import WatchdeskError

        folders = [Path(src.path).expanduser() for src in entry.transcripts if src.kind == "folder" and src.path]
        if len(folders) == len(entry.transcripts) and not any(f.is_dir() for f in folders):
            files = [str(f) for f in folders if f.exists()]
            missing = [str(f) for f in folders if not f.exists()]
            why = ([f"no such folder: {', '.join(missing)}"] if missing else []) + (
                [f"{', '.join(files)}: a file, not a folder"] if files else [])
            raise ConfigError(f"no earnings call found for {entry.symbol}: {'; '.join(why)}")
        raise WatchdeskError(f"no earnings call found for {entry.symbol} (every source tried is listed above)")
    for call, _origin in calls:
        click.echo(call.to_json())


def _chain(
    ticker: str, path: Path | None, *, folder: tuple[str, ...], url: tuple[str, ...], feed: tuple[str, ...]
) -> tuple[Ticker, Policy]:
    from watchdesk.graph.watchlist import WEB_ADDRESS, Policy, Ticker, TranscriptSource, load_watchlist

    if any(not given.strip() for given in folder):  # no folder source takes an empty path
        raise ConfigError("--folder is empty: give a folder of transcript files")
    for option, given in [("--url", u) for u in url] + [("--feed", f) for f in feed]:
        if not WEB_ADDRESS.match(given):  # no domain in allowed_domains makes it fetchable: said before any fetch
            raise ConfigError(f"{option} {given!r} is not a web address: give one starting https://")
    adhoc = [TranscriptSource(kind="folder", path=p) for p in folder]
    adhoc += [TranscriptSource(kind="url", url=u) for u in url] + [TranscriptSource(kind="feed", url=f) for f in feed]
    if path is None:
        if not adhoc:
            raise ConfigError("give sources (--folder, --url, --feed) or --watchlist with [[tickers.transcripts]]")
        # The same policy as a run: hosts are allowed by name, whatever port the URL names.
        hosts = tuple(sorted({urlsplit(s.url).hostname or "" for s in adhoc if s.url}))
        return Ticker(symbol=ticker, sources=("transcripts",), transcripts=tuple(adhoc)), Policy(allowed_domains=hosts)
    wl = load_watchlist(path)
    found = next((t for t in wl.tickers if t.symbol == ticker), None)
    if found is None:
        raise ConfigError(f"{path}: no ticker {ticker} (it has {', '.join(t.symbol for t in wl.tickers)})")
    chain = tuple(adhoc) + found.transcripts
    return found.model_copy(update={"transcripts": chain}), wl.policy
