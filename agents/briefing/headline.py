"""The first screen of a briefing: what is new this period per ticker and topic, the trend against the
previous weeks, the two or three most telling quotes, and what is missing. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from watchdesk.agents.briefing.coverage import FOLDERS_ONLY
from watchdesk.agents.briefing.model import BriefingInput, FindingItem, SourceRead
from watchdesk.agents.briefing.render import RenderContext, Section, finding_line, groups
from watchdesk.agents.briefing.text import (
    counted,
    escape_markdown,
    gaps_said,
    is_boilerplate,
    is_question,
    net_tone,
    plural,
    same_text,
    topic_label,
)
from watchdesk.agents.briefing.trend import Trends

HEADLINE_QUOTES = 3
# the headline table's columns: key, heading, Markdown alignment. The HTML knows a column by its key, never by its
# heading's words, so a heading can be reworded and a column left out without a phone's cards losing their order
COLUMNS = (("ticker", "Ticker", "---"), ("topic", "Topic", "---"), ("mentions", "New mentions", "---:"),
           ("warnings", "Warnings", "---:"), ("good", "Good news", "---:"), ("neutral", "Neutral", "---:"),
           ("tone", "Net tone", "---:"), ("previous", "Previous", "---:"), ("trend", "Trend", "---"))  # fmt: skip


def headline_quotes(data: BriefingInput, *, n: int = HEADLINE_QUOTES) -> list[FindingItem]:
    """The most telling quotes: company statements before questions and boilerplate, strong before weak,
    warnings and good news before neutral ones; spread over documents and ticker-topic pairs first; no repeats."""

    def rank(f: FindingItem) -> tuple[bool, bool, float, str]:
        plain = f.polarity not in {"negative", "positive"}
        return is_boilerplate(f) or is_question(f), plain, -abs(f.score), f.finding_id

    chosen: list[FindingItem] = []
    texts: set[str] = set()
    ranked = sorted(counted(data.findings), key=rank)
    for pass_ in (1, 2, 3):
        pairs, docs = {(f.ticker, f.topic) for f in chosen}, {f.doc_id for f in chosen}
        for f in ranked:
            if len(chosen) == n:
                return chosen
            repeat = (pass_ < 3 and (f.ticker, f.topic) in pairs) or (pass_ == 1 and f.doc_id in docs)
            if same_text(f.sentence) in texts or repeat:
                continue
            chosen.append(f)
            texts.add(same_text(f.sentence))
            pairs.add((f.ticker, f.topic))
            docs.add(f.doc_id)
    return chosen


def headline_part(ctx: RenderContext) -> Section:
    data = ctx.data
    trends = Trends.of(data)
    rows = [_row({k: heading for k, heading, _ in COLUMNS}), "|" + "|".join(align for _, _, align in COLUMNS) + "|"]
    for ticker, topic, items in groups(data):
        if not items and not trends.held(ticker, topic):
            continue
        c = Counter(f.polarity for f in items)
        prev, word = trends.row(ticker, topic, items)
        rows.append(_row({"ticker": escape_markdown(ticker), "topic": topic_label(topic), "mentions": len(items),
                          "warnings": c["negative"], "good": c["positive"],
                          "neutral": len(items) - c["negative"] - c["positive"],
                          "tone": f"{net_tone(items):+.2f}" if items else "—", "previous": prev, "trend": word}))
    if len(rows) == 2:
        rows.append(_row({"ticker": "—", "topic": "—", "mentions": 0, "warnings": 0, "good": 0, "neutral": 0,
                          "tone": "—", "previous": "—", "trend": "no mentions in this period or the weeks before"}))
    body = ["\n".join(rows), *one_company_lines(data), "", *_quotes(ctx), "", "**What is missing**", "",
            *missing_lines(data)]
    if not data.documents and not data.findings:
        body[:0] = ["**No new documents in this period** for any watched ticker; the table and the charts still show "
                    "the weeks before.", ""]  # fmt: skip
    title = f"What changed: {data.period_label or data.period_end.isoformat()}"
    return Section("headline", title, "\n".join(body), columns=tuple(k for k, _, _ in COLUMNS))


def _row(cells: dict[str, object]) -> str:
    """A Markdown table row of the headline: `cells` by column key, in COLUMNS' order."""
    return "| " + " | ".join(str(cells[k]) for k, _, _ in COLUMNS) + " |"


def _quotes(ctx: RenderContext) -> list[str]:
    quotes = headline_quotes(ctx.data)
    if not quotes:
        return ["**Most telling quotes:** none, no topic was mentioned in this period's documents."]
    lines = ["**Most telling quotes**", ""]
    for f in quotes:
        lines.append(f"- {escape_markdown(f.ticker)} · {topic_label(f.topic)}: " + finding_line(f, ctx)[2:])
    return lines


def missing_lines(data: BriefingInput) -> list[str]:
    """Tickers with no new documents (said as not known where a source was not read), tickers with documents but no
    mentions, failed steps, undated sources."""
    span = f"{data.period_start.isoformat()} to {data.period_end.isoformat()}"
    docs = Counter(d.ticker for d in data.documents) + Counter({f.ticker: 0 for f in data.findings})
    # stored but never read for the topics (a run whose approval edit left flagging out): no mentions are not known
    unflagged = Counter(d.ticker for d in data.documents if not d.flagged)
    called = {d.ticker for d in data.documents if d.form == "earnings call"}
    mentioned = {f.ticker for f in data.findings}
    read: dict[str, list[SourceRead]] = {}
    for r in data.read:
        read.setdefault(r.ticker, []).append(r)
    lines = []
    for ticker in data.tickers:
        sources = read.get(ticker, [])
        if ticker not in docs and ticker not in mentioned and (under := _same_company(ticker, data, docs.keys())):
            # its filings were stored once, by the step of the ticker that came first: not "nothing filed"
            lines.append(
                f"- {escape_markdown(ticker)}: the same company as {_and(under)} (CIK {data.ciks[ticker]}); its new "
                f"documents are listed under {_and(under)}."
            )
        elif ticker not in docs and ticker not in mentioned and _nothing_read(sources):
            unknown = [r for r in sources if r.why or r.none_read] or _every_source(ticker)
            quiet = [r for r in sources if r not in unknown]
            # each source's own reason (a step left out by an approval edit leaves no gap to see)
            ordered = sorted(unknown, key=lambda r: list(_VERB).index(r.source))  # as the verbs are
            why = "; ".join(w for r in ordered for w in r.why) or "its sources failed or were left out of the run"
            lines.append(
                f"- Nothing read for {escape_markdown(ticker)}: {why}, so whether anything was {_verbs(unknown)} "
                f"{span} is not known." + (f" Nothing was {_verbs(quiet)} in it." if quiet else "")
            )
        elif ticker not in docs and ticker not in mentioned and any(r.why for r in sources):
            lines.append(_not_known(ticker, sources, span))
        elif ticker not in docs and ticker not in mentioned:
            lines.append(
                f"- No new documents for {escape_markdown(ticker)} in this period (nothing "
                f"{_verbs(sources or _every_source(ticker))} {span}): this says nothing about mentions, there was "
                "nothing new to read."
            )
        elif ticker not in mentioned and not unflagged[ticker]:
            lines.append(
                f"- {escape_markdown(ticker)}: {plural(docs[ticker], 'new document')}, "
                "no mentions of the watched topics."
            )
        # new documents from one source say nothing of the others' unread days (a walkthrough, session 27: TSMC's
        # call in the week, its filings never looked at, and no line said so); a call found is more than "a folder
        # holds no call of those days" would say
        unread = [(r, [w for w in r.why if not (w == FOLDERS_ONLY and ticker in called)])
                  for r in sorted(sources, key=lambda r: list(_VERB).index(r.source))]  # fmt: skip
        if (ticker in docs or ticker in mentioned) and (unread := [(r, why) for r, why in unread if why]):
            whys = "; ".join(w for _, why in unread for w in why)
            lines.append(
                f"- {escape_markdown(ticker)}: beyond its new documents, whether anything was "
                f"{_verbs([r for r, _ in unread])} {span} is not known: {whys}."
            )
        if unflagged[ticker]:
            n = unflagged[ticker]
            lines.append(
                f"- {escape_markdown(ticker)}: {plural(n, 'document')} stored but not yet flagged (the run that "
                f"stored {'it' if n == 1 else 'them'} left flagging out), so {'its' if n == 1 else 'their'} mentions "
                f"are not in this briefing; the next run flags {'it' if n == 1 else 'them'}."
            )
    if data.gaps:
        lines.append(f"- {gaps_said(data.gaps)} could not be fetched or processed (see Gaps).")
    if undated := sum(d.dated_by_storage for d in data.documents):
        lines.append(undated_said(undated))
    return lines or ["- Nothing: every watched ticker has new documents and every source answered."]


def undated_said(n: int) -> str:
    """What is missing of `n` documents whose source gave no date: where they are placed instead."""
    it, its, was = ("it", "its", "is") if n == 1 else ("they", "their", "are")
    return (f"- {plural(n, 'document')} had no date from {its} source and {was} placed by the day {it} "
            f"{'was' if n == 1 else 'were'} first stored (in an --as-of run, its as-of day).")


_VERB = {"filings": "filed", "transcripts": "called", "news": "published"}


def one_company_lines(data: BriefingInput) -> list[str]:
    """Under the table: watched tickers of one company (GOOG and GOOGL, CIK 1652044) that both hold documents or
    mentions of the period, said to be one company, whose rows each count what was stored under that ticker."""
    held = {d.ticker for d in data.documents} | {f.ticker for f in data.findings}
    by_cik: dict[int, list[str]] = {}
    for ticker in data.tickers:
        if ticker in held and (cik := data.ciks.get(ticker)):
            by_cik.setdefault(cik, []).append(ticker)
    said = [f"{_and(tickers[:4])}{f' and {len(tickers) - 4} more' if len(tickers) > 4 else ''} are one company "
            f"(CIK {cik}): each row counts the documents stored under its ticker, each document once."
            for cik, tickers in by_cik.items() if len(tickers) > 1]  # fmt: skip
    return ["", *said] if said else []


def _same_company(ticker: str, data: BriefingInput, with_documents: Iterable[str | None]) -> list[str]:
    """The other watched tickers of `ticker`'s CIK (GOOG for GOOGL) that have documents in the period."""
    cik = data.ciks.get(ticker)
    return [t for t in data.tickers if t != ticker and cik and data.ciks.get(t) == cik and t in set(with_documents)]


def _and(tickers: Sequence[str]) -> str:
    return " and ".join(escape_markdown(t) for t in tickers)


def _every_source(ticker: str) -> list[SourceRead]:
    """Filings, calls and news, where what the ticker is watched on is not known (an input without them)."""
    return [SourceRead(ticker=ticker, source=s) for s in _VERB]


def _nothing_read(sources: Sequence[SourceRead]) -> bool:
    """No day of the period read of any of the ticker's own sources (its filings and calls; else its news), because a
    step failed or was left out, not only because the watchlist looks at other days."""
    own = [r for r in sources if r.source != "news"] or list(sources)
    return bool(own) and all(r.none_read for r in own) and any(r.failed for r in own)


def _not_known(ticker: str, sources: Sequence[SourceRead], span: str) -> str:
    """No documents for a ticker some of whose sources were not read on every day: which, and why."""
    unknown = sorted((r for r in sources if r.why), key=lambda r: list(_VERB).index(r.source))  # as the verbs are
    line = (f"- No new documents for {escape_markdown(ticker)} in this period, but whether anything was "
            f"{_verbs(unknown)} {span} is not known: {'; '.join(w for r in unknown for w in r.why)}.")  # fmt: skip
    quiet = [r for r in sources if not r.why]
    return line + (f" Nothing was {_verbs(quiet)} in it." if quiet else "")


def _verbs(sources: Sequence[SourceRead]) -> str:
    """ "filed, called or published", in that order, for the sources given."""
    said = [verb for source, verb in _VERB.items() if any(r.source == source for r in sources)]
    return " or ".join(said) if len(said) < 3 else f"{said[0]}, {said[1]} or {said[2]}"


def headline_text(data: BriefingInput, *, limit: int = 12) -> str:
    """The headline as a short plain message (Slack): one line per ticker and topic with new mentions."""
    trends = Trends.of(data)
    lines = [f"*watchdesk: {data.watchlist_name}, {data.period_label or data.period_end.isoformat()}*"]
    rows = [(t, p, items) for t, p, items in groups(data) if items]
    for ticker, topic, items in rows[:limit]:
        c = Counter(f.polarity for f in items)
        _, word = trends.row(ticker, topic, items)
        lines.append(
            f"{ticker} · {topic_label(topic)}: {plural(len(items), 'new mention')} ({c['negative']} warnings, "
            f"{c['positive']} good news), net {net_tone(items):+.2f}, trend {word}"
        )
    if not rows:
        lines.append("No new mentions of the watched topics in this period.")
    missing = [line for line in missing_lines(data) if not line.startswith("- Nothing:")]  # not "Nothing read"
    lines += [line.removeprefix("- ").replace("\\", "") for line in missing]
    return "\n".join(lines)
