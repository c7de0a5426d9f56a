"""The deterministic planner: a watchlist becomes an explicit list of steps.

Fetched text never reaches this module, so nothing a document says can change the plan.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from watchdesk.agents.filings import window
from watchdesk.graph.state import Step
from watchdesk.graph.watchlist import Ticker, TranscriptSource, Watchlist
from watchdesk.sources.edgar_parse import plain_name
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.redact import redact_text, redact_url

SEC_PERMISSION = "net:sec.gov"


def build_plan(watchlist: Watchlist, companies: Mapping[str, CompanyRef], *, as_of: date, out_dir: Path) -> list[Step]:
    """Fetch steps per ticker and source, then flagging, then the briefing for the window."""
    since, until = window(
        as_of=as_of,
        lookback_days=watchlist.filings.lookback_days,
        since=watchlist.filings.since,
        until=watchlist.filings.until,
    )
    steps = [
        _filings_step(t, companies[t.symbol], watchlist=watchlist, since=since, until=until)
        for t in watchlist.tickers
        if "edgar" in t.sources
    ]
    steps += [_transcripts_step(t, companies[t.symbol]) for t in watchlist.tickers if "transcripts" in t.sources]
    topics = list(watchlist.topics.watch) + [t.name for t in watchlist.topics.custom]
    steps.append(
        Step(
            id="flagging",
            agent="flagging",
            action="flag_new_documents",
            target="documents stored by this run",
            permission="store:write",
            params={"topics": topics},
        )
    )
    steps.append(
        Step(
            id="briefing",
            agent="briefing",
            action="write_briefing",
            target=str(out_dir),
            permission=f"fs:write:{out_dir}",
            params={"period_start": since.isoformat(), "period_end": until.isoformat()},
        )
    )
    return steps


def _filings_step(ticker: Ticker, company: CompanyRef, *, watchlist: Watchlist, since: date, until: date) -> Step:
    return Step(
        id=f"filings:{ticker.symbol}",
        agent="filings",
        action="fetch_filings",
        # The name comes from SEC's ticker map: flattened to one line there, quoted here, so it reads as a name.
        target=f"{ticker.symbol} (CIK {company.cik}, {json.dumps(plain_name(company.name), ensure_ascii=False)})",
        permission=SEC_PERMISSION,
        params={
            "ticker": ticker.symbol,
            "forms": list(ticker.forms or watchlist.filings.forms),
            "since": since.isoformat(),
            "until": until.isoformat(),
            "limit_per_form": watchlist.filings.limit_per_form,
            "accessions": list(ticker.accessions),
        },
    )


def _transcripts_step(ticker: Ticker, company: CompanyRef) -> Step:
    # Secrets in a source URL stay in the watchlist: the plan (shown, stored, checkpointed) gets them redacted.
    chain = [
        {k: redact_url(v) if k == "url" else v for k, v in src.model_dump(exclude_none=True).items()}
        for src in ticker.transcripts
    ]
    permission = ",".join(dict.fromkeys(_permission(src) for src in ticker.transcripts)) or "store:write"
    return Step(
        id=f"transcripts:{ticker.symbol}",
        agent="transcripts",
        action="fetch_transcripts",
        target=f"{ticker.symbol} earnings calls via "
        + (" > ".join(redact_text(s.describe()) for s in ticker.transcripts) or "nothing"),
        permission=permission,
        params={"ticker": ticker.symbol, "aliases": list(ticker.aliases), "chain": chain},
    )


def _permission(src: TranscriptSource) -> str:
    if src.kind == "folder":
        return f"fs:read:{src.path}"
    if src.kind == "fmp":
        return "net:financialmodelingprep.com"
    return f"net:{urlsplit(src.url or '').hostname or ''}"


def describe(plan: list[Step]) -> str:
    """The plan as a person reads it at the approval prompt."""
    lines = [
        f"{i}. [{s['agent']}] {s['action']} -> {s['target']}  (needs {s['permission']})" for i, s in enumerate(plan, 1)
    ]
    return "\n".join(lines)
