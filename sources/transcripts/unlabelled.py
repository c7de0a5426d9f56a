"""Transcripts with no speaker labels at all (one run of ASR-style text): sections and turns from cues.

Where Q&A begins: the operator's own opening ("We will now be conducting a question and answer
session", "One moment for our first question") after the host hands over for questions, else the
sentence that calls the first question. Turns: the operator's opening, each "X, you may begin" /
"turn the call over to X" handover, each "next question comes from X with Y" introduction (the
analyst's question runs to the answer's first cue: a "?" an answer-like sentence follows, a thanks for the
question; the answer is left unattributed, as kind "other": who of management answers is not said).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from watchdesk.sources.regex_cache import compile_cached
from watchdesk.sources.transcripts import cues
from watchdesk.sources.transcripts.model import Kind, Section, Statement
from watchdesk.sources.transcripts.roles import kind_of, looks_like_name, looks_like_role

_SENTENCE = compile_cached(r"(?<=[.?!])[\"”’)]*\s+(?=[\"“(\[]?[A-Z0-9\[])")
_WINDOW = 2500  # how far before the first question the host's handover may sit
# The operator's acknowledgement of the handover: "Certainly.", "Thank you, Matt." (a bare "Thank you." is
# as likely the host's, so it stays with the prepared remarks).
_ACK = compile_cached(r"^(?:certainly\.|(?:yes,?\s+)?thank you(?: very much)?,?\s+[A-Z][\w’']+\.)$", re.IGNORECASE)
_OPERATOR_OPENING = compile_cached(
    r"\b(?:conference operator|your operator|will be your|I will be the moderator|listen-only mode|"
    r"thank you for standing by|operator assistance|press star)\b",
    re.IGNORECASE,
)
# "Jensen Huang, President and Chief Executive Officer, and ...", "Mark Murphy, our CFO."
_ROLE_INTRO = compile_cached(
    r"(?P<name>[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][\w'’\-]+),\s+(?:our\s+)?(?P<role>[^,.;?]{2,60})"
)
# Said by the one handing over, after naming the next speaker: "You may begin.", "Jean?" (and a
# "Thank you, Mitch." that names the next speaker; one naming someone else is the next speaker's).
_HANDOVER_TAIL = compile_cached(
    rf"^(?:{cues.COURTESY.pattern}|you may (?:now )?begin\b|[A-Z][\w’']+\?$)", re.IGNORECASE
)
_THANKS = compile_cached(r"^(?:thanks?|thank you)\b[^.?!]{0,30}[.!]$", re.IGNORECASE)
_OPENER = compile_cached(
    r"^(?:yeah|yes|sure|okay|ok|well|great question|good question|thanks?(?: you)?,? [A-Z][\w’']+[.,]|"
    r"(?:hi|hey),? [A-Z][\w’']+|right, [A-Z][\w’']+[.,]|let me|so,? [A-Z][\w’']+,)", re.IGNORECASE,
)
# "Thanks for the question", "Thanks, Ben, for the question" (the asker names no one so); with no "?" in the question,
# "Yeah, thank you for that." too
_ANSWER_CUE = compile_cached(r"\b(?:thanks|thank you)(?:,\s*[A-Z][\w’']+,)? for the question\b", re.IGNORECASE)
_NO_MARK_CUE = compile_cached(r"^(?:(?:yeah|yes|sure|okay|ok|well),?\s+)?(?:thanks|thank you) for that\b",
                              re.IGNORECASE)
# The asker going on after a "?": a follow-on question ("And then you were ...", "Is that ...?"), a request for colour
# ("So whatever you can say there would be great.", "Just any color would be appreciated.")
_GOES_ON = compile_cached(
    r"^(?:(?:you know|I guess|just|so|um|uh|like),?\s+)*(?:and|or|also|plus|second(?:ly)?|any|is|are|was|were|do|does|"
    r"did|can|could|would|will|should|how|what|why|when|where|which)\b", re.IGNORECASE,
)
_COLOUR = compile_cached(
    r"^(?:(?:so|just|and|but|again),?\s+)*(?:any|whatever|anything|if you)\b[^.?!]{0,120}?\b(?:would be|'d be|is) "
    r"(?:(?:very|super|really|much|most|greatly)\s+)?(?:great|helpful|appreciated|useful)\b", re.IGNORECASE,
)
_NOT_NAMES = frozenset({"Slide", "Page", "The", "Our", "We", "You", "It", "Q", "Questions", "Question", "Today"})
# The asker's bare thanks, and a reply by name after it ("Thanks. Thanks, Matt.")
_BARE_THANKS = compile_cached(r"^(?:thanks|thank you)(?: (?:so|very) much)?[.!]$", re.IGNORECASE)
_NAMED_REPLY = compile_cached(r"^(?i:thanks|thank you|yeah|yes|sure|okay|right),\s+(?P<name>[A-Z][a-z]+)[.,]")
_NOT_REPLY_NAMES = _NOT_NAMES | frozenset({"Operator", "So", "And", "I", "Everyone", "Everybody", "All", "Guys"})


@dataclass(frozen=True, slots=True)
class _Cut:
    """A turn starts at `at`."""

    at: int
    speaker: str | None
    kind: Kind
    role: str | None = None
    affiliation: str | None = None


class _Sentences:
    """Sentence boundaries of one text, for snapping cue positions to whole sentences."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE.finditer(text)]

    def start_of(self, pos: int) -> int:
        return self.starts[bisect_right(self.starts, pos) - 1]

    def end_of(self, pos: int) -> int:
        n = bisect_right(self.starts, pos)
        return self.starts[n] if n < len(self.starts) else len(self.text)

    def sentence_at(self, pos: int) -> str:
        return self.text[self.start_of(pos) : self.end_of(pos)].strip()


def qa_start(text: str) -> int | None:
    """Character offset where the Q&A begins, or None when no cue is found."""
    found = [m for m in (cues.INTRO.search(text), cues.FIRST_QUESTION.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    s = _Sentences(text)
    lo = max(0, first.start() - _WINDOW)
    handovers = [m for m in cues.HANDOVER_TO_QA.finditer(text, lo, first.start())]
    after = s.end_of(handovers[0].start()) if handovers else lo
    opening = cues.OPERATOR_QA_OPEN.search(text, after, first.start())
    if opening:
        start = s.start_of(opening.start())
    elif handovers:
        start = after
    else:
        return s.start_of(first.start())
    while start > lo and _ACK.match(s.sentence_at(start - 2)):
        start = s.start_of(start - 2)
    return start


def parse_unlabelled(text: str) -> list[Statement]:
    """Statements of an unlabelled call: operator, handovers, analyst questions; Q&A from its cue."""
    flat = re.sub(r"\s+", " ", text).strip()
    s = _Sentences(flat)
    qa = qa_start(flat)
    known = _known_people(flat[: qa or len(flat)])
    opening_kind: Kind = "operator" if _OPERATOR_OPENING.search(flat[:600]) else "other"
    cuts = [_Cut(0, "Operator" if opening_kind == "operator" else None, opening_kind)]
    cuts += _handover_cuts(flat, s, known)
    if qa is not None:
        cuts.append(_Cut(qa, "Operator", "operator"))
        cuts += _question_cuts(flat, s, qa)
        cuts += [_Cut(s.start_of(m.start()), "Operator", "operator") for m in cues.QA_CLOSE.finditer(flat, qa)]
    return _statements(flat, cuts, qa)


def _known_people(prepared: str) -> dict[str, str | None]:
    # Full names (with roles where the host introduces them) to resolve "over to Colette".
    people: dict[str, str | None] = {}
    for m in _ROLE_INTRO.finditer(prepared):
        role = m["role"].strip()
        if looks_like_role(role):
            people.setdefault(m["name"], role)
    for name, _ in _you_may_begin(prepared):
        if looks_like_name(name) and len(name.split()) > 1:
            people.setdefault(name, None)
    return people


def _you_may_begin(text: str) -> list[tuple[str, int]]:
    # "Simona Jankowski, you may begin": (name, end of the phrase).
    found = []
    for m in cues.YOU_MAY_BEGIN.finditer(text):
        before = cues.NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before:
            found.append((before["name"], m.end()))
    return found


def _handovers(text: str) -> list[tuple[str, int]]:
    # Every "hand over to X" in the text: (name as written, end of the phrase).
    patterns = (cues.HANDOVER_TO, cues.INTRODUCE_HOST)
    named = [(m["name"], m.end()) for pattern in patterns for m in pattern.finditer(text)]
    return _you_may_begin(text) + named


def _resolve(name: str, known: dict[str, str | None]) -> tuple[str, str | None]:
    first = name.split()[0]
    for full, role in known.items():
        if full == name or full.split()[0] == first:
            return full, role
    return name, None


def _handover_cuts(flat: str, s: _Sentences, known: dict[str, str | None]) -> list[_Cut]:
    cuts = []
    for written, end in _handovers(flat):
        name = written.strip()
        if name.lower() == "the operator":
            cuts.append(_Cut(s.end_of(end - 1), "Operator", "operator"))
            continue
        if not looks_like_name(name) or name.split()[0] in _NOT_NAMES:
            continue
        full, role = _resolve(name, known)
        kind: Kind = kind_of(full, role) if role else "management"
        at = s.end_of(end - 1)
        while at < len(flat) and _is_tail(s.sentence_at(at), name):
            at = s.end_of(at)
        cuts.append(_Cut(at, full, kind, role=role))
    return cuts


def _is_tail(sentence: str, name: str) -> bool:
    return bool(_HANDOVER_TAIL.match(sentence) or (_ACK.match(sentence) and name.split()[0] in sentence))


def _question_cuts(flat: str, s: _Sentences, qa: int) -> list[_Cut]:
    cuts = []
    for m in cues.INTRO.finditer(flat, qa):
        cuts.append(_Cut(s.start_of(m.start()), "Operator", "operator"))
        at = s.end_of(m.end())
        while at < len(flat) and cues.COURTESY.match(s.sentence_at(at)):
            at = s.end_of(at)
        name = m["name"].strip()
        cuts.append(_Cut(at, name, "analyst", role="Analyst", affiliation=m["firm"].strip()))
        answer = _answer_start(flat, s, at)
        if answer is not None:
            cuts.append(_Cut(answer, None, "other"))
    return cuts


def _answer_start(flat: str, s: _Sentences, at: int) -> int | None:
    # The question ends at the first "?" (plus the asker's thanks) that an answer-like sentence follows;
    # failing that, at its first "?", or at a "Thanks for the question" two sentences on ("...through the year? So
    # first one for Colette. Thanks so much. Thanks, Ben, for the question."). "Thanks for the question" opens an
    # answer wherever it is.
    limit = min(len(flat), at + 3000)
    # ... and before the operator calls the next question or closes the Q&A: a "?" there is no answer's
    nxt = [m.start() for m in (cues.INTRO.search(flat, at, limit), cues.QA_CLOSE.search(flat, at, limit)) if m]
    limit = s.start_of(min(nxt)) if nxt else limit
    cue = _ANSWER_CUE.search(flat, s.end_of(at), limit)
    ends = []
    mark = flat.find("?", at, limit)
    named = _thanked_then_named(s, at, mark if mark >= 0 else limit)
    if named is not None:
        return named
    while mark >= 0:
        end = _past_thanks(s, s.end_of(mark), limit)
        ends.append(end)
        if end >= limit or _opens_answer(s.sentence_at(end)):
            ends = [end]
            break
        mark = flat.find("?", end, limit)
    else:
        if cue and ends and s.start_of(cue.start()) in (s.end_of(ends[0]), s.end_of(s.end_of(ends[0]))) and \
                "?" not in flat[ends[0] : cue.start()]:
            opener = s.start_of(s.start_of(cue.start()) - 2)  # "Sure, Tom. Thanks for the question.": from "Sure"
            return opener if opener > ends[0] and _OPENER.match(s.sentence_at(opener)) else s.start_of(cue.start())
    if not ends:  # no "?" at all ("... any change you're seeing in network attach rates. Yeah, thank you for that.")
        ends = [n for n in s.starts if s.end_of(at) <= n < limit and _NO_MARK_CUE.match(s.sentence_at(n))][:1]
    first = _asked_to(s, ends[0], limit) if ends else None
    if cue:
        return min(s.start_of(cue.start()), first) if first is not None else s.start_of(cue.start())
    return first


def _statements(flat: str, cuts: list[_Cut], qa: int | None) -> list[Statement]:
    ordered = sorted({c.at: c for c in sorted(cuts, key=lambda c: c.at)}.values(), key=lambda c: c.at)
    out: list[Statement] = []
    for n, cut in enumerate(ordered):
        end = ordered[n + 1].at if n + 1 < len(ordered) else len(flat)
        body = flat[cut.at : end].strip()
        if not body:
            continue
        section: Section = "qa" if qa is not None and cut.at >= qa else "prepared"
        prev = out[-1] if out else None
        if prev and prev.speaker == cut.speaker and prev.kind == cut.kind and prev.section == section:
            out[-1] = replace(prev, text=f"{prev.text} {body}")
            continue
        out.append(Statement(speaker=cut.speaker, role=cut.role or ("Operator" if cut.kind == "operator" else None),
                             affiliation=cut.affiliation, section=section, kind=cut.kind, text=body))
    return out


def _thanked_then_named(s: _Sentences, at: int, upto: int) -> int | None:
    # Before any "?": the asker's bare thanks, then a reply by name ("... their timeframes are for that investment.
    # Thanks. Thanks, Matt. The people who are investing ..."): the reply opens the answer
    prev, n = "", s.end_of(at)
    while n < upto:
        said = s.sentence_at(n)
        named = _NAMED_REPLY.match(said)
        if _BARE_THANKS.match(prev) and named and named["name"] not in _NOT_REPLY_NAMES:
            return n
        prev, n = said, s.end_of(n)
    return None


def _is_thanks(said: str) -> bool:
    return bool(_THANKS.match(said)) and not _ANSWER_CUE.search(said)  # "Thanks for the question" opens the answer


def _past_thanks(s: _Sentences, end: int, limit: int) -> int:
    while end < limit and _is_thanks(s.sentence_at(end)):
        end = s.end_of(end)
    return end


def _opens_answer(said: str) -> bool:
    return bool(_OPENER.match(said) or _ANSWER_CUE.search(said))


def _asked_to(s: _Sentences, end: int, limit: int) -> int:
    """Where the asker stops, from the end of a question's "?": on through a follow-on question ("And then ...?"),
    a request for colour ("Any color here would be great.") and thanks, up to an answer's opener ("Sure, Tom.")."""
    while end < limit:
        ahead: list[int] = []
        at = end
        while at < limit and len(ahead) < 3:
            ahead.append(at)
            at = s.end_of(at)
        for k, start in enumerate(ahead):
            said = s.sentence_at(start)
            if _is_thanks(said):
                continue
            if _opens_answer(said):
                return start if k else end
            if (said.endswith("?") and _GOES_ON.match(s.sentence_at(end))) or _COLOUR.match(said):
                end = _past_thanks(s, s.end_of(start), limit)
                break
            if "?" in said:
                return end
        else:
            return end
    return end
