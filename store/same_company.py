"""A company listed under two tickers (Alphabet's GOOG and GOOGL, CIK 1652044) has its filings stored once, under the
ticker whose run stored them first: asked for by the other ticker, `watchdesk findings` and explore.findings said
"Nothing was read for GOOGL". Here each asked ticker gets the other tickers its company's documents are stored under,
so a question by either ticker reads them, and says so."""

from __future__ import annotations

import json
from collections.abc import Sequence

import duckdb

# A ticker's CIK as the store knows it: its documents, the companies table, and the runs' plans (a filings step names
# its ticker's CIK, a news step each of its tickers'), where a ticker with no document of its own is named.
_CIKS = """
    SELECT DISTINCT ticker, cik FROM documents WHERE cik IS NOT NULL AND list_contains(?, ticker)
    UNION SELECT ticker, cik FROM companies WHERE list_contains(?, ticker)
"""
_HOLDERS = """SELECT DISTINCT cik, ticker FROM documents WHERE list_contains(?, cik) AND ticker IS NOT NULL
              ORDER BY cik, ticker"""


def other_tickers(con: duckdb.DuckDBPyConnection, tickers: Sequence[str]) -> dict[str, tuple[int, list[str]]]:
    """For each of `tickers` (as stored) that holds no document of its own while its company has documents stored
    under other tickers: its CIK and those tickers ({"GOOGL": (1652044, ["GOOG"])}), as a briefing says of it. A
    ticker with documents of its own is asked about alone (the briefing benchmark's synthetic tickers carry NVIDIA's
    CIK: ticker='NVDA' is NVIDIA's 7,452 findings, not theirs)."""
    own = {t for (t,) in con.execute("SELECT DISTINCT ticker FROM documents WHERE list_contains(?, ticker)",
                                     [list(tickers)]).fetchall()}  # fmt: skip
    tickers = [t for t in tickers if t not in own]
    if not tickers:
        return {}
    ciks: dict[str, set[int]] = {}
    for ticker, cik in con.execute(_CIKS, [list(tickers), list(tickers)]).fetchall():
        ciks.setdefault(ticker, set()).add(int(cik))
    for (plan,) in con.execute("SELECT plan FROM runs WHERE plan IS NOT NULL").fetchall():
        for ticker, cik in planned(plan):
            if ticker in tickers:
                ciks.setdefault(ticker, set()).add(cik)
    held: dict[int, list[str]] = {}
    for cik, ticker in con.execute(_HOLDERS, [sorted({c for cs in ciks.values() for c in cs})]).fetchall():
        held.setdefault(int(cik), []).append(ticker)
    found = {}
    for ticker in dict.fromkeys(tickers):
        for cik in sorted(ciks.get(ticker, ())):
            if others := [t for t in held.get(cik, []) if t != ticker]:
                found[ticker] = (cik, others)
                break
    return found


def planned(plan: str) -> list[tuple[str, int]]:
    """(ticker, CIK) pairs a stored plan's filings and news steps name."""
    try:
        steps = json.loads(plan)
    except ValueError:
        return []
    pairs = []
    for step in steps if isinstance(steps, list) else []:
        params = step.get("params") or {} if isinstance(step, dict) else {}
        if step.get("agent") == "filings":
            pairs.append((params.get("ticker"), params.get("cik")))
        elif step.get("agent") == "news":
            pairs += [(t.get("symbol"), t.get("cik")) for t in params.get("tickers") or [] if isinstance(t, dict)]
    return [(t, int(c)) for t, c in pairs if isinstance(t, str) and isinstance(c, int)]


def said(found: dict[str, tuple[int, list[str]]]) -> str:
    """" GOOGL is the same company as GOOG (CIK 1652044): its documents are stored under GOOG, and read here too." """
    return "".join(f" {t} is the same company as {', '.join(o)} (CIK {cik}): its documents are stored under "
                   f"{', '.join(o)}, and read here too." for t, (cik, o) in found.items())  # fmt: skip
