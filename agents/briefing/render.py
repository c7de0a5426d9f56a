"""The briefing's detail parts and the Markdown document. Pure: the same input gives the same text.

Layout: header, the headline (headline.py), plug-in parts (parts.py), then the detail: all mentions,
sentence tone per document, findings by ticker and topic with verbatim quotes and [F-…] citations, gaps
(always present), sources (numbered documents and the citation -> document map), method.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date

from watchdesk.agents.briefing.model import BriefingInput, DocumentItem, FindingItem, GapItem
from watchdesk.agents.briefing.text import (
    ORDER,
    citation_ids,
    counted,
    doc_label,
    escape_markdown,
    gaps_said,
    is_boilerplate,
    is_question,
    late,
    local_paths,
    net_tone,
    ordered,
    plural,
    same_text,
    signed_score,
    speaker_name,
    topic_label,
)
from watchdesk.agents.flagging.version import METHOD_VERSION
from watchdesk.store.asked import said_as, speaker_said
from watchdesk.store.queries import LATE_DAYS

__all__ = ["citation_ids", "escape_markdown", "is_boilerplate", "net_tone", "render_markdown", "topic_label"]

TOP_PER_TOPIC = 5
UNSURE = ", unsure"  # after the score of a finding the flagger was not sure of (FindingItem.sure is False)
# A link a briefing may write as <...>: fetched text is never more. An address holding a control character (a bidi
# override would reverse what follows the link) is written as text, with the control shown as an escape.
URL = re.compile(r"^https?://[^\s<>\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+$")


@dataclass(frozen=True, slots=True)
class Section:
    """One part of a briefing: a `## title` and its Markdown body (the HTML is made from the Markdown)."""

    key: str
    title: str
    body: str
    # what each column of the body's first table is (its key), whatever its heading says: the HTML marks each cell
    # with it (class "col-KEY"), for a layout that puts some columns first (the headline's net tone and trend)
    columns: tuple[str, ...] = ()

    @property
    def markdown(self) -> str:
        return f"## {self.title}\n\n{self.body}".rstrip()


@dataclass(kw_only=True)
class RenderContext:
    """What every part may cite: citation labels per finding, source numbers per document."""

    data: BriefingInput
    cites: dict[str, str]
    refs: dict[str, int]
    echoes: dict[str, list[str]] = field(default_factory=dict)
    shown: list[FindingItem] = field(default_factory=list)
    # (document, same_text of a sentence) -> the sections of that document the sentence is flagged in
    sections: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, data: BriefingInput, *, quoted_first: Sequence[FindingItem] = ()) -> RenderContext:
        shown = [(f, _echoes(f, items)) for _, _, items in groups(data) for f in top(items)]
        head = [(f, _echoes(f, data.findings)) for f in quoted_first]
        order = dict.fromkeys(d for f, echoes in [*head, *shown] for d in [f.doc_id, *echoes])
        return cls(
            data=data,
            cites=citation_ids(data.findings),
            refs={doc_id: n for n, doc_id in enumerate(order, 1)},
            echoes={f.finding_id: docs for f, docs in shown},
            # every finding quoted anywhere, headline first: the Sources table has a row for each
            shown=list({f.finding_id: f for f, _ in [*head, *shown]}.values()),
            sections=_sections_by_sentence(data.findings),
        )

    def repeated_in(self, f: FindingItem) -> list[str]:
        """The document's other sections that hold the same sentence (a 10-K says some things in Items 1, 1A and 7)."""
        return [s for s in self.sections.get((f.doc_id, same_text(f.sentence)), []) if s != f.section]


Part = Callable[[RenderContext], "Section | None"]


def render_markdown(data: BriefingInput, *, parts: Sequence[Part] | None = None) -> str:
    """The briefing as Markdown: the header, then each part in order."""
    return "\n\n".join([header(data), *(s.markdown for s in render_sections(data, parts=parts))]) + "\n"


def render_sections(data: BriefingInput, *, parts: Sequence[Part] | None = None) -> list[Section]:
    from watchdesk.agents.briefing.headline import headline_quotes
    from watchdesk.agents.briefing.parts import PARTS

    ctx = RenderContext.build(data, quoted_first=headline_quotes(data))
    return [s for part in (PARTS if parts is None else parts) if (s := part(ctx)) is not None]


def top(findings: Sequence[FindingItem]) -> list[FindingItem]:
    """Most negative first, then most positive, then neutral; within each, company statements before
    analysts' questions and standing boilerplate. A sentence repeated in several documents is shown once."""

    def rank(f: FindingItem) -> tuple[int, bool, float, str]:
        group = ORDER.get(f.polarity, 2)
        strength = f.score if group == 0 else -f.score if group == 1 else 0.0
        return group, is_boilerplate(f) or is_question(f), strength, f.finding_id

    chosen: dict[str, FindingItem] = {}
    for f in sorted(findings, key=rank):
        chosen.setdefault(same_text(f.sentence), f)
        if len(chosen) == TOP_PER_TOPIC:
            break
    return list(chosen.values())


def _places(sections: Sequence[str]) -> str:
    """"Items 1A, 7" for a filing's items ("1A Risk Factors", "II-1A Risk Factors"), else the sections' names."""
    items = [m.group() for x in sections if (m := _ITEM.match(x))]
    if len(items) == len(sections):
        return ("Item " if len(items) == 1 else "Items ") + ", ".join(items)
    return ", ".join(escape_markdown(x) for x in sections)


_ITEM = re.compile(r"(?:[IV]+-)?\d+[A-Z]?(?=\s|$)")


def _sections_by_sentence(findings: Sequence[FindingItem]) -> dict[tuple[str, str], list[str]]:
    """The sections a sentence is flagged in, in the order they stand in its document (not the findings' order, the
    strongest first): "said again in Items 1A, 7"."""
    found: dict[tuple[str, str], dict[str, None]] = {}
    for f in sorted(findings, key=lambda f: (f.start is None, f.start or 0)):
        if f.section:
            found.setdefault((f.doc_id, same_text(f.sentence)), {})[f.section] = None
    return {k: list(v) for k, v in found.items() if len(v) > 1}


def _echoes(f: FindingItem, findings: Sequence[FindingItem]) -> list[str]:
    """Other documents that contain the same sentence."""
    text = same_text(f.sentence)
    return sorted({g.doc_id for g in findings if g.doc_id != f.doc_id and same_text(g.sentence) == text})


def groups(data: BriefingInput) -> list[tuple[str, str, list[FindingItem]]]:
    """(ticker, topic, findings) for every watched pair, in watchlist order; a sentence said again in its document once
    (text.counted), as every count of a briefing takes it."""
    tickers = ordered(data.tickers, (f.ticker for f in data.findings))
    topics = ordered(data.topics, (f.topic for f in data.findings))
    by_pair: dict[tuple[str, str], list[FindingItem]] = {}
    for f in counted(data.findings):
        by_pair.setdefault((f.ticker, f.topic), []).append(f)
    return [(t, p, by_pair.get((t, p), [])) for t in tickers for p in topics]


def header(data: BriefingInput) -> str:
    with_findings = {f.doc_id for f in data.findings}
    reviewed = with_findings | {d.doc_id for d in data.documents}
    dates = f"{data.period_start.isoformat()} to {data.period_end.isoformat()}"
    label = f" ({data.period_label})" if data.period_label and data.period_label != dates else ""
    return "\n".join(
        [
            f"# {escape_markdown(data.title)}",
            "",
            f"**Period:** {dates}{label} · "
            f"**Watchlist:** {escape_markdown(data.watchlist_name)} · **Run:** `{data.run_id}` · "
            f"**Generated:** {data.generated_at.astimezone(UTC):%Y-%m-%d %H:%M} UTC  ",
            f"**Tickers:** {', '.join(data.tickers) or 'none'} · "
            f"**Topics:** {', '.join(topic_label(t) for t in data.topics) or 'none'}  ",
            f"**Coverage:** {plural(len(counted(data.findings)), 'finding')} from {len(with_findings)} of "
            f"{plural(len(reviewed), 'document')} dated in this period; "
            + (f"{gaps_said(data.gaps)} could not be fetched or processed (see Gaps)." if data.gaps else "no gaps."),
        ]
    )


def summary_part(ctx: RenderContext) -> Section:
    rows = [
        "| Ticker | Topic | Mentions | Negative | Positive | Neutral | Net tone |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for ticker, topic, items in groups(ctx.data):
        counts = Counter(ORDER.get(f.polarity, 2) for f in items)
        tone = f"{net_tone(items):+.2f}" if items else "—"
        rows.append(
            f"| {escape_markdown(ticker)} | {topic_label(topic)} | {len(items)} | {counts[0]} | {counts[1]} "
            f"| {counts[2]} | {tone} |"
        )
    rows += ["", "Net tone = (positive - negative) / mentions, from -1 (all warnings) to +1 (all good news)."]
    return Section("summary", "Summary", "\n".join(rows))


def tone_part(ctx: RenderContext) -> Section:
    """Every sentence of each document, not only topic mentions, read by the sentence sentiment model."""
    rows = ["| Ticker | Document | Sentences | Positive | Negative | Net tone |", "|---|---|---:|---:|---:|---:|"]
    titles = {d.doc_id: d.title for d in ctx.data.documents if (d.form or "").startswith("news") and d.title}
    for t in ctx.data.tone:
        ref = f" [{ctx.refs[t.doc_id]}]" if t.doc_id in ctx.refs else ""
        # a day's news items are told apart by their headlines
        headline = f": {_shortened(titles[t.doc_id], HEADLINE)}" if t.doc_id in titles else ""
        label = escape_markdown((doc_label(t.form, t.filed_at) or "document") + headline) + ref
        rows.append(
            f"| {escape_markdown(t.ticker or '')} | {label} | {t.sentences:,} | {t.positive:,} | {t.negative:,} "
            f"| {t.net:+.2f} |"
        )
    if not ctx.data.tone:
        rows.append("| — | no sentences in this period | 0 | 0 | 0 | — |")
    rows += ["", "Net tone = (positive - negative) / sentences, from the default sentence sentiment model."]
    return Section("tone", "Sentence tone by document", "\n".join(rows))


HEADLINE = 60  # characters of a news headline in a table row at most


def _shortened(text: str, most: int) -> str:
    """`text` cut at a word to `most` characters or fewer, with an ellipsis; whole when it fits."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most + 1].rsplit(" ", 1)[0] if " " in text[:most] else text[:most]
    return cut.rstrip(" ,;:-–—") + "…"


def findings_part(ctx: RenderContext) -> Section:
    lines: list[str] = []
    companies = {f.ticker: f.company for f in ctx.data.findings}
    current = None
    for ticker, topic, items in groups(ctx.data):
        if ticker != current:
            current = ticker
            name = companies.get(ticker)
            lines += ["", f"### {escape_markdown(ticker)}" + (f": {escape_markdown(name)}" if name else "")]
            if ticker not in companies:
                lines += ["", "No mentions of the watched topics in this period's documents."]
        if items:
            shown = top(items)
            lines += ["", _topic_heading(topic, items), ""]
            lines += [finding_line(f, ctx, echoes=ctx.echoes.get(f.finding_id, [])) for f in shown]
            if len(items) > len(shown):
                lines.append(f"- … and {len(items) - len(shown)} more not shown (`watchdesk findings` lists them all).")
    return Section("findings", "Findings", "\n".join(lines).strip())


def _topic_heading(topic: str, items: Sequence[FindingItem]) -> str:
    counts = Counter(ORDER.get(f.polarity, 2) for f in items)
    return (
        f"#### {topic_label(topic)}: {plural(len(items), 'mention')} "
        f"({counts[0]} negative, {counts[1]} positive, {counts[2]} neutral)"
    )


def who_said(f: FindingItem) -> str | None:
    """The speaker as a quote names them, marked where the words are asked, not said by the company ("Charlie Chan,
    analyst", "Jeff Su, passing on a question"): beside the quote and in the Sources table alike."""
    said = said_as(section=f.section, speaker_kind=f.speaker_kind, sentence=f.sentence, relayed=f.relayed)
    return speaker_said(speaker_name(f.speaker) if f.speaker else None, said)


def finding_line(f: FindingItem, ctx: RenderContext, *, echoes: Sequence[str] = ()) -> str:
    speaker = who_said(f)  # asked, not said by the company: an analyst's or operator's line, or one passed on
    came = late(f.filed_at, f.first_stored, ctx.data.period_start)
    label = doc_label(f.form, f.filed_at, dated_by_storage=f.dated_by_storage, late=came)
    where = [x for x in (label, f.section, speaker) if x]
    origin = " · ".join(escape_markdown(x) for x in where)
    also = f" (same sentence also in {', '.join(f'[{ctx.refs[d]}]' for d in echoes)})" if echoes else ""
    if again := ctx.repeated_in(f):
        also += f" (said again in {_places(again)} of the same document)"
    return (
        f"- **{f.polarity}** ({signed_score(f.score)}{UNSURE if f.sure is False else ''}) "
        f"“{escape_markdown(f.sentence)}” "
        f"[{ctx.cites[f.finding_id]}] "
        f"— {origin + ' ' if origin else ''}[{ctx.refs[f.doc_id]}]{also}"
    )


def gaps_part(ctx: RenderContext) -> Section:
    gaps: Sequence[GapItem] = ctx.data.gaps
    if not gaps:
        return Section("gaps", "Gaps", "None: every planned source was fetched and processed.")
    lines = [
        f"{gaps_said(gaps)} could not be fetched or processed; the findings above do not cover what is listed here.",
        "",
    ]
    period = (ctx.data.period_start, ctx.data.period_end)
    for g in sorted(gaps, key=lambda g: (g.ticker or "", g.agent, g.target, g.reason)):
        earlier = f" (recorded by an earlier run, `{g.run_id}`)" if g.run_id and g.run_id != ctx.data.run_id else ""
        days = f"{_gap_days(g.days, period)} · " if g.days else ""
        lines.append(
            f"- **{escape_markdown(g.ticker or 'all tickers')}** · {escape_markdown(g.agent)} · {days}"
            f"{escape_markdown(local_paths(g.target))}: {escape_markdown(local_paths(g.reason))}{earlier}"
        )
    return Section("gaps", "Gaps", "\n".join(lines))


def _gap_days(days: tuple[date, date], period: tuple[date, date]) -> str:
    """ "2026-02-25", "2026-01-01 to 2026-04-09", "up to 2026-09-01": the days of the period a gap leaves unread (its
    own, for one recorded just after them)."""
    first, last = days
    if first <= period[1] and period[0] <= last:
        first, last = max(first, period[0]), min(last, period[1])
    if first == last:
        return str(first)
    return f"up to {last}" if first == date.min else f"{first} to {last}"


def sources_part(ctx: RenderContext) -> Section:
    data, refs, cites = ctx.data, ctx.refs, ctx.cites
    docs = {d.doc_id: d for d in data.documents}
    first: dict[str, FindingItem] = {}  # a document's details when it has no row of its own
    for f in sorted(data.findings, key=lambda f: f.finding_id):
        first.setdefault(f.doc_id, f)
    lines = ["No findings cited."] if not refs else []
    start = data.period_start
    lines += [f"{n}. {_source_line(docs.get(doc_id), first.get(doc_id), start)}" for doc_id, n in refs.items()]
    if ctx.shown:
        lines += ["", "| Citation | Source | Ticker | Section | Speaker |", "|---|---|---|---|---|"]
        lines += [
            f"| [{cites[f.finding_id]}] | [{refs[f.doc_id]}] | {escape_markdown(f.ticker)} "
            f"| {escape_markdown(f.section or '—')} "
            f"| {escape_markdown(who_said(f) or '—')} |"
            for f in ctx.shown
        ]
    uncited = [d for d in data.documents if d.doc_id not in refs]
    if uncited:
        lines += ["", "Also reviewed, nothing cited:", ""]
        # by company, then date, as the tone table lists documents: an order a reader can scan
        by_date = sorted(uncited, key=lambda d: (d.ticker or "", d.filed_at or date.max, d.doc_id))
        lines += [f"- {_source_line(d, None, start)}" for d in by_date]
    return Section("sources", "Sources", "\n".join(lines))


def _source_line(doc: DocumentItem | None, f: FindingItem | None, period_start: date) -> str:
    """`TICKER FORM, filed DATE: title <url> (document id)` from the document row, else the finding."""
    if doc is not None:
        ticker, form, filed, title, url, doc_id = (doc.ticker, doc.form, doc.filed_at, doc.title, doc.url, doc.doc_id)
        stored, first = doc.dated_by_storage, doc.first_stored
    elif f is not None:
        ticker, form, filed, title, url, doc_id = (f.ticker, f.form, f.filed_at, f.doc_title, f.doc_url, f.doc_id)
        stored, first = f.dated_by_storage, f.first_stored
    else:  # pragma: no cover - callers pass one of them
        raise ValueError("a source needs a document or a finding")
    came = late(filed, first, period_start)
    label = " ".join(x for x in (ticker or "", doc_label(form, filed, dated_by_storage=stored, late=came)) if x)
    link = f"<{url}>" if url and URL.match(url) else escape_markdown(local_paths(url or "no address recorded"))
    head = escape_markdown(label + (f": {title}" if title else "")) if label or title else "document"
    return f"{head} {link} (document `{doc_id}`)"


def method_part(ctx: RenderContext) -> Section:
    return Section(
        "method",
        "Method",
        f"Flagging v{METHOD_VERSION}, no API key needed: documents are split into sentences; rules find each mention "
        "of a watched topic (phrases, patterns, follow-ups, look-alike exclusions) and judge its polarity from the "
        "company's standpoint (cues with negation, hedges and direction-of-metric words); for inventory, supply chain"
        " and geopolitics a learned second pass, trained on hand-labelled earnings calls (and, for supply-chain and "
        "geopolitical polarity, labelled filing sentences), re-decides mention and polarity; in a filing's risk "
        "factors a neutral inventory or supply-chain mention counts as a warning, since risk factors name risks, "
        "and so does one read as good news where the sentence supposes a harm (if ..., may not ..., unable to ...); "
        "elsewhere in a filing an inventory mention is read by its accounts (provisions recorded and harms that may "
        "come are warnings, releases of reserved stock good news, accounting policy neutral); and a table's row of "
        "figures, inventory named as one account in a list, or a supply-chain mention that only names stock's "
        "charges or liquidity, is never a finding. When an LLM is configured it "
        "re-reads each flag, and the candidates the offline pass left out or was unsure of, with the sentences around"
        " it and the question it answers; it may drop off-topic flags and add candidates, and those findings are "
        "stored with method rules+llm. Measured offline on six hand-labelled calls never trained on (precision / "
        "recall / polarity right): inventory 0.96 / 0.89 / 0.67, supply chain 0.92 / 0.77 / 0.79, geopolitics "
        "0.97 / 0.77 / 0.81; on " + FILING_MEASURED + " " + NEWS_MEASURED + " " + SURENESS + " "
        "A document belongs to the period of its event date (filing, call or publication date; the day it was first "
        "stored when the source gives none, and then the briefing says so), unless it is late: first stored after a "
        "briefing of that period was written by a run (or sent by watchdesk brief --deliver) on or after the "
        "period's last day, it counts from the day "
        f"after the latest period briefed before it was stored instead (when that is up to {LATE_DAYS} days after its "
        "date), marked \"(late: first stored …)\" where cited, so each document counts in one period. "
        "A sentence said again within a document "
        "counts once, where it is first said. Quotes are the stored sentences "
        "verbatim, with whitespace collapsed (in the Markdown file, Markdown characters escaped by a backslash); each "
        "[F-…] is the start of a finding_id in the store, and citations are checked by code against the stored text "
        "before the briefing is written or sent."
        + older_flagging(counted(ctx.data.findings))
        + llm_spent(ctx.data.llm_usage),
    )


def older_flagging(findings: Sequence[FindingItem]) -> str:
    """Findings made by another flagging version than this code's (stored before an upgrade, not re-flagged yet):
    the figures above are this version's, so say which findings they do not describe."""
    versions = Counter((f.method_version or "").split("+")[0] for f in findings)
    others = {v: n for v, n in versions.items() if v and v != METHOD_VERSION}
    if not others:
        return ""
    listed = ", ".join(f"v{v}: {n}" for v, n in sorted(others.items()))
    return (f" {sum(others.values())} of the {len(findings)} findings here were made by another flagging "
            f"version ({listed}) and are shown as it made them; the next `watchdesk run` re-flags their documents with "
            f"v{METHOD_VERSION}, whose figures these are.")


def llm_spent(usage: dict[str, float]) -> str:
    """What this run's LLM judge did and cost, when one was used, and what it left to the rules."""
    failed, fallback = int(usage.get("llm_requests_failed", 0)), int(usage.get("flags_fallback", 0))
    if not usage.get("llm_requests"):
        if not failed:
            return ""
        return (f" This run's LLM judge got no answer: its {plural(failed, 'request')} failed, so the offline verdicts "
                f"stand for its {plural(fallback, 'flag')}." + llm_unjudged(usage))
    cost = f", about ${usage['cost_usd']:.4f}" if "cost_usd" in usage else " (no price set: WATCHDESK_LLM_PRICE)"
    fell_back = (f" For {plural(fallback, 'flag')} the offline verdict stands"
                 + (f" ({plural(failed, 'request')} got no usable answer)." if failed else ".")) if fallback else ""
    return (
        f" This run's LLM judge made {int(usage['llm_requests'])} requests, {int(usage.get('input_tokens', 0))} "
        f"input and {int(usage.get('output_tokens', 0))} output tokens{cost}; it judged "
        f"{int(usage.get('flags_judged', 0))} flags and {int(usage.get('candidates_judged', 0))} candidates, dropped "
        f"{int(usage.get('flags_dropped', 0))} and added {int(usage.get('flags_added', 0))}."
        + fell_back + llm_unjudged(usage) + " " + LLM_MEASURED
    )


def llm_unjudged(usage: dict[str, float]) -> str:
    """The documents the judge gave no usable answer about: stored as the rules flagged them, judged by a later run."""
    unjudged = int(usage.get("documents_unjudged", 0))
    if not unjudged:
        return ""
    return (f" Rule-based findings (method rules) are stored for {plural(unjudged, 'document')} it gave no usable "
            "answer about; the next run with a working model judges them.")


# tests.labels.sureness risk, notes and other (pinned by tests/unit/test_filing_labels.py)
FILING_MEASURED = (
    "557 held-out 10-K risk-factor sentences: inventory 0.79 / 0.88 / 0.82, supply chain 0.80 / 0.79 / 0.89, "
    "geopolitics 0.96 / 0.81 / 0.88; on 163 further sentences of filings' notes, MD&A and Business: inventory "
    "0.76 / 1.00 / 0.77, supply chain 0.84 / 0.91 / 0.90 (both precisions after rules written having seen them); "
    "on 218 candidate sentences of 10-K Business items and a 20-F: supply chain 0.78 / 0.88 / 0.76, geopolitics "
    "1.00 / 0.90 / 0.89 (few mentions: 43 and 10). Both geopolitics figures, and that supply-chain polarity, include "
    "gains from rules written for near-copies of their sentences or sentences of the same filing, so they are not "
    "independent."
)
# tests.labels.news_topics held (pinned by tests/unit/test_news_topic_labels.py)
NEWS_MEASURED = (
    "On 100 news items (headline and summary, March 2026; the rules' writer had seen the headlines, not their "
    "labels): geopolitics 0.86 / 0.94 / 0.68, supply chain 0.80 / 0.33 / 1.00 (12 mentions); news supply-chain "
    "reading is weak."
)
# tests.labels.sureness test (pinned by tests/unit/test_flag_sureness.py)
SURENESS = (
    "A finding marked unsure is one the learned pass gave under 0.8 chance of being a mention, or under 0.7 to "
    "its polarity (unless a rubric rule settled it): on those calls 33% of the flags, polarity right "
    "0.56 / 0.70 / 0.71 against 0.69 / 0.84 / 0.83 for the rest (precision 0.90 / 0.77 / 0.78 against "
    "0.95 / 0.84 / 0.94), so read those before relying on them."
)


# tests/labels/llm_answers/README.md (pinned by tests/integration/test_llm_recorded_answers.py)
LLM_MEASURED = (
    "The judge's prompt, answered by a Claude-class model on those six hand-labelled calls: inventory "
    "0.96 / 0.91 / 0.90, supply chain 0.98 / 0.88 / 0.94, geopolitics 0.97 / 0.81 / 0.92 (other models unmeasured)."
)
