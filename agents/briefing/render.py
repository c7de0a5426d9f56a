"""Markdown rendering of a briefing. Pure: same input, same text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from watchdesk.agents.briefing.model import BriefingInput, DocumentItem, FindingItem, GapItem

TOP_PER_TOPIC = 5
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def cite(finding_id: str) -> str:
    return f"F-{finding_id[:8]}"


def quote(text: str) -> str:
    """A verbatim sentence made safe to embed: Markdown control characters escaped, one line."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(data: BriefingInput) -> str:
    refs = _reference_numbers(data)
    parts = [
        f"# {data.title}",
        f"Period {data.period_start:%Y-%m-%d} to {data.period_end:%Y-%m-%d} · tickers {', '.join(data.tickers)}"
        f" · topics {', '.join(data.topics)} · run `{data.run_id}`",
        _summary(data),
        *(_ticker_section(t, [f for f in data.findings if f.ticker == t], refs) for t in data.tickers),
        _gaps(data.gaps),
        _sources(data, refs),
        _method(),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _reference_numbers(data: BriefingInput) -> dict[str, int]:
    cited = {f.doc_id for f in data.findings}
    docs = [d for d in data.documents if d.doc_id in cited]
    known = {d.doc_id for d in docs}
    order = [d.doc_id for d in docs] + sorted({f.doc_id for f in data.findings} - known)
    return {doc_id: i for i, doc_id in enumerate(order, 1)}


def _summary(data: BriefingInput) -> str:
    if not data.findings:
        return "## Summary\n\nNo mentions of the watched topics in the documents of this period."
    rows = [
        "| ticker | topic | mentions | warnings | good news | neutral | net tone |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    groups: dict[tuple[str, str], list[FindingItem]] = defaultdict(list)
    for f in data.findings:
        groups[(f.ticker, f.topic)].append(f)
    for (ticker, topic), items in sorted(groups.items()):
        neg, pos = _count(items, "negative"), _count(items, "positive")
        tone = sum(f.score for f in items) / len(items)
        rows.append(f"| {ticker} | {topic} | {len(items)} | {neg} | {pos} | {len(items) - neg - pos} | {tone:+.2f} |")
    return "## Summary\n\n" + "\n".join(rows)


def _count(items: Iterable[FindingItem], polarity: str) -> int:
    return sum(1 for f in items if f.polarity == polarity)


def _ticker_section(ticker: str, findings: list[FindingItem], refs: dict[str, int]) -> str:
    if not findings:
        return f"## {ticker}\n\nNo mentions of the watched topics this period."
    lines = [f"## {ticker}: {findings[0].company}"]
    by_topic: dict[str, list[FindingItem]] = defaultdict(list)
    for f in findings:
        by_topic[f.topic].append(f)
    for topic in sorted(by_topic):
        items = by_topic[topic]
        lines.append(f"\n### {topic} ({len(items)} mentions)\n")
        lines += [_finding_line(f, refs) for f in _top(items)]
        if len(items) > TOP_PER_TOPIC:
            lines.append(f"- … and {len(items) - TOP_PER_TOPIC} more in the store (table `findings`).")
    return "\n".join(lines)


def _top(items: list[FindingItem]) -> list[FindingItem]:
    """Warnings first (most negative first), then good news (most positive first), then the rest."""
    neg = sorted((f for f in items if f.polarity == "negative"), key=lambda f: (f.score, f.finding_id))
    pos = sorted((f for f in items if f.polarity == "positive"), key=lambda f: (-f.score, f.finding_id))
    rest = sorted((f for f in items if f.polarity not in {"negative", "positive"}), key=lambda f: f.finding_id)
    return (neg + pos + rest)[:TOP_PER_TOPIC]


def _finding_line(f: FindingItem, refs: dict[str, int]) -> str:
    label = {"negative": "warning", "positive": "good news"}.get(f.polarity, "neutral")
    where = ", ".join(x for x in (f.form, f.section, f.speaker) if x)
    return f"- **{label}** ({f.score:+.2f}) “{quote(f.sentence)}” [{cite(f.finding_id)}][{refs[f.doc_id]}] {where}"


def _gaps(gaps: list[GapItem]) -> str:
    if not gaps:
        return "## Gaps\n\nNone: every planned source answered."
    lines = ["## Gaps\n", "What this run could not get; the findings above do not cover it."]
    lines += [f"- **{g.ticker or '-'}** ({g.agent}) {quote(g.target)}: {quote(g.reason)}" for g in gaps]
    return "\n".join(lines)


def _sources(data: BriefingInput, refs: dict[str, int]) -> str:
    if not refs:
        return ""
    docs = {d.doc_id: d for d in data.documents}
    fallback = {f.doc_id: f for f in data.findings}
    lines = ["## Sources\n"]
    for doc_id, n in sorted(refs.items(), key=lambda kv: kv[1]):
        lines.append(f"[{n}]: {_doc_line(docs.get(doc_id), fallback[doc_id])}")
    lines.append("\nCitations: each [F-…] is a row of table `findings` (first 8 characters of `finding_id`).")
    return "\n".join(lines)


def _doc_line(doc: DocumentItem | None, f: FindingItem) -> str:
    url = doc.url if doc else f.doc_url
    title = (doc.title if doc else f.doc_title) or url
    filed = doc.filed_at if doc else f.filed_at
    # A reference definition: `[n]: url "title"`, so [F-…][n] renders as a link in any Markdown viewer.
    label = " ".join(title.replace('"', "'").split()) + (f", filed {filed:%Y-%m-%d}" if filed else "")
    return f'{url} "{label}"'


def _method() -> str:
    return (
        "## Method\n\nDeterministic topic rules and polarity cues (no LLM). Every quote above is checked by code "
        "against the stored document text at its offsets before this briefing is written."
    )
