"""Whose word a call's sentence is: the company's own, or a question (an analyst's or operator's line, or one the
company's side passes on: "Okay. So Charlie's question is ..."). A briefing, `watchdesk findings` and
`explore.findings` mark a question alike, so an analyst's worry never reads as management's warning."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from watchdesk.store.queries import OPENING_SENTENCES

if TYPE_CHECKING:
    from watchdesk.store.store import Store

ASKING = ("analyst", "operator")  # speaker kinds whose every line is a question or a cue, not the company's word
PASSING_ON = "passing on a question"

# Investor relations passing on a question ("He notes there's lots of talk that ...", "Robert is asking ...",
# "So Gokul's first question is ..."): what was asked, though said by the company's side.
_RELAYED = re.compile(
    r"\b(?i:he|she|they)\s+(?:notes?|asks?|wants to know|is asking|are asking|wonders?|would like to know)\b|"
    # a name, not a determiner: "Your question is about inventory" answers it (a review)
    r"\b(?!(?:Your|The|That|This|My|Our|Their|His|Her|A|An|Any|Next|Each|Every|Good|Great|Fair|Which|What|"
    r"Whose|Another|Last|First|Second)\b)"
    r"[A-Z][a-z]+(?:['’]s)?\s+(?:is asking|asks|(?:first |second |next |last |follow-up )?question is)\b|"
    r"\b(?:his|her|their) (?:first |second |follow-up )?question\b"
)


# One of these is in every text _RELAYED finds: looked for first, they spare most sentences the expression, which
# read 141,000 call findings in 2 s (`explore.findings` on the briefing benchmark's million findings).
_RELAY_WORDS = ("ask", "note", "want", "wonder", "would like", "question")


def relays_question(text: str) -> bool:
    """Whether text (a sentence, or a turn's opening sentences) passes on someone else's question."""
    return any(word in text for word in _RELAY_WORDS) and bool(_RELAYED.search(text))


def passes_on(*, section: str | None, speaker_kind: str | None, sentence: str, relayed: bool) -> bool:
    """Said on the company's side of Q&A, but passing on an analyst's question: the sentence itself relays one, or
    the turn it is in opens by relaying one (`relayed`)."""
    return section == "qa" and speaker_kind not in ASKING and (relayed or relays_question(sentence))


def said_as(*, section: str | None, speaker_kind: str | None, sentence: str, relayed: bool) -> str | None:
    """A finding that is not the company's word, as its mark says: "analyst", "operator" or "passing on a question";
    None for the company's own words (and for filings and news)."""
    if passes_on(section=section, speaker_kind=speaker_kind, sentence=sentence, relayed=relayed):
        return PASSING_ON
    return speaker_kind if speaker_kind in ASKING else None


def speaker_said(speaker: str | None, said: str | None) -> str | None:
    """The speaker as a briefing names them beside a quote: "Charlie Chan, analyst", "an operator", "Jeff Su,
    passing on a question" ("the company, ..." when unnamed); the name alone for the company's own words."""
    if said == PASSING_ON:
        return f"{speaker or 'the company'}, {PASSING_ON}"
    if said in ASKING:
        return f"{speaker}, {said}" if speaker else f"an {said}"
    return speaker


def marks(store: Store, rows: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """Each finding's mark (said_as) from what the store holds of its call: its speaker's kind and, in a management
    turn of Q&A, whether the turn's opening sentences pass on a question, as a briefing reads them. A row needs the
    finding's doc_id, start, section and sentence."""
    asked = [i for i, r in enumerate(rows) if r["section"] in ("prepared", "qa")]  # a call's: whoever spoke
    sql = """
        WITH given AS (SELECT unnest(?) AS i, unnest(?) AS doc_id, unnest(?) AS at),
        turn AS (
            SELECT g.i, g.doc_id, sp.speaker_kind, sp.start, sp."end" FROM given g
            JOIN doc_spans sp ON sp.doc_id = g.doc_id AND g.at >= sp.start AND g.at < sp."end"
            WHERE sp.speaker_kind IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY g.i ORDER BY sp.start DESC) = 1
        ),
        opening AS (  -- each management turn's opening, read once however many findings the turn holds
            SELECT doc_id, start, "end", string_agg(text, ' ' ORDER BY said) AS opening FROM (
                SELECT t.doc_id, t.start, t."end", s.text, s.start AS said
                FROM (SELECT DISTINCT doc_id, start, "end" FROM turn WHERE speaker_kind = 'management') t
                JOIN sentences s ON s.doc_id = t.doc_id AND s.start >= t.start AND s.start < t."end"
                QUALIFY row_number() OVER (PARTITION BY t.doc_id, t.start, t."end" ORDER BY s.start) <= ?
            ) GROUP BY doc_id, start, "end"
        )
        SELECT t.i, t.speaker_kind, o.opening FROM turn t
        LEFT JOIN opening o ON t.speaker_kind = 'management' AND o.doc_id = t.doc_id AND o.start = t.start
                           AND o."end" = t."end"
    """
    params = [asked, [rows[i]["doc_id"] for i in asked], [rows[i]["start"] for i in asked], OPENING_SENTENCES]
    turns = {i: (kind, opening) for i, kind, opening in store.query(sql, params)} if asked else {}
    said, read = [], {}  # each turn's opening read once, however many of its findings are asked about
    for i, r in enumerate(rows):
        kind, opening = turns.get(i, (None, None))
        if opening is not None and opening not in read:
            read[opening] = relays_question(opening)
        relayed = opening is not None and read[opening]
        said.append(said_as(section=r["section"], speaker_kind=kind, sentence=r["sentence"], relayed=relayed))
    return said
