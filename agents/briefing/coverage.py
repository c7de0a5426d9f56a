"""What a briefing may say was read, from what the store keeps of a run: its plan and the gaps it recorded.

Never from a run's live state: `watchdesk brief` writes a period again from the store alone, and a briefing of the
same data must say the same as the run's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from watchdesk.sources.redact import redact_text

Row = Mapping[str, Any]


def failed_steps(plan: Sequence[Row], gaps: Sequence[Row]) -> set[str]:
    """Ids of the planned steps that failed or were refused. Such a step records a gap naming the step's own target
    (graph.nodes.failed, graph.supervisor's refusal); a step that ran names in its gaps what it missed."""
    named = {(g["agent"], g["target"]) for g in gaps}
    return {s["id"] for s in plan if (s["agent"], redact_text(s["target"])) in named}


def unread_tickers(plan: Sequence[Row], gaps: Sequence[Row], tickers: Sequence[str]) -> tuple[str, ...]:
    """Tickers not fully read: one of their own fetching steps (filings:T, transcripts:T) failed, or none ran (an
    edit left them out) and the shared news step did not succeed either. The news feeds reading fine says nothing about
    a company whose filings could not be fetched (the demo said "nothing filed" for ASML, whose filing list failed).
    The briefing says so only for a ticker with no document in the period."""
    ran, failed = {s["id"] for s in plan}, failed_steps(plan, gaps)
    unread = []
    for ticker in tickers:
        own = {f"filings:{ticker}", f"transcripts:{ticker}"} & ran
        if (own & failed) or (not own and ("news" not in ran or "news" in failed)):
            unread.append(ticker)
    return tuple(unread)
