"""Why an answer about a company is empty where that is because nothing of it was read: no document of it is stored,
and the gaps its runs recorded say why (as a briefing's "Nothing read for ASML" does)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from watchdesk.sources.redact import printable
from watchdesk.store import reader

_GAPS = """
    SELECT agent, reason FROM gaps WHERE ticker = ?
    GROUP BY agent, reason ORDER BY agent, max(created_at) DESC
"""


def nothing_read(db: Path | str, tickers: Sequence[str]) -> str:
    """" Nothing was read for ASML: the store holds none of its documents, and its runs recorded 2 gaps: filings: ...;
    transcripts: ...", a sentence for each of `tickers` (as stored) the store holds no document of; else ""."""
    if not tickers:
        return ""
    said = []
    with reader.reading(db) as con:
        held = {t for (t,) in con.execute("SELECT DISTINCT ticker FROM documents WHERE list_contains(?, ticker)",
                                          [list(tickers)]).fetchall()}  # fmt: skip
        for ticker in (t for t in dict.fromkeys(tickers) if t not in held):
            gaps = [f"{agent}: {printable(reason)}" for agent, reason in con.execute(_GAPS, [ticker]).fetchall()]
            why = (f", and its runs recorded {len(gaps)} gap{'s' if len(gaps) != 1 else ''}: {'; '.join(gaps)}"
                   if gaps else " (no run recorded a gap for it)")  # fmt: skip
            said.append(f" Nothing was read for {printable(ticker)}: the store holds none of its documents{why}.")
    return "".join(said)
