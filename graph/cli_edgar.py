"""`watchdesk edgar ...`: the filings agent's core, usable alone, JSON on stdout."""

from __future__ import annotations

import click


@click.group()
def edgar() -> None:
    """SEC EDGAR tools: clean text, sections and 8-K items of a filing; list a company's filings."""
