"""What a briefing may say was read, and which gaps it lists, from what the store keeps of the watchlist's runs:
their plans and the gaps they recorded.

Never from a run's live state: `watchdesk brief` writes a period again from the store alone, and a briefing of the
same data must say the same as the run's own. Per ticker and source, the days read are those of a step that ran
without failing: a filings step its window (filings.since/until/lookback) less the days an older listing page that
could not be read would have listed; a calls step every day up to its run (unless no source of the chain answered);
the news step its window's start up to its run; each less the days the watchlist's own limits left unread (read
cuts, migrations 017, 018: a filings step's limit_per_form and the 6-Ks of kinds it does not read), which are no
gaps. An absence of documents says "nothing filed" only for days read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from watchdesk.agents.briefing.model import SourceRead
from watchdesk.agents.briefing.spans import Span, merged, minus, overlaps, said
from watchdesk.agents.briefing.text import plural
from watchdesk.sources.redact import redact_text
from watchdesk.store.queries import LATE_DAYS

Row = Mapping[str, Any]
AGENTS = {"edgar": "filings", "transcripts": "transcripts", "news": "news"}  # a watchlist's source -> its step
# how a source is said: (its noun, "were"/"was", what a step does to its days)
_SAID = {"filings": ("its filings", "were", "listed"), "transcripts": ("its calls", "were", "read"),
         "news": ("news on it", "was", "read")}  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class Gap:
    row: Row  # as queries.run_gaps reads it
    kind: str  # "step": a step that failed or was refused; "source": one that read nothing of some days; "item"
    days: Span  # the days it leaves unread
    dated: bool  # its days are recorded (or its filing's), not taken from its step's window


@dataclass(frozen=True, kw_only=True)
class Run:
    run_id: str
    day: date  # the day it ran: nothing after it was read
    plan: Sequence[Row]
    gaps: Sequence[Gap] = ()
    cuts: Sequence[Row] = ()  # days its steps chose not to read (queries.run_read_cuts rows): no gaps


def runs_from(runs: Sequence[Row], gaps: Sequence[Row], cuts: Sequence[Row] = ()) -> list[Run]:
    """Runs (queries.watchlist_runs rows) with their gaps (queries.run_gaps rows), each gap's kind and days told,
    and their read cuts (queries.run_read_cuts rows)."""
    out = []
    for row in runs:
        run = Run(run_id=row["run_id"], day=row["day"], plan=row["plan"],
                  cuts=[c for c in cuts if c["run_id"] == row["run_id"]])  # fmt: skip
        mine = [g for g in gaps if g["run_id"] == run.run_id]
        out.append(replace(run, gaps=[Gap(row=g, kind=_kind(g, run), days=_days(g, run),
                                          dated=g["unread_to"] is not None) for g in mine]))  # fmt: skip
    return out


def ciks(runs: Sequence[Run]) -> dict[str, int]:
    """Each ticker's CIK as the runs' filings and news steps name it (a plan stored before filings steps named theirs
    gives its news step's)."""
    named: dict[str, int] = {}
    for run in runs:
        for step in run.plan:
            params = step.get("params", {})
            news = params.get("tickers", []) if step["agent"] == "news" else []
            pairs = [(t.get("symbol"), t.get("cik")) for t in news]
            pairs += [(params.get("ticker"), params.get("cik"))] if step["agent"] == "filings" else []
            named.update((ticker, cik) for ticker, cik in pairs if ticker and cik)
    return named


def step_of(run: Run, agent: str, ticker: str | None) -> Row | None:
    """The run's step reading `agent`'s source for `ticker` (the one news step reads every ticker it names), or the
    agent's one step (flagging, briefing) for no ticker."""
    step_id = agent if agent == "news" or ticker is None else f"{agent}:{ticker}"
    step = next((s for s in run.plan if s["id"] == step_id), None)
    if step is not None and agent == "news" and ticker is not None:
        return step if ticker in {t["symbol"] for t in step["params"].get("tickers", [])} else None
    return step


def window(step: Row, run: Run) -> Span:
    """The days a step looks at: a filings step its window; calls every day up to the run; news from its start."""
    params = step["params"]
    if step["agent"] == "filings":
        return date.fromisoformat(params["since"]), date.fromisoformat(params["until"])
    since = date.fromisoformat(params["since"]) if step["agent"] == "news" else date.min
    return since, run.day


def _kind(gap: Row, run: Run) -> str:
    # a step that failed or was refused records a gap naming the step's own target (graph.nodes.failed, the
    # supervisor's refusal); a step that ran names in its gaps what it missed
    if any((s["agent"], redact_text(s["target"])) == (gap["agent"], gap["target"]) for s in run.plan):
        return "step"
    if gap["agent"] == "filings" and gap["target"].startswith("older filings of CIK "):
        return "source"  # an older listing page: the filings before the oldest listed
    if gap["agent"] == "transcripts" and gap["reason"].startswith("no earnings call found"):
        return "source"  # no source of the call chain answered
    return "source" if (gap["agent"], gap["target"]) == ("news", "news feeds") else "item"


def _days(gap: Row, run: Run) -> Span:
    """As recorded, else the window of the step it concerns (every day up to its run when there is none)."""
    step = step_of(run, gap["agent"], gap["ticker"]) or next((s for s in run.plan if s["agent"] == gap["agent"]), None)
    first, last = window(step, run) if step else (date.min, run.day)
    return gap["unread_from"] or first, gap["unread_to"] or last


def _concerns(gap: Gap, agent: str, ticker: str | None) -> bool:
    return gap.row["agent"] == agent and gap.row["ticker"] in (ticker, None)


def read_days(runs: Sequence[Run], agent: str, ticker: str | None) -> tuple[list[Span], list[Span]]:
    """(days read, days looked at) of one ticker's source, over the runs."""
    read: list[Span] = []
    looked: list[Span] = []
    for run in runs:
        step = step_of(run, agent, ticker)
        if step is None:
            continue
        looked.append(window(step, run))
        gaps = [g for g in run.gaps if _concerns(g, agent, ticker) and g.kind != "item"]
        if not any(g.kind == "step" for g in gaps):
            read += minus([window(step, run)], [g.days for g in gaps] + [_cut(c) for c in _cuts(run, agent, ticker)])
    return merged(read), merged(looked)


def _cuts(run: Run, agent: str, ticker: str | None) -> list[Row]:
    return [c for c in run.cuts if c["agent"] == agent and c["ticker"] == ticker]


def _cut(row: Row) -> Span:
    return row["unread_from"], row["unread_to"]


def held(runs: Sequence[Run], *, period: Span) -> list[Gap]:
    """The gaps that still leave something of the period unread, of every run given (oldest first), the latest of
    each target. A failed step, an older listing page, a call chain or the news feeds that did not answer: while
    some of its days in the period were read by no run. Anything else (a filing, a comparison, a document's
    flagging, one transcript or feed): when it concerns the period (its days, or, recorded by a run of a day in the
    period, up to LATE_DAYS before it: what it names, stored later, would be late into a period after one briefed
    before, as a weekly run's is) and what it names was not done since (the filing stored, the comparison made, the
    document flagged; where the store cannot tell, until a later run ran its step). A gap is no count: where no
    briefing of its days was written before, the document would count by its date instead, and the gap is listed in
    both periods, which errs toward saying more; it reads no briefings' closes (store/queries.LATE_DAYS_OF) for that."""
    kept: dict[tuple[str, str], Gap] = {}
    missed: dict[tuple[str, str | None], list[Span]] = {}
    for n, run in enumerate(runs):
        for gap in run.gaps:
            agent, ticker = gap.row["agent"], gap.row["ticker"]
            if gap.kind != "item" and agent in _SAID:
                if (agent, ticker) not in missed:
                    missed[agent, ticker] = minus([period], read_days(runs, agent, ticker)[0])
                holds = overlaps(gap.days, missed[agent, ticker])
            else:
                holds = _concerns_period(gap, period, run=run) and not _done_since(gap, runs[n + 1 :])
            if holds:
                kept[agent, gap.row["target"]] = gap
    return list(kept.values())


def _concerns_period(gap: Gap, period: Span, *, run: Run) -> bool:
    """Its days overlap the period, or it names something of up to LATE_DAYS before it and its run's day (the last
    of the period that run briefs: its --as-of day, else the UTC day it started) is in it. By the day the gap was
    recorded, a run that started before midnight UTC and failed after it, or a run --as-of a past day, had its gap
    in the briefing of another period than its own (periods45, session 45)."""
    start, end = period
    late = start - timedelta(days=LATE_DAYS) <= gap.days[1] and start <= run.day <= end
    return overlaps(gap.days, [period]) or late


def _done_since(gap: Gap, later: Sequence[Run]) -> bool:
    if gap.row["done_since"] is not None:
        return bool(gap.row["done_since"])
    steps = [(run, step_of(run, gap.row["agent"], gap.row["ticker"])) for run in later]
    return any(step is not None and not _failed(run, step) for run, step in steps)


def _failed(run: Run, step: Row) -> bool:
    return any(g.kind == "step" and (g.row["agent"], g.row["target"]) == (step["agent"], redact_text(step["target"]))
               for g in run.gaps)  # fmt: skip


def sources_read(
    runs: Sequence[Run],
    *,
    tickers: Sequence[str],
    sources: Mapping[str, Sequence[str]],
    period: Span,
    gaps: Sequence[Gap],
) -> list[SourceRead]:
    """How much of the period the runs read of each ticker's sources (`sources`: the watchlist's, per ticker); `gaps`:
    those that hold (held)."""
    out = []
    for ticker in tickers:
        for agent in dict.fromkeys(AGENTS[s] for s in sources.get(ticker, ()) if s in AGENTS):
            read, looked = read_days(runs, agent, ticker)
            missed = minus([period], read)
            # a comparison that failed leaves no filing unread: the filing itself was stored
            found = [g for g in gaps if _concerns(g, agent, ticker) and overlaps(g.days, [period])
                     and not g.row["target"].startswith("compare ")]  # fmt: skip
            why = _why(agent, found, unlooked=minus(missed, looked), looked=looked, period=period)
            # the watchlist's limits, where no run read their days: said, but no failure
            why += dict.fromkeys(f"the runs {c['reason']}" for run in runs for c in _cuts(run, agent, ticker)
                                 if overlaps(_cut(c), missed))  # fmt: skip
            if agent == "transcripts" and any(overlaps(r, [period]) for r in read) and _folders_only(runs, ticker):
                why.append(FOLDERS_ONLY)
            out.append(SourceRead(ticker=ticker, source=agent, why=tuple(why), none_read=missed == [period],
                                  failed=bool(found) or not looked))  # fmt: skip
    return out


# A folder holds the calls someone put in it: no call in it is no proof that none was held (a listing or a feed says
# what was published; a folder does not)
FOLDERS_ONLY = "its calls are read from local folders only, which hold no call of those days"


def _folders_only(runs: Sequence[Run], ticker: str) -> bool:
    """Every run that read the ticker's calls read them from local folders alone."""
    steps = [step for run in runs if (step := step_of(run, "transcripts", ticker)) is not None]
    return bool(steps) and all(source.get("kind") == "folder" for step in steps
                               for source in step["params"].get("chain", [{}]))  # fmt: skip


def _why(agent: str, found: Sequence[Gap], *, unlooked: list[Span], looked: list[Span], period: Span) -> list[str]:
    """What left days of a source unread, said for the reader: its gaps (with the days they concern, where known),
    then the days no run looked at."""
    noun, be, done = _SAID[agent]
    gaps = []
    for gap in (g for g in found if g.kind != "item"):
        if agent == "filings" and gap.kind == "source":
            gaps.append(f"{noun} before {gap.days[1] + timedelta(days=1)} were not listed")
        elif agent != "filings":  # "news on it dated 2026-03-02 to 2026-03-08 could not be read"
            gaps.append(f"{noun}{_on_days([gap], period)} could not be {done}")
        else:
            gaps.append(f"{noun} could not be {done}")
    items = [g for g in found if g.kind == "item"]
    if items and agent == "filings":
        dated = " dated in this period" if all(g.dated for g in items) else ""
        gaps.append(f"{plural(len(items), 'filing')} of it{dated} could not be fetched")
    elif items:  # "its calls dated 2026-03-04 were not all read"
        gaps.append(f"{noun}{_on_days(items, period)} {be} not all {done}")
    why = ["; ".join(dict.fromkeys(gaps)) + " (see Gaps)"] if gaps else []
    if unlooked and looked:  # said of what the runs looked at, whether they read it or failed
        scope = " (the watchlist's filing window)" if agent == "filings" else ""
        why.append(f"the runs looked at {noun} {said(looked)} only{scope}")
    elif unlooked:
        why.append(f"{noun} {be} left out of the run")
    return why


def _on_days(gaps: Sequence[Gap], period: Span) -> str:
    """ " dated 2026-03-04", " dated 2026-03-02 to 2026-03-08": the days of the period the gaps concern (their own, for
    one recorded just after its days), "" when some gap's days are not known (a call chain's: every day up to its
    run)."""
    if any(g.days[0] == date.min for g in gaps):
        return ""
    start, end = period
    days = merged((max(first, start), min(last, end)) if overlaps(g.days, [period]) else g.days
                  for g in gaps for first, last in [g.days])  # fmt: skip
    return " dated " + " and ".join(str(first) if first == last else f"{first} to {last}" for first, last in days)
