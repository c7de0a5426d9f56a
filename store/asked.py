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


CALL_SECTIONS = ("prepared", "qa")  # a call's sections, whose findings say who spoke


def marking(rows: str) -> str:
    """The SQL of a `marked` table for a WITH clause: each call finding of `rows` (a table of key, doc_id, start,
    section and sentence) with `mark`, its speaker's kind where that is ASKING (else None), and `relay_text`, set
    where Python must look for a relayed question (`said_mark`): the opening sentences of its management turn ('' where
    there are none). That is the finding's mark as `said_as` gives it from its turn: the latest span with a speaker's
    kind holding it and, in a management turn, the turn's first OPENING_SENTENCES sentences (read once a turn). A
    finding of Q&A not said by an analyst or operator is left to Python only where its sentence or that opening
    holds one of relays_question's words; elsewhere no question is relayed and `mark` is its mark."""
    asking = ", ".join(f"'{kind}'" for kind in ASKING)

    def said(text: str) -> str:  # relays_question's first test, in SQL (a word of it in the text)
        return "(" + " OR ".join(f"contains({text}, '{word}')" for word in _RELAY_WORDS) + ")"

    return f"""
        turn AS (
            SELECT g.key, g.doc_id, g.section, sp.speaker_kind, sp.start, sp."end" FROM {rows} g
            JOIN doc_spans sp ON sp.doc_id = g.doc_id AND g.start >= sp.start AND g.start < sp."end"
            WHERE g.section IN {CALL_SECTIONS} AND sp.speaker_kind IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY g.key ORDER BY sp.start DESC) = 1
        ),
        opening AS (  -- each management turn's opening, read once however many findings the turn holds; only a
            -- finding of Q&A may pass on a question, so a turn of prepared remarks (long: most of the sentences) is
            -- left unread
            SELECT doc_id, start, "end", string_agg(text, ' ' ORDER BY said) AS opening FROM (
                SELECT t.doc_id, t.start, t."end", s.text, s.start AS said
                FROM (SELECT DISTINCT doc_id, start, "end" FROM turn WHERE speaker_kind = 'management'
                      AND section = 'qa') t
                JOIN sentences s ON s.doc_id = t.doc_id AND s.start >= t.start AND s.start < t."end"
                QUALIFY row_number() OVER (PARTITION BY t.doc_id, t.start, t."end" ORDER BY s.start)
                    <= {OPENING_SENTENCES}
            ) GROUP BY doc_id, start, "end"
        ),
        marked AS MATERIALIZED (
            SELECT g.key, CASE WHEN t.speaker_kind IN ({asking}) THEN t.speaker_kind END AS mark,
                   CASE WHEN g.section = 'qa' AND NOT coalesce(t.speaker_kind IN ({asking}), false)
                             AND ({said("g.sentence")} OR coalesce({said("o.opening")}, false))
                        THEN coalesce(o.opening, '') END AS relay_text
            FROM {rows} g LEFT JOIN turn t USING (key)
            LEFT JOIN opening o ON t.speaker_kind = 'management' AND o.doc_id = t.doc_id AND o.start = t.start
                               AND o."end" = t."end"
            WHERE g.section IN {CALL_SECTIONS}
        )"""


def said_mark(sentence: str, mark: str | None, relay_text: str | None, read: dict[str, bool]) -> str | None:
    """A call finding's mark from `marked`'s: "passing on a question" where its sentence or its turn's opening
    (`relay_text`) relays one, else `mark`. `read` keeps each opening's answer, read once however many findings
    its turn holds."""
    if relay_text is None:
        return mark
    if relay_text not in read:
        read[relay_text] = relays_question(relay_text)
    return PASSING_ON if read[relay_text] or relays_question(sentence) else mark


def marks(store: Store, rows: Sequence[Mapping[str, Any]]) -> list[str | None]:
    """Each finding's mark (said_as) from what the store holds of its call: its speaker's kind and, in a management
    turn of Q&A, whether the turn's opening sentences pass on a question, as a briefing reads them. A row needs the
    finding's doc_id, start, section and sentence."""
    asked = [i for i, r in enumerate(rows) if r["section"] in CALL_SECTIONS]  # a call's: whoever spoke
    sql = f"""
        WITH given AS (SELECT unnest(?) AS key, unnest(?) AS doc_id, unnest(?) AS start, unnest(?) AS section,
                              unnest(?) AS sentence),
        {marking("given")}
        SELECT key, mark, relay_text FROM marked
    """
    params = [asked, *([rows[i][k] for i in asked] for k in ("doc_id", "start", "section", "sentence"))]
    found = {i: (mark, text) for i, mark, text in store.query(sql, params)} if asked else {}
    read: dict[str, bool] = {}  # each turn's opening read once, however many of its findings are asked about
    return [said_mark(r["sentence"], *found.get(i, (None, None)), read) for i, r in enumerate(rows)]
