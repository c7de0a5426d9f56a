"""The headline's trend: the period's net tone per ticker and topic against what came before, like documents with
like. A call is compared with the latest earlier call that mentions the topic (13 to 14 weeks back, beyond the weeks
before the period), a 10-K or 10-Q with the latest earlier 10-K or 10-Q, another filing with the latest of its form,
news with the news of the weeks before; and the cell says which. Pure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from watchdesk.agents.briefing.model import BriefingInput, Earlier, FindingItem
from watchdesk.agents.briefing.period import TREND_WEEKS, Period
from watchdesk.agents.briefing.text import net_tone

STEADY = 0.10  # a change of net tone smaller than this reads as steady
Counts = tuple[int, int, int]  # mentions, positive, negative
_PLURAL = {"filing": "filings", "call": "calls", "news": "news"}
# filings compared with each other: a 10-Q's risk language with a 10-K's, not with an 8-K's press release
_FAMILIES = {"10-K": "10-K/10-Q", "10-Q": "10-K/10-Q", "10-KT": "10-K/10-Q", "20-F": "20-F/40-F", "40-F": "20-F/40-F"}
# what one and several documents of a kind are called
_NOUNS = {"call": ("call", "calls"), "10-K/10-Q": ("10-K or 10-Q", "10-Ks and 10-Qs"),
          "20-F/40-F": ("20-F or 40-F", "20-Fs and 40-Fs"), "filing": ("filing", "filings")}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Baseline:
    """What the period's documents of one kind are compared with: their mentions, and what they are in words."""

    counts: Counts
    said: str  # "the call of 2024-05-22", "the news of the 11 weeks before"
    since: str = ""  # "none in the 2 calls since": later documents of the kind that do not mention the topic


def like(kind: str | None, form: str | None) -> str | None:
    """The kind a document is compared as: call, news, 10-K/10-Q, 20-F/40-F, a filing's own form; None: not known."""
    if kind != "filing":
        return kind
    bare = (form or "").upper().removesuffix("/A")
    return _FAMILIES.get(bare, bare or "filing")


def earlier(mentions: Iterable[Mapping[str, Any]], documents: Iterable[Mapping[str, Any]]) -> list[Earlier]:
    """Per ticker, topic and kind (`like`): the latest day's mentions, from the rows of store.earlier's queries."""
    latest: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
    for row in mentions:
        rows = latest.setdefault((row["ticker"], row["topic"], str(like(row["kind"], row["form"]))), [])
        if rows and row["day"] > rows[0]["day"]:
            rows.clear()
        if not rows or row["day"] == rows[0]["day"]:
            rows.append(row)
    stored = Counter((d["ticker"], like(d["kind"], d["form"]), d["day"]) for d in documents)
    return [
        Earlier(ticker=ticker, topic=topic, like=kind, day=rows[0]["day"],
                forms=tuple(sorted({"call" if kind == "call" else r["form"] for r in rows})),
                mentions=sum(r["mentions"] for r in rows), positive=sum(r["positive"] for r in rows),
                negative=sum(r["negative"] for r in rows),
                since=sum(n for (t, k, day), n in stored.items() if (t, k) == (ticker, kind) and day > rows[0]["day"]))
        for (ticker, topic, kind), rows in latest.items()
    ]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trends:
    """The trend of each ticker and topic of a briefing: its previous net tone and direction."""

    data: BriefingInput
    weeks: dict[tuple[str, str], dict[str | None, Counts]]  # the weeks before the period, per kind of document
    before: dict[tuple[str, str], dict[str | None, Baseline]]  # what each kind of document is compared with

    @classmethod
    def of(cls, data: BriefingInput) -> Trends:
        weeks = _weeks_before(data)
        return cls(data, weeks, _baselines(data, weeks))

    def held(self, ticker: str, topic: str) -> int:
        """Mentions of the pair in the weeks before the period."""
        return _total(self.weeks.get((ticker, topic), {}).values())[0]

    def row(self, ticker: str, topic: str, items: Sequence[FindingItem]) -> tuple[str, str]:
        """(previous net tone, direction) of the pair's mentions `items` in the period."""
        held = _total(self.weeks.get((ticker, topic), {}).values())
        if items:
            return _trend(self.data, items, self.before.get((ticker, topic), {}), held=bool(held[0]))
        if not held[0]:
            return "—", "—"
        # nothing in the period to compare: the previous tone shown is that of the weeks before
        n = Period(self.data.period_start, self.data.period_end).baseline_weeks
        return f"{_tone(held):+.2f}", f"no new mentions (previous: the {n} weeks before)"


def _weeks_before(data: BriefingInput) -> dict[tuple[str, str], dict[str | None, Counts]]:
    """The weeks before the period, per ticker and topic, per kind of document."""
    sums: dict[tuple[str, str], dict[str | None, Counter[str]]] = {}
    weeks = data.before if data.before is not None else [w for w in data.history if w.week < data.period_start]
    for w in weeks:
        c = sums.setdefault((w.ticker, w.topic), {}).setdefault(w.kind, Counter())
        c.update(mentions=w.mentions, positive=w.positive, negative=w.negative)
    return {k: {kind: (c["mentions"], c["positive"], c["negative"]) for kind, c in per.items()}
            for k, per in sums.items()}  # fmt: skip


def _baselines(
    data: BriefingInput, weeks: Mapping[tuple[str, str], Mapping[str | None, Counts]]
) -> dict[tuple[str, str], dict[str | None, Baseline]]:
    """Per ticker and topic, per kind of document (`like`; the kind where data.earlier is None): what the period's
    mentions in documents of that kind are compared with (`weeks`: the weeks before, per kind)."""
    n = Period(data.period_start, data.period_end).baseline_weeks
    found: dict[tuple[str, str], dict[str | None, Baseline]] = {}
    for pair, per in weeks.items():
        for kind, counts in per.items():
            if counts[0] and (data.earlier is None or kind in {"news", None}):
                said = f"the {_PLURAL[kind]} of the {n} weeks before" if kind else f"the {n} weeks before"
                found.setdefault(pair, {})[kind] = Baseline(counts, said)
    for e in data.earlier or []:
        noun = _NOUNS.get(e.like, (e.like, f"{e.like}s"))
        since = f"none in the {noun[0] if e.since == 1 else f'{e.since} {noun[1]}'} since" if e.since else ""
        said = f"the {' and '.join(e.forms)} of {e.day.isoformat()}"
        found.setdefault((e.ticker, e.topic), {})[e.like] = Baseline((e.mentions, e.positive, e.negative), said, since)
    return found


def _trend(data: BriefingInput, current: Sequence[FindingItem], before: Mapping[str | None, Baseline], *,
          held: bool) -> tuple[str, str]:  # fmt: skip
    """(previous net tone, direction) of one ticker and topic's mentions in the period: those of each kind of document
    against `before`'s of that kind, saying what with, and with the two net tones of each kind where the period has
    several; `held`: whether the weeks before the period mention the pair at all."""
    parts: dict[str | None, list[FindingItem]] = {}
    for f in current:
        # an exhibit as its filing (an 8-K's EX-99.1 as an 8-K), as store.earlier reads the documents before
        parts.setdefault(like(f.kind, f.filed_as or f.form) if data.earlier is not None else f.kind, []).append(f)
    compared = [before[k].counts for k in parts if k in before]
    previous = f"{_tone(_total(compared)):+.2f}" if compared else "—"
    if len(parts) == 1:
        ((kind, items),) = parts.items()
        return previous, _direction(data, kind, items, before.get(kind), held=held, tones=False)
    kinds = sorted(parts, key=lambda k: (k != "call", k == "news", k is None, k or ""))
    said = [f"{_label(k, parts[k])}: {_direction(data, k, parts[k], before.get(k), held=held, tones=True)}"
            for k in kinds]  # fmt: skip
    return _previous(previous, [before.get(k) for k in kinds]), "; ".join(said)


def _previous(tone: str, bases: Sequence[Baseline | None]) -> str:
    """The previous net tone of a row whose period holds several kinds of document (`bases`: each kind's baseline, or
    None), saying what it is the tone of: every kind's baseline combined ("-0.31 (call of 2024-11-20 and 10-K of
    2024-02-21 combined)"), or those of the kinds that have one ("-0.34 (10-K of 2024-02-21 only)"); the Trend gives
    each kind's own."""
    names = [b.said.removeprefix("the ") for b in bases if b is not None]
    if not names:
        return tone
    named = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"{tone} ({named} {'only' if None in bases else 'combined'})"


def _direction(data: BriefingInput, kind: str | None, items: Sequence[FindingItem], base: Baseline | None, *,
               held: bool, tones: bool) -> str:  # fmt: skip
    if base is None and data.earlier is not None and kind not in {"news", None}:
        return f"no earlier {_NOUNS.get(kind, (kind, ''))[0]} mentions it"
    if base is None:
        n = Period(data.period_start, data.period_end).baseline_weeks
        of = "" if tones else f"the {_PLURAL.get(kind or '', 'documents')} of "  # in a cell of several, said before
        return f"none in {of}the {n} weeks before" if held else _first(data)
    now, was = net_tone(items), _tone(base.counts)
    word = "up ▲" if now - was >= STEADY else "down ▼" if now - was <= -STEADY else "steady"
    notes = [n for n in (base.since, f"{now:+.2f} against {was:+.2f}" if tones else "") if n]
    return f"{word} against {base.said}" + (f" ({'; '.join(notes)})" if notes else "")


def _first(data: BriefingInput) -> str:
    """The direction of a pair mentioned in the period and not in the weeks before it."""
    period = Period(data.period_start, data.period_end)
    if period.weeks < TREND_WEEKS:  # the baseline fills the rest of the trend window
        return f"first in {TREND_WEEKS} weeks"
    return f"none in the {period.baseline_weeks} weeks before"


def _label(kind: str | None, items: Sequence[FindingItem]) -> str:
    """What the period's documents of a kind are called in a cell of several: calls, news, 10-K and 10-Q, ..."""
    if kind in {"call", "news", "filing"}:
        return _PLURAL[str(kind)]
    return " and ".join(sorted({f.filed_as or f.form or "" for f in items})) if kind else "documents"


def _total(counts: Iterable[Counts]) -> Counts:
    rows = list(counts)
    return sum(c[0] for c in rows), sum(c[1] for c in rows), sum(c[2] for c in rows)


def _tone(counts: Counts) -> float:
    return (counts[1] - counts[2]) / counts[0] if counts[0] else 0.0
