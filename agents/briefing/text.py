"""Text helpers every briefing part shares: escaping, labels, citation ids, ranking signals. Pure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from watchdesk.agents.briefing.model import FindingItem, GapItem
from watchdesk.sources.exhibit_kinds import exhibit_said
from watchdesk.sources.redact import printable
from watchdesk.store.asked import ASKING, passes_on

SHORT_ID_LEN = 8
ORDER = {"negative": 0, "positive": 1}  # warnings first, then good news, then the rest
# Markdown's characters, each backslash-escaped by a table (str.translate: a regular expression's substitution
# called Python for every match, 10 µs a cell of the benchmark's "~"-suffixed ids), and the "&" of an entity
# ("&#x202E;"), escaped after them: the characters an entity is made of are none of them.
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|$~"})
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Standing text that repeats every filing: risk factors, financial statements and their audit, controls, exhibits,
# and the yearly account of how cybersecurity risk is managed (a 10-K's Item 1C, a 20-F's 16K or 16.K: required for
# fiscal years ending from 15 December 2023); a 20-F's statements are its Items 17 and 18 and its exhibits Item 19. It
# still counts; it just yields the top slots to what is new. An 8-K's or 6-K's EX-99 exhibit ("EX-99.1 ...") is not in
# it: a press release is the news itself, as is an 8-K's Item 1.05 (a cybersecurity incident), or any 8-K item: an
# item followed by ".digit" is one ("8.01 Other Events" is no Item 8). A 6-K has no items: the press releases it lists
# are numbered 1, 2, ... (sources/filing_items.py), so its 8th or 15th is news like the first.
_BOILERPLATE_SECTIONS = re.compile(r"^(1A|1C|II-1A|3\.D|8|I-1|9A|I-4|15|16\.?K|17|18|19|II-6)\b(?!\.\d)")
_BOILERPLATE_TEXT = re.compile(
    r"critical audit matter|could adversely affect|may adversely affect|forward-looking statements", re.IGNORECASE
)


def escape_markdown(text: str) -> str:
    """Text on one line with Markdown control characters backslash-escaped; words are unchanged. Control characters
    (a bidi override would reverse the citation and date after a quote) are shown as escapes ("\\u202e"), which
    Markdown keeps as written: a backslash before a letter escapes nothing."""
    escaped = " ".join(text.split()).translate(_MD_ESCAPES)
    return printable(_ENTITY.sub(r"\\&", escaped) if "&" in escaped else escaped)


def topic_label(topic: str) -> str:
    """A topic name for readers: "supply_chain" -> "Supply chain", "ai_demand" -> "AI demand"."""
    words = [w.upper() if len(w) <= 2 else w for w in topic.split("_") if w]
    if not words:
        return topic
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def citation_ids(findings: Iterable[FindingItem]) -> dict[str, str]:
    """Citation label per finding id: "F-" and the shortest prefix (8 or more) unique in the briefing."""
    ids = sorted({f.finding_id for f in findings})
    length = SHORT_ID_LEN
    while len({i[:length] for i in ids}) < len(ids):
        length += 1
    return {i: f"F-{i[:length]}" for i in ids}


def net_tone(findings: Sequence[FindingItem]) -> float:
    """(good news - warnings) / mentions, in [-1, 1]; 0 without mentions."""
    counts = Counter(f.polarity for f in findings)
    return (counts["positive"] - counts["negative"]) / len(findings) if findings else 0.0


def is_boilerplate(f: FindingItem) -> bool:
    """True for findings in standing risk-factor, audit, statement or cybersecurity-item text rather than news."""
    numbered = not (f.filed_as or f.form or "").upper().startswith("6-K")  # a 6-K's numbers count its releases
    return bool((numbered and _BOILERPLATE_SECTIONS.match(f.section or "")) or _BOILERPLATE_TEXT.search(f.sentence))


def passes_on_question(f: FindingItem) -> bool:
    """Said on the company's side of Q&A, but passing on an analyst's question (investor relations relaying it): the
    sentence itself relays one, or the turn it is in opens by relaying one."""
    return passes_on(section=f.section, speaker_kind=f.speaker_kind, sentence=f.sentence, relayed=f.relayed)


def is_question(f: FindingItem) -> bool:
    """An analyst's question (or an operator's line, or one relayed by investor relations) says what was asked,
    not what the company said."""
    return f.speaker_kind in ASKING or f.sentence.rstrip().endswith("?") or passes_on_question(f)


def same_text(sentence: str) -> str:
    """A sentence whitespace and case aside, as store/queries.py's SAME_SENTENCE reads it."""
    return " ".join(sentence.split()).lower()


def counted(findings: Sequence[FindingItem]) -> list[FindingItem]:
    """The findings a briefing counts: a sentence said again in its document (FindingItem.said_again) once."""
    return [f for f in findings if not f.said_again]


def signed_score(score: float) -> str:
    """A finding's score as a briefing quotes it, signed with two decimals: "+0.83", "-0.97", "+0.00" (never
    "-0.00")."""
    return f"{score if round(score, 2) else 0.0:+.2f}"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# An absolute local path (POSIX, ~/ or a Windows drive) of three or more parts, not inside a URL
_LOCAL_PATH = re.compile(r"(?<![\w:/.~])(?:~|[A-Za-z]:)?[/\\](?:[^\s/\\:]+[/\\]){2,}[^\s/\\:]+")


def local_paths(text: str) -> str:
    """Local paths cut to their last folder and name ("/home/ana/calls/nvda/q1.txt" -> "…/nvda/q1.txt"): a briefing
    goes out by e-mail or chat, where the sender's folders are of no use and say more than they should; the store
    keeps the full path under the document id."""
    return _LOCAL_PATH.sub(lambda m: "…/" + "/".join(re.split(r"[/\\]", m.group())[-2:]), text)


_MIDDLE_INITIALS = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+[A-Z]\.)+\s+(?=[A-Z][\w'’-]{1,})")


def speaker_name(name: str) -> str:
    """A speaker as one name across calls: middle initials dropped ("Colette M. Kress" -> "Colette Kress", as
    other transcripts of the same calls write her)."""
    return _MIDDLE_INITIALS.sub(r"\1 ", name)


def gaps_said(gaps: Sequence[GapItem]) -> str:
    """How many gaps, said as targets in planned steps ("8 targets in 4 planned steps"): a gap is one target a step
    could not fetch or process, and one step (an agent's work for one ticker) can leave several."""
    steps = len({(g.ticker, g.agent) for g in gaps})
    return f"{plural(len(gaps), 'target')} in {plural(steps, 'planned step')}"


def doc_label(
    form: str | None, filed_at: date | None, *, dated_by_storage: bool = False, late: datetime | None = None
) -> str:
    """"10-Q, filed 2026-03-04", "EX-10.1 (material contract), filed 2026-03-06"; `late`: when a document dated
    before the briefing's period was first stored, in the period (it came after its own period was briefed): its day,
    and on its own date the time too (UTC, minutes), so "filed 2026-03-09 (late: first stored 2026-03-09 20:00 UTC)"
    says why a document of that day came late."""
    verb = ("first stored" if dated_by_storage else "held" if form in {"earnings call", "transcript"}
            else "published" if (form or "").startswith("news") else "filed")  # fmt: skip
    parts = [exhibit_said(form or ""), f"{verb} {filed_at.isoformat()}" if filed_at else ""]
    label = ", ".join(p for p in parts if p)
    if late is None:
        return label
    when = f"{late:%Y-%m-%d %H:%M} UTC" if late.date() == filed_at else late.date().isoformat()
    return f"{label} (late: first stored {when})"


def late(filed_at: date | None, first_stored: datetime | None, period_start: date) -> datetime | None:
    """When a document of the period dated before `period_start` was first stored: it counts there only late
    (store/queries.PERIOD_DAY), first stored after its own period was briefed, which may be on its own date."""
    if filed_at and first_stored and filed_at < period_start and filed_at <= first_stored.date():
        return first_stored
    return None


def ordered(preferred: Sequence[str], present: Iterable[str]) -> list[str]:
    """The watchlist's order first, then anything else that turned up, sorted."""
    extra = sorted(set(present) - set(preferred))
    return list(dict.fromkeys(preferred)) + extra
