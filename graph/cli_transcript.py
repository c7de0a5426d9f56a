"""`watchdesk transcript ...`: the transcripts agent's core, usable alone, JSON on stdout."""

from __future__ import annotations

import click


@click.group()
def transcript() -> None:
    """Earnings-call transcripts: parse any layout into speakers, roles, prepared remarks and Q&A."""
