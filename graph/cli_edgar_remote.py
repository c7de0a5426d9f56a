"""`watchdesk edgar list` and `watchdesk edgar download`: filings from EDGAR (live or replayed)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from watchdesk.graph.cli_input import Day, Form, GivenPath, replay_option, ticker_given, writable_folder
from watchdesk.graph.forms import said_forms, watched_form
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import ConfigError

if TYPE_CHECKING:
    from watchdesk.sources.gateway import Gateway


@contextmanager
def sec_gateway(settings: Settings, replay: Path | None) -> Iterator[Gateway]:
    """A gateway allowed to reach SEC only, live or replaying `replay`."""
    from watchdesk.graph.deps import AuditBuffer
    from watchdesk.graph.run_gateway import gateway_for
    from watchdesk.graph.watchlist import Policy, Ticker, Watchlist

    if replay is not None:
        settings = settings.with_(mode="replay", replay_dir=replay)
    # only the policy is read: the one ticker a watchlist must have is a placeholder, built without validation
    stub = Watchlist(tickers=(Ticker.model_construct(symbol="-"),), policy=Policy(allowed_domains=("sec.gov",)))
    with gateway_for(settings, stub, AuditBuffer()) as gateway:
        yield gateway


@click.command("list")
@click.argument("ticker")
@click.option("--forms", default=None, metavar="FORM,...",
              help="Comma-separated forms, e.g. 10-K,10-Q,8-K (amendments included); every form without it.")
@click.option("--since", type=Day(), help="Filed on or after this date.")
@click.option("--until", type=Day(), help="Filed on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Newest N filings per form.")
@replay_option
@click.pass_context
def list_filings(
    ctx: click.Context, ticker: str, forms: str | None, since: object, until: object, limit: int | None,
    replay: Path | None,
) -> None:
    """List a company's filings as JSON lines (one object per line: a filing, newest first).

    \b
    Example:
      watchdesk edgar list NVDA --forms 10-K,10-Q --since 2025-01-01
    """
    from watchdesk.sources import edgar
    from watchdesk.sources.edgar_parse import resolve_ticker, select_filings

    first = since.date() if hasattr(since, "date") else None
    last = until.date() if hasattr(until, "date") else None
    if first and last and first > last:
        raise click.BadParameter(f"--since {first} is after --until {last}: no filing can be in that window")
    try:  # "10k" is 10-K, "def14a" DEF 14A; "10-KK" is refused as the watchlist refuses it, before anything is fetched
        wanted = [watched_form(f) for f in (forms or "").split(",") if f.strip()] or None
    except ValueError as exc:
        raise ConfigError(f"--forms: {exc}") from None
    if forms is not None and wanted is None:  # "", "," or " , ": forms asked for, none named; not every form
        raise ConfigError(f"--forms {forms!r} names no form: give forms comma-separated (10-K,10-Q), or leave it out")
    with sec_gateway(ctx.obj, replay) as gateway:
        company = resolve_ticker(ticker_given(ticker), edgar.fetch_ticker_map(gateway, agent="cli"))
        subs = edgar.fetch_submissions(gateway, company.cik, agent="cli")
        oldest = min((f.filing_date for f in subs.filings), default=None)
        if subs.older_pages and first is not None and (oldest is None or first < oldest):
            subs = edgar.with_older_pages(gateway, subs, agent="cli")
    chosen = select_filings(subs.filings, forms=wanted, since=first, until=last, limit_per_form=limit)
    for filing in chosen:
        click.echo(json.dumps(_as_json(filing, company.ticker), default=_iso))
    listed = sorted({f.form for f in subs.filings})
    unknown = [w for w in wanted or [] if w.upper().removesuffix("/A") not in {x.upper() for x in listed}]
    shown = ", ".join(listed[:12]) + (", ..." if len(listed) > 12 else "")
    if not chosen:  # an empty answer says why on stderr; stdout stays empty JSONL
        why = f"no form {', '.join(unknown)} in its listing (it lists {shown})" if unknown else "none in that window"
        click.echo(f"{company.ticker}: no filings listed: {why}", err=True)
    elif unknown:  # "10-K,XYZ": the 10-Ks are listed, and XYZ is said, not dropped without a word
        click.echo(f"{company.ticker}: no form {', '.join(unknown)} in its listing (it lists {shown})", err=True)


def _as_json(filing: object, ticker: str) -> dict[str, object]:
    from dataclasses import asdict

    from watchdesk.sources.six_k import classify_6k

    row = asdict(filing)  # type: ignore[call-overload]
    row["ticker"] = ticker
    row["items"] = list(row["items"])
    if str(row["form"]).upper().startswith("6-K"):  # what the 6-K carries, read from the listing row
        row["kind"] = classify_6k(description=row["description"], filename=row["primary_document"],
                                  report_date=row["report_date"], filing_date=row["filing_date"], size=row["size"]).kind
    return row


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")


@click.command("download")
@click.argument("ticker")
@click.option("--form", type=Form(), required=True, help=f"One form: {said_forms(last='or')} (any case).")
@click.option("--dir", "folder", type=GivenPath(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="Folder to save into, as sec-edgar-downloader does: DIR/sec-edgar-filings/TICKER/FORM/ACCESSION/"
                   "full-submission.txt (created if missing).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Newest N filings.")
@click.option("--after", type=Day(), help="Filed on or after this date.")
@click.option("--before", type=Day(), help="Filed on or before this date.")
@click.option("--include-amends", is_flag=True, help="Also 10-K/A, 8-K/A, ...")
@replay_option
@click.pass_context
def download_filings(
    ctx: click.Context,
    ticker: str,
    form: str,
    folder: Path,
    limit: int | None,
    after: object,
    before: object,
    include_amends: bool,
    replay: Path | None,
) -> None:
    """Bulk-download full submissions (sec-edgar-downloader's layout) through watchdesk's gateway.

    Writes each filing to DIR/sec-edgar-filings/TICKER/FORM/ACCESSION/full-submission.txt, its primary document
    beside it (primary-document.html for an HTML one); a file already there is not fetched again. Says each
    document fetched or not on stderr, and prints one JSON object on stdout at the end: {"saved": N, "folder": the
    FORM folder, "failed": ["URL: why", ...]}; exit 1 when one failed.

    \b
    Example:
      watchdesk edgar download NVDA --form 10-K --limit 3 --dir archive
      # writes archive/sec-edgar-filings/NVDA/10-K/0001045810-25-000023/full-submission.txt, ...
      # prints {"saved": 3, "folder": "archive/sec-edgar-filings/NVDA/10-K", "failed": []}
    """
    from watchdesk.graph.cli import progress
    from watchdesk.sources import edgar
    from watchdesk.sources.edgar_download import download
    from watchdesk.sources.edgar_parse import resolve_ticker

    if hasattr(after, "date") and hasattr(before, "date") and after > before:  # type: ignore[operator]
        raise click.BadParameter(f"--after {after.date()} is after --before {before.date()}: no filing can be in it")
    writable_folder(folder, option="--dir")
    with sec_gateway(ctx.obj, replay) as gateway:
        company = resolve_ticker(ticker_given(ticker), edgar.fetch_ticker_map(gateway, agent="cli"))
        report = download(
            gateway,
            company,
            form=form,
            folder=folder,
            limit=limit,
            include_amends=include_amends,
            after=after.date() if hasattr(after, "date") else None,
            before=before.date() if hasattr(before, "date") else None,
            report=progress(),
        )
    click.echo(json.dumps({"saved": report.saved, "folder": str(report.folder), "failed": report.failed}))
    if report.failed:
        raise click.exceptions.Exit(1)
