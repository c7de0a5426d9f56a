"""Briefing agent: query the period's findings, render them, check every citation, write the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from watchdesk.agents.briefing.model import BriefingInput, DocumentItem, FindingItem, GapItem, ToneItem
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.sources.errors import StoreError
from watchdesk.store import queries
from watchdesk.store.bulk import upsert
from watchdesk.store.records import stable_id
from watchdesk.store.store import Store


@dataclass(frozen=True, kw_only=True)
class BriefingRequest:
    run_id: str
    watchlist_name: str
    tickers: list[str]
    topics: list[str]
    period_start: date
    period_end: date
    out_dir: Path
    llm_usage: dict[str, float] = field(default_factory=dict)  # what the run's LLM judge used (its cost)


def gather(store: Store, req: BriefingRequest) -> BriefingInput:
    span = {"start": req.period_start, "end": req.period_end, "run_id": req.run_id}
    rows = queries.period_findings(store, tickers=req.tickers, topics=req.topics, **span)  # type: ignore[arg-type]
    bad = set(queries.citation_mismatches(store, [r["finding_id"] for r in rows]))
    if bad:
        # A quote that is not the stored text must never reach a reader.
        raise StoreError(f"citation check failed for findings {sorted(bad)}: quote differs from stored text")
    docs = queries.period_documents(store, tickers=req.tickers, **span)  # type: ignore[arg-type]
    gaps = queries.run_gaps(store, run_id=req.run_id)
    tone = queries.period_tone(store, tickers=req.tickers, **span)  # type: ignore[arg-type]
    return BriefingInput(
        title=f"watchdesk briefing: {req.watchlist_name}",
        period_start=req.period_start,
        period_end=req.period_end,
        generated_at=datetime.now(UTC),
        run_id=req.run_id,
        watchlist_name=req.watchlist_name,
        tickers=req.tickers,
        topics=req.topics,
        findings=[_finding_item(r) for r in rows],
        gaps=[GapItem(ticker=g["ticker"], agent=g["agent"], target=g["target"], reason=g["reason"]) for g in gaps],
        documents=[_document_item(d) for d in docs],
        tone=[ToneItem(**t) for t in tone],
        llm_usage=dict(req.llm_usage),
    )


def _finding_item(r: dict[str, Any]) -> FindingItem:
    names = (
        "finding_id",
        "ticker",
        "company",
        "topic",
        "polarity",
        "score",
        "sentence",
        "section",
        "speaker",
        "doc_id",
        "doc_title",
        "doc_url",
        "filed_at",
    )
    return FindingItem(form=r["doc_type"] or r["form"], **{n: r[n] for n in names})


def _document_item(d: dict[str, Any]) -> DocumentItem:
    return DocumentItem(
        doc_id=d["doc_id"],
        ticker=d["ticker"],
        form=d["doc_type"] or d["form"],
        title=d["title"],
        url=d["url"],
        filed_at=d["filed_at"],
    )


def write_briefing(store: Store, req: BriefingRequest) -> Path:
    data = gather(store, req)
    markdown = render_markdown(data)
    slug = re.sub(r"[^a-z0-9]+", "-", req.watchlist_name.lower()).strip("-")[:40] or "watchlist"
    req.out_dir.mkdir(parents=True, exist_ok=True)
    path = req.out_dir / f"briefing-{slug}-{req.period_end.isoformat()}.md"
    path.write_text(markdown, encoding="utf-8")
    row = {
        "briefing_id": stable_id(req.run_id, req.period_start, req.period_end),
        "run_id": req.run_id,
        "period_start": req.period_start,
        "period_end": req.period_end,
        "path_md": str(path),
        "content_md": markdown,
        "n_findings": len(data.findings),
        "n_gaps": len(data.gaps),
        "created_at": datetime.now(UTC),
    }
    store.transaction(lambda con: upsert(con, "briefings", [row], key=["briefing_id"]))
    return path
