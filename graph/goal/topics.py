"""What to flag: topic phrases mapped to the shipped topic library; a phrase that maps to nothing becomes a
custom topic that flags that phrase."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from watchdesk.graph.goal.spelling import english_slip
from watchdesk.graph.goal.text import Notes, Text, fold
from watchdesk.graph.goal.unsaid import PERIOD
from watchdesk.graph.goal.words import ACRONYMS, common_words, words
from watchdesk.graph.watchlist import CustomTopic

# A topic clause starts after one of these and runs to the end of its sentence.
_TRIGGER = re.compile(
    r"\b(?:flag(?:ging)?|highlight|watch(?:ing)? for|look(?:ing)? (?:out )?for|alert me (?:to|about|on)|"
    r"focus(?:ing)? on|"
    r"mentions? of|talk of|comments? (?:on|about)|commentary (?:on|about)|discussion of|anything (?:about|on)|"
    r"related to|regarding|about|topics?|keep an eye on|signs of|on|for)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:[,;:/|]|\band\b|\bor\b|\bas well as\b|\bplus\b|\bincluding\b|\&)\s*", re.IGNORECASE)
_FILLER = re.compile(
    r"^(?:(?:any|all|also|the|their|its|potential|possible|new|mentions?|of|on|about|around|in|to|for|any|"
    r"comments?|commentary|discussion|talk|signs?|updates?|changes?|news|related|regarding|"
    # "the group's NII", "the bank's deposit costs": whose it is, said by the companies already
    r"(?:group|company|companies|firm|firms|bank|banks|business|lender|lenders|issuer|insurer|carrier|airline)['’]s?)"
    r"\s+)+",
    re.IGNORECASE,
)
# a topic clause ends with its sentence, or where a purpose clause begins ("..., so I know", "so that we can act")
_END = re.compile(r"[.!?\n]|\bso (?:that )?(?:i|we|you|they|he|she)\b", re.IGNORECASE)
CompanyLike = Callable[[str, int, int], bool]  # (phrase, start, end) -> is it rather an unresolved company?
_TRAILING = words("in at from for of on by with to the their its our across")
# Words that are never a topic on their own (a part made only of these is no custom topic).
_NOT_TOPIC = _TRAILING | words(
    "a an any all and or me us them it this that these those my your risk risks mention mentions comment "
    "comments commentary news update updates change changes sign signs please also weekly daily each every "
    "week day month quarter year next summary digest report sentiment company companies filing filings call "
    "calls transcript transcripts monitor track watch flag summarize summarise send email anything everything "
    "things stuff issue issues related etc other more what how when where why whether "
    "us usa eu uk europe asia america americas china japan korea taiwan india emea apac region regions global "
    "team teams desk colleagues group boss manager"
)

_SPEAKERS = words("management executives executive ceo cfo leadership analysts")
_SAYS = re.compile(r"\s+(?:commentary|comments?|remarks|discussion|talk|tone)\b", re.IGNORECASE)


@dataclass
class TopicsFound:
    watch: list[str] = field(default_factory=list)
    custom: list[CustomTopic] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # shipped topics a negation named ("but not tariffs")


@cache
def keyword_table() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """goal_topics.toml: analyst phrasings -> shipped topic names."""
    raw = tomllib.loads((resources.files("watchdesk.graph.goal") / "goal_topics.toml").read_text(encoding="utf-8"))
    table = []
    for name, spec in raw["topics"].items():
        for pattern in spec["patterns"]:
            table.append((re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), (*spec.get("also", ()), name)))
    return tuple(sorted(table, key=lambda row: -len(row[0].pattern)))  # "gross margins" before "margins"


def find_topics(
    text: Text, notes: Notes, *, company_like: CompanyLike, sharing: Mapping[int, tuple[int, int]] | None = None
) -> TopicsFound:
    """`company_like(phrase, start, end)` keeps a misspelt or unknown company ("Nvidiaa", "Acme" in a list of
    companies) from becoming a topic: it is reported instead. `sharing`: by where a name named as context ends, the
    words it qualifies with the names after it ("Llama" in "Llama and Robotaxi demand": demand)."""
    found = TopicsFound()
    # Parts are cut before keywords are used up, so a part keeps its unmapped words.
    parts = [part for start, end in _clauses(text) for part in _parts(text, start, end)]
    mapped: list[tuple[int, int]] = []
    topic_of: dict[tuple[int, int], str] = {}
    for pattern, names in keyword_table():
        for m in list(text.finditer(pattern)):
            text.use(m.start(), m.end())
            mapped.append((m.start(), m.end()))
            topic_of[m.start(), m.end()] = names[-1]
            if negation := text.negation(m.start(), m.end()):
                for name in names[-1:]:  # the topic itself, not the ones it also implies
                    if name not in found.left_out:
                        found.left_out.append(name)
                        notes.decide(f"topic {name}: left out (from {negation!r})")
                continue
            for name in names:
                if name not in found.watch:
                    found.watch.append(name)
                    notes.decide(f"topic {name}: from {m.group()!r}")
    for n, (part_start, part) in enumerate(parts):
        # Words around a mapped topic qualify it ("smartphone demand"): reported if unread, not a topic.
        # A negated part maps to no custom topic: its words are reported as unread.
        if text.negation(part_start, part_start + len(part)):
            continue
        if shared := (sharing or {}).get(part_start + len(part)):
            if not _overlaps(*shared, mapped):  # "Robotaxi and FSD competition": 'Robotaxi competition' as well
                _custom(f"{part} {text.raw[shared[0] : shared[1]]}", part_start, text=text, found=found, notes=notes,
                        company_like=company_like, span=len(part))  # fmt: skip
            continue  # "Llama and Robotaxi demand": demand alone, no topic 'Llama'
        if not _overlaps(part_start, part_start + len(part), mapped):
            if _drives(text, part_start, part, parts[n + 1 : n + 2], topic_of, notes):
                continue  # "Llama-driven and Robotaxi demand": what drives the demand, no topic 'Llama-driven'
            _custom(part, part_start, text=text, found=found, notes=notes, company_like=company_like)
        elif head := _before_a_place(part, part_start, mapped):  # "Blackwell ramp in China": its own topic too
            _custom(head, part_start, text=text, found=found, notes=notes, company_like=company_like)
    for name in [t for t in found.left_out if t in found.watch]:  # "tariffs, not export controls": one topic
        found.left_out.remove(name)
        notes.unclear(f"topic {name}: both named and left out (the goal's words for it are one topic); kept")
    return found


# A word made a qualifier by its suffix ("Llama-driven", "AI-led"): it needs the noun its list ends on
_DRIVER = re.compile(r"[^\W_][-‐](?:driven|led|fuell?ed|powered|related|linked|based)$", re.IGNORECASE)


def _drives(text: Text, start: int, part: str, after: list[tuple[int, str]], topic_of: Mapping[tuple[int, int], str],
            notes: Notes) -> bool:  # fmt: skip
    """Whether `part` ends in a qualifier ("Llama-driven") joined ("and", "or", a comma) to the next part, whose
    words map to a topic ("Robotaxi demand"): then it says what drives that topic, context as "Apple" in "Apple
    demand" is, and is said so (a part of its own, "layoffs and China demand", is a topic)."""
    if not _DRIVER.search(part) or not after:
        return False
    (next_start, following), end = after[0], start + len(part)
    if not _SPLIT.fullmatch(text.raw[end:next_start]):
        return False
    spans = [s for s in topic_of if next_start <= s[0] and s[1] <= next_start + len(following)]
    if not spans:
        return False
    last = max(spans)
    text.use(start, end)
    notes.decide(f"{part!r} read as context in {text.raw[start : last[1]]!r}: what drives the "
                 f"{text.raw[last[0] : last[1]]} watched (topic {topic_of[last]}), not a topic of its own; to flag "
                 "its words too, add them as a custom topic")  # fmt: skip
    return True


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and e > start for s, e in spans)


_WHERE = re.compile(r"\s+(?:in|across|from|outside|within|out of)\s+", re.IGNORECASE)


def _before_a_place(part: str, start: int, mapped: list[tuple[int, int]]) -> str | None:
    """The words of a part before where it happens, when only that place maps to a topic ("Blackwell ramp in China":
    'Blackwell ramp', China being geopolitical): a phrase of its own, not a qualifier of the topic as "smartphone
    demand" is. One common word alone ("exposure in China") is none."""
    where = _WHERE.search(part)
    if where is None or _overlaps(start, start + where.start(), mapped):
        return None
    head = part[: where.start()]
    terms = head.split()
    return head if len(terms) > 1 or terms[0].lower() not in common_words() else None


def _clauses(text: Text) -> list[tuple[int, int]]:
    masked = text.masked()
    out = []
    for m in _TRIGGER.finditer(masked):
        end = _END.search(masked, m.end())
        out.append((m.end(), end.start() if end else len(masked)))
        text.use(m.start(), m.end())
    return out


def _parts(text: Text, start: int, end: int) -> list[tuple[int, str]]:
    masked = text.masked()[start:end]
    parts, pos = [], 0
    for sep in [*_SPLIT.finditer(masked), None]:
        stop = sep.start() if sep else len(masked)
        piece = masked[pos:stop]
        lead = len(piece) - len(piece.lstrip())
        parts.append((start + pos + lead, piece.strip()))
        pos = sep.end() if sep else stop
    return [(s, p) for s, p in parts if p]


def add_custom(part: str, start: int, *, text: Text, found: TopicsFound, notes: Notes) -> None:
    """`part` of the goal, from `start`, as a custom topic where it names one (as a topic clause's part would)."""
    _custom(part, start, text=text, found=found, notes=notes, company_like=lambda phrase, start, end: False)


def _custom(
    part: str, start: int, *, text: Text, found: TopicsFound, notes: Notes, company_like: CompanyLike,
    span: int | None = None,
) -> None:
    """`span`: how much of the goal from `start` the topic uses, when `part` is not written there as one."""
    filler = _FILLER.match(part)
    phrase = part[filler.end() :] if filler else part
    terms = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", phrase)  # "exportés" one word; "'delays'" without quotes
    while terms and terms[-1].lower() in _TRAILING:
        terms.pop()
    speaker = len(terms) == 1 and re.sub(r"['’]s$", "", terms[0].lower()) in _SPEAKERS
    if speaker and _SAYS.match(text.raw, start + len(part)):
        return  # "Flag management commentary on layoffs": who says it, no topic ("management changes" is one)
    if not terms or all(w.lower() in _NOT_TOPIC or PERIOD.fullmatch(w) for w in terms) or len(terms) > 6:
        return  # "for Q3": a fiscal period, said as one (unsaid.say_codes), no phrase to flag
    phrase = " ".join(terms)
    shorthand = all(t.upper() in ACRONYMS for t in terms if t[:1].isupper())  # "NII", "NIM", "EPS": no company
    # "tsmm" alone, lower-case: company_like says whether it is a slip of a ticker listed with a company
    lone = len(terms) == 1 and terms[0].islower()
    if ((terms[0][:1].isupper() and not shorthand) or lone) and company_like(phrase, start, start + len(part)):
        return
    name = re.sub(r"[^a-z0-9]+", "_", fold(phrase)).strip("_")
    name = name if name[:1].isalpha() else f"topic_{name}"
    if any(c.name == name for c in found.custom):
        return
    found.custom.append(CustomTopic(name=name, label=phrase, phrases=(phrase,)))
    text.use(start, start + (len(part) if span is None else span))
    slips = [f"{t!r} may be {slip!r}" for t in terms if (slip := english_slip(t))]
    check = f" (check its spelling: {', '.join(slips)})" if slips else ""
    notes.decide(f"custom topic {name}: {phrase!r} maps to no shipped topic, so that phrase is flagged as written"
                 + check)
