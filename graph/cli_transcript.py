"""`watchdesk transcript ...`: the transcripts agent's core, usable alone, JSON on stdout."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, cast

import click

from watchdesk.graph.cli_input import INPUT_FORMATS, input_name, read_input, ticker_given

if TYPE_CHECKING:
    from watchdesk.sources.transcripts import Format


_EXPECTED = "a transcript .html, .txt, .json or .pdf"
_PERIOD = re.compile(r"^(?:19|20)\d\d-Q[1-4]$", re.IGNORECASE)  # what --fiscal-period takes: 2026-Q1


@click.group()
def transcript() -> None:
    """Earnings-call transcripts: parse any layout into speakers, roles, prepared remarks and Q&A.

    \b
    Example:
      watchdesk transcript parse NVDA_2025_Q1.txt
      watchdesk transcript parse call-page.html --format html
    """


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date like 2025-05-28") from exc


@transcript.command()
@click.argument("path")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="Input format; auto sniffs the bytes (PDF magic, JSON, HTML tags, else text).",
)
@click.option("--ticker", metavar="TICKER",
              help="Ticker; wins over the document and its file name (a disagreement is warned of).")
@click.option("--fiscal-period", metavar="YYYY-Qn", help="Fiscal period as the company counts it, e.g. 2026-Q1.")
@click.option("--call-date", metavar="YYYY-MM-DD", callback=_day, help="Date of the call.")
def parse(path: str, fmt: str, ticker: str | None, fiscal_period: str | None, call_date: date | None) -> None:
    """Parse a transcript file (HTML page, PDF, plain text or JSON) and print it as JSON.

    Output: {"company", "ticker", "fiscal_period", "call_date", "source_url", "provider",
    "statements": [{"speaker", "role", "affiliation", "section": "prepared"|"qa",
    "kind": "operator"|"management"|"analyst"|"other", "text"}]}. Ticker and fiscal period
    missing from the document are taken from names like NVDA_2025_Q1.txt; a company missing from its header
    from the operator's opening ("welcome to the AMD first quarter ..."), else --ticker. PATH "-" reads stdin.
    An empty, truncated or binary file is an error (exit 2) naming the file, and so is an SEC filing (`watchdesk
    flag` and `watchdesk edgar text` read filings).

    \b
    Example:
      watchdesk transcript parse nvidia-nvda-q1-2025-earnings-call-transcript.txt
      watchdesk transcript parse call.pdf --ticker TSM --fiscal-period 2025-Q3 --call-date 2025-10-16
      watchdesk transcript parse page.html | jq -r '.statements[] | select(.section=="qa") | .speaker'
    """
    from watchdesk.sources.transcripts import Hints, parse_transcript
    from watchdesk.sources.transcripts.meta import stated_company

    if fiscal_period is not None and not _PERIOD.match(fiscal_period.strip()):
        raise click.BadParameter(f"{fiscal_period!r} is not a fiscal period like 2026-Q1", param_hint="--fiscal-period")
    hints = Hints(ticker=ticker_given(ticker) if ticker is not None else None,
                  fiscal_period=fiscal_period.strip().upper() if fiscal_period else None, call_date=call_date)
    data = read_input(path, expected=_EXPECTED)
    # read as the document and its name have it, then the options put over it, each one that differs said
    result = parse_transcript(data, format=cast("Format", fmt), origin=input_name(path))
    for option, stated, given in (("--ticker", result.ticker, hints.ticker),
                                  ("--fiscal-period", result.fiscal_period, hints.fiscal_period),
                                  ("--call-date", result.call_date, hints.call_date)):
        if stated is not None and given is not None and stated != given:
            click.echo(f"warning: {option} {given} is used; the transcript or its file name says {stated}", err=True)
    result = hints.override(result)
    if result.company is None:  # as the call states it ("welcome to the AMD first quarter ..."), else --ticker
        opening = " ".join(statement.text for statement in result.statements[:3])
        result = replace(result, company=stated_company(opening) or hints.ticker)
    click.echo(result.to_json(indent=2))
