"""Briefing agent: query the period's findings, check every citation, render Markdown and HTML, write them."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from watchdesk.agents.briefing import changes_part, coverage, news_part, trend
from watchdesk.agents.briefing.earlier_files import earlier_files, remove_files, renamed_files
from watchdesk.agents.briefing.files import write_together
from watchdesk.agents.briefing.model import (
    BriefingInput,
    DocumentItem,
    FindingItem,
    GapItem,
    SourceRead,
    ToneItem,
    WeekPoint,
)
from watchdesk.agents.briefing.period import Period, week_starts
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.agents.briefing.text import counted
from watchdesk.sources.errors import StoreError
from watchdesk.store import earlier as earlier_mentions
from watchdesk.store import queries
from watchdesk.store.asked import relays_question
from watchdesk.store.records import stable_id
from watchdesk.store.store import Store
from watchdesk.store.writes import save_briefing

FORMATS = ("md", "html")


@dataclass(frozen=True, kw_only=True)
class BriefingRequest:
    run_id: str
    watchlist_name: str
    tickers: list[str]
    topics: list[str]
    period: Period
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    llm_usage: dict[str, float] = field(default_factory=dict)  # what the run's LLM judge used (its cost)
    # the steps of the run writing its own briefing: its row in the store gets them only when it ends; what was read
    # is told from them and the gaps the run stored, so `watchdesk brief` says the same later (None: the stored plan)
    plan: Sequence[Mapping[str, Any]] | None = None
    # each ticker's sources as its watchlist names them ("edgar", "transcripts", "news"); None: those its run planned
    sources: Mapping[str, Sequence[str]] | None = None
    # the day the run writing it is run as of (`--as-of`): written on or after the period's last day, by the UTC day
    # or this one, a briefing closes its period (store/queries.LATE_DAY)
    as_of: date | None = None
    # whether writing it closes its period (store/writes.save_briefing): a run's own briefing and one `watchdesk brief
    # --deliver` sends do, as their targets get it; one `brief` writes for a person to look at, sent nowhere, does not,
    # or what a later run stores for that period would be late, left out of the briefing that run delivers
    closes: bool = True


@dataclass(frozen=True, kw_only=True)
class BriefingFiles:
    briefing_id: str
    paths: dict[str, Path]  # format -> file written
    data: BriefingInput
    markdown: str
    html: str | None = None
    headline: str = field(default="")
    replaced: tuple[Path, ...] = ()  # this period's earlier files in the folder, under another name: removed


# Plug-in parts put their data into BriefingInput.extras: (key, gather(store, request, days) -> data), `days` the
# table of the documents' days the briefing's queries read (queries.period_days).
Gatherer = Callable[[Store, BriefingRequest, str], Any]
GATHERERS: list[tuple[str, Gatherer]] = [("news", news_part.gather), ("changes", changes_part.gather)]


def gather(store: Store, req: BriefingRequest) -> BriefingInput:
    with queries.period_days(store) as days:  # each document's day in a period, computed once for all that follows
        return _gather(store, req, days=days)


def _gather(store: Store, req: BriefingRequest, *, days: str) -> BriefingInput:
    span = {"start": req.period.start, "end": req.period.end}
    rows = queries.period_findings(store, tickers=req.tickers, topics=req.topics, **span, days=days)
    cited = [(r["finding_id"], r["doc_id"], r["start"], r["end"], r["sentence"]) for r in rows]
    _refuse_mismatches(queries.quote_mismatches(store, cited))  # the rows just read: what the briefing quotes
    chart = (week_starts(req.period.end, req.period.chart_weeks)[0], req.period.end)
    baseline = req.period.previous_weeks(req.period.baseline_weeks)  # weeks of their own, ending the day before the
    # period: none straddles its start; one read of the days both span serves both
    counts = queries.daily_mentions(store, tickers=req.tickers, topics=req.topics,
                                    start=min(chart[0], baseline.start), end=req.period.end, days=days)  # fmt: skip
    history = queries.weeks_of(counts, start=chart[0], end=chart[1])
    before = queries.weeks_of(counts, start=baseline.start, end=baseline.end, by_kind=True)
    tickers, start = req.tickers, req.period.start
    earlier = trend.earlier(
        earlier_mentions.latest_mentions(store, tickers=tickers, topics=req.topics, start=start, days=days),
        earlier_mentions.earlier_documents(store, tickers=tickers, start=start, days=days),
    )
    relayed = _relayed(rows, queries.qa_statement_openings(store, rows))
    runs, held = _runs(store, req)
    gaps = ([_gap_item(g.row, days=None if g.days[0] == date.min else g.days) for g in held] if runs
            else [_gap_item(g, days=_recorded(g)) for g in queries.run_gaps(store, run_ids=[req.run_id])])  # fmt: skip
    data = BriefingInput(
        title=f"watchdesk briefing: {req.watchlist_name}",
        period_start=req.period.start,
        period_end=req.period.end,
        period_label=req.period.label,
        generated_at=datetime.now(UTC),
        run_id=req.run_id,
        watchlist_name=req.watchlist_name,
        tickers=req.tickers,
        topics=req.topics,
        findings=[_finding_item(r, relayed=r["finding_id"] in relayed) for r in rows],
        gaps=gaps,
        documents=[_document_item(d) for d in queries.period_documents(store, tickers=req.tickers, **span, days=days)],
        tone=[ToneItem(**t) for t in queries.period_tone(store, tickers=req.tickers, **span, days=days)],
        history=[WeekPoint(**w) for w in history],
        before=[WeekPoint(**w) for w in before],
        earlier=earlier,
        llm_usage=dict(req.llm_usage),
        read=_read(req, runs, held),
        ciks=coverage.ciks(runs),
    )
    extras = {key: fn(store, req, days) for key, fn in GATHERERS}
    return replace(data, extras=extras) if extras else data


def _runs(store: Store, req: BriefingRequest) -> tuple[list[coverage.Run], list[coverage.Gap]]:
    """The runs of the watchlist up to the one briefed (none when the store does not hold it), and the gaps that
    still leave something of the period unread (coverage.held)."""
    rows = queries.watchlist_runs(store, watchlist=req.watchlist_name, run_id=req.run_id)
    if not any(r["run_id"] == req.run_id for r in rows):
        return [], []
    if req.plan is not None:  # the run writing its own briefing
        rows = [{**r, "plan": list(req.plan)} if r["run_id"] == req.run_id else r for r in rows]
    run_ids = [r["run_id"] for r in rows]
    runs = coverage.runs_from(rows, queries.run_gaps(store, run_ids=run_ids),
                              queries.run_read_cuts(store, run_ids=run_ids))  # fmt: skip
    return runs, coverage.held(runs, period=(req.period.start, req.period.end))


def _read(req: BriefingRequest, runs: Sequence[coverage.Run], held: Sequence[coverage.Gap]) -> list[SourceRead]:
    """How much of the period the runs read of each ticker's sources; not known ([]) without a stored run."""
    sources = req.sources
    if sources is None:  # those the runs planned
        sources = {t: [n for n, agent in coverage.AGENTS.items() if any(coverage.step_of(r, agent, t) for r in runs)]
                   for t in req.tickers}  # fmt: skip
    period = (req.period.start, req.period.end)
    return coverage.sources_read(runs, tickers=req.tickers, sources=sources, period=period, gaps=held) if runs else []


def verify_citations(store: Store, finding_ids: Sequence[str]) -> None:
    """A quote that is not the stored text at its offsets must never reach a reader."""
    _refuse_mismatches(queries.citation_mismatches(store, finding_ids))


def _refuse_mismatches(finding_ids: Sequence[str]) -> None:
    bad = set(finding_ids)
    if bad:
        raise StoreError(f"citation check failed for findings {sorted(bad)}: quote differs from stored text")


def _finding_item(r: dict[str, Any], *, relayed: bool) -> FindingItem:
    names = ("finding_id", "ticker", "company", "topic", "polarity", "score", "sentence", "section", "speaker",
             "doc_id", "doc_title", "doc_url", "filed_at", "speaker_kind", "dated_by_storage", "sure",
             "method_version", "first_stored", "kind", "said_again", "start")  # fmt: skip
    return FindingItem(form=r["doc_type"] or r["form"], filed_as=r["form"], relayed=relayed, **{n: r[n] for n in names})


def _relayed(rows: Sequence[dict[str, Any]], turns: Sequence[dict[str, Any]]) -> set[str]:
    """The findings said in a turn whose opening passes on an analyst's question (of `turns`, management's turns of
    Q&A with their opening sentences): each sentence of it is the question, not the company's word."""
    relaying: dict[str, list[tuple[int, int]]] = {}
    for t in turns:
        if relays_question(t["opening"]):
            relaying.setdefault(t["doc_id"], []).append((t["start"], t["end"]))
    return {r["finding_id"] for r in rows
            if any(a <= r["start"] < b for a, b in relaying.get(r["doc_id"], ()))}  # fmt: skip


def _gap_item(g: Mapping[str, Any], *, days: tuple[date, date] | None) -> GapItem:
    return GapItem(ticker=g["ticker"], agent=g["agent"], target=g["target"], reason=g["reason"], run_id=g["run_id"],
                   days=days)  # fmt: skip


def _recorded(g: Mapping[str, Any]) -> tuple[date, date] | None:
    """A gap's days as its run recorded them (a gap of a run the store does not hold has no step to tell them)."""
    first, last = g["unread_from"], g["unread_to"]
    return (first or date.min, last) if last is not None else None


def _document_item(d: dict[str, Any]) -> DocumentItem:
    return DocumentItem(
        doc_id=d["doc_id"],
        ticker=d["ticker"],
        form=d["doc_type"] or d["form"],
        title=d["title"],
        url=d["url"],
        filed_at=d["filed_at"],
        dated_by_storage=d["dated_by_storage"],
        first_stored=d["first_stored"],
        flagged=d["flagged"],
    )


def slug(name: str) -> str:
    """A file-name part of a watchlist's name: accents dropped from their letters ("Überwachung" -> "uberwachung"),
    anything else but ASCII letters and digits a dash (so no path separator or ".." survives)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower())[:40].strip("-") or "watchlist"


def file_tag(store: Store, req: BriefingRequest) -> str:
    """Six hex digits of the store's identity and the watchlist's exact name, ending the file's name: two stores
    briefing watchlists of one name into one folder, or two names that make the same slug, never share a file,
    while the same store and watchlist always write the same one (a week briefed again replaces its file)."""
    return name_tag(store, req.watchlist_name)


def name_tag(store: Store, name: str) -> str:
    """file_tag of the watchlist named `name`."""
    return stable_id(store.store_id(), name, length=6)


def write_briefing(store: Store, req: BriefingRequest) -> BriefingFiles:
    """Render and write the briefing files (before any delivery, so a failed send loses nothing)."""
    data = gather(store, req)
    markdown = render_markdown(data)
    html = None
    if "html" in req.formats:
        from watchdesk.agents.briefing.html import render_html  # Jinja2 and the charts only when asked

        html = render_html(data)
    req.out_dir.mkdir(parents=True, exist_ok=True)
    tag = file_tag(store, req)
    stem = f"briefing-{slug(req.watchlist_name)}-{req.period.label.replace(' ', '-')}-{tag}"
    contents = {fmt: content for fmt, content in (("md", markdown), ("html", html))
                if fmt in req.formats and content is not None}  # fmt: skip
    paths = {fmt: req.out_dir / f"{stem}.{fmt}" for fmt in contents}
    briefing_id = stable_id(req.watchlist_name, req.period.start, req.period.end)
    earlier = earlier_files(store, briefing_id, written=paths, tag=tag)  # read before the row says the new names
    earlier += renamed_files(store, run_id=req.run_id, name=req.watchlist_name, written=paths,
                             period=(req.period.start, req.period.end),
                             tag_of=lambda name: name_tag(store, name))  # fmt: skip
    write_together({paths[fmt]: content for fmt, content in contents.items()})  # both files, or the old ones
    row = {
        "briefing_id": briefing_id,
        "run_id": req.run_id,
        "watchlist": req.watchlist_name,
        "period_start": req.period.start,
        "period_end": req.period.end,
        "path_md": str(paths["md"]) if "md" in paths else None,
        "path_html": str(paths["html"]) if "html" in paths else None,
        "content_md": markdown,
        "n_findings": len(counted(data.findings)),
        "n_gaps": len(data.gaps),
        "created_at": datetime.now(UTC),
        "tickers": [t.strip().upper() for t in req.tickers],
    }
    store.transaction(lambda con: save_briefing(con, row, as_of=req.as_of, closes=req.closes))
    return BriefingFiles(briefing_id=briefing_id, paths=paths, data=data, markdown=markdown, html=html,
                         replaced=tuple(remove_files(earlier)))  # fmt: skip
