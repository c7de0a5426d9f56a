"""A finding's evidence, as `explore.evidence` and `watchdesk evidence` give it: its sentence between the sentences
around it, who said each, where it was said, and where it is said again; and a score as a briefing quotes it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchdesk.sources.errors import ConfigError
from watchdesk.store import reader
from watchdesk.store.asked import marks, speaker_said
from watchdesk.store.citations import citations, whole_id
from watchdesk.store.queries import ALIKE, CURRENT_OF_DOCUMENT, DOC_KIND, EVENT_DATE, _dicts, quote_matches, stored_text
from watchdesk.store.store import Store


def score_said(score: float, sure: bool | None) -> str:
    """A finding's score as a briefing quotes it: "-0.99", "+0.83" (never "-0.00"), and ", unsure" after it where the
    flagger was not sure of the finding (agents/briefing/render.py's UNSURE)."""
    return f"{score if round(score, 2) else 0.0:+.2f}{', unsure' if sure is False else ''}"


@dataclass(frozen=True)
class Evidence:
    """A finding's sentence with the sentences around it, and where it was said; printed as a citation."""

    finding_id: str
    ticker: str
    topic: str
    polarity: str
    score: float
    sure: bool | None  # False: the flagger was unsure of it, as `findings` gives it
    date: date
    document: str
    title: str | None
    section: str | None
    speaker: str | None
    said_as: str | None  # a call's question, as findings' said_as marks it: "analyst", "passing on a question", ...
    citation: str  # as `findings` prints it: "F-" and the start of finding_id no other finding shares
    source: str | None
    before: list[str]
    sentence: str
    after: list[str]
    quoted_exactly: bool  # the sentence is the stored text at the finding's offsets
    before_speakers: list[str | None]  # who said each of `before` (None in a filing or news)
    after_speakers: list[str | None]  # and each of `after`
    # A sentence said again in its document on the topic counts once, where it is first said (queries.SAID_AGAIN):
    # a later place names the citation of its first (counted_under), the first place those of the later (said_again)
    counted_under: str | None = None
    said_again: list[str] = field(default_factory=list)
    sections: dict[str, str | None] = field(default_factory=dict)  # the section of each citation named there

    def __str__(self) -> str:
        where = ", ".join(x for x in (self.section, speaker_said(self.speaker, self.said_as)) if x)
        head = f"{self.ticker} {self.document}, {self.date}{f', {where}' if where else ''}"
        check = "" if self.quoted_exactly else "\n(not the stored text at the finding's offsets: re-run the flagging)"
        text = self._context()
        said = f"{self.topic} {self.polarity} ({score_said(self.score, self.sure)})"
        return f"{head}: {said}\n{self.source or ''}\n{text}{self._said_again()}{check}"

    def _said_again(self) -> str:
        """ "Said again in its document: ..." where the sentence is, else ""."""
        if self.counted_under:
            return (f"\nSaid again in its document: a briefing counts it once, under its first place "
                    f"{self._place(self.counted_under)}; not counted here.")  # fmt: skip
        if self.said_again:
            at = ", ".join(self._place(c) for c in self.said_again)
            return f"\nSaid again in its document, at {at}: a briefing counts it once, here, where it is first said."
        return ""

    def _place(self, cited: str) -> str:
        section = self.sections.get(cited)
        return f"[{cited}]{f' ({section})' if section else ''}"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _context(self) -> str:
        """The sentences in their order, each change of speaker named ("C.C. Wei: Well, let me say that."); the head
        line names the finding's own speaker."""
        said, last = [], self.speaker
        for text, speaker in [*zip(self.before, self.before_speakers, strict=True),
                              (f">>> {self.sentence} <<<", self.speaker),
                              *zip(self.after, self.after_speakers, strict=True)]:  # fmt: skip
            said.append(f"{speaker}: {text}" if speaker and speaker != last else text)
            last = speaker
        return " ".join(said)


def evidence(db: Path | str, finding_id: str, *, around: int = 1) -> Evidence:
    """A finding's sentence, `around` sentences either side, its document, date and source URL.

    >>> first = explore.findings(db, ticker="NVDA", topic="inventory", start=date(2025, 2, 26), end=date(2025, 2, 26))
    >>> said = explore.evidence(db, first[0]["finding_id"])
    >>> said.sentence == first[0]["sentence"], said.quoted_exactly, said.source == first[0]["source"]
    (True, True, True)
    """
    sql = f"""
        SELECT f.finding_id, f.ticker, f.topic, f.polarity, f.score, f.sure, {EVENT_DATE} AS date,
               coalesce(d.doc_type, d.form, {DOC_KIND}) AS document, d.title, f.section, f.speaker,
               coalesce(d.source_url, d.url) AS source, f.sentence, f.doc_id, f.start, f."end"
        FROM findings f JOIN documents d USING (doc_id) WHERE f.finding_id = ?
    """
    around_sql = """
        SELECT list({'text': text, 'speaker': speaker} ORDER BY start) FILTER (start < ? AND seq >= (SELECT max(seq)
                   FROM sentences WHERE doc_id = ? AND start <= ?) - ?),
               list({'text': text, 'speaker': speaker} ORDER BY start) FILTER (start >= ? AND seq <= (SELECT min(seq)
                   FROM sentences WHERE doc_id = ? AND start >= ?) + ? - 1)
        FROM sentences WHERE doc_id = ?
    """
    with reader.reading(db) as con:
        store = Store(con)
        finding_id = whole_id(store, finding_id, db)
        found = _dicts(store, sql, [finding_id])
        if not found:
            raise ConfigError(f"no finding {finding_id} in {db}: take a finding_id from explore.findings(db, ...)")
        f = found[0]
        (said,), cited = marks(store, [f]), citations(store, [finding_id])
        doc_id, start, end = f.pop("doc_id"), f.pop("start"), f.pop("end")
        near = store.query(around_sql, [start, doc_id, start, around, end, doc_id, end, around, doc_id])[0]
        before, after = ([s["text"] for s in side or []] for side in near)  # each side: [{text, speaker}, ...]
        f["before_speakers"], f["after_speakers"] = ([s["speaker"] for s in side or []] for side in near)
        exact = quote_matches(stored_text(store, doc_id), start, end, f["sentence"])
        places = store.query(_PLACES, [doc_id, f["topic"], finding_id])
        named = citations(store, [i for i, _ in places]) if len(places) > 1 else {}
    ids = [i for i, _ in places]
    first = ids[0] if len(ids) > 1 and finding_id in ids else None  # not among them: an older flagging's finding
    under = named[first] if first and first != finding_id else None
    later = [named[i] for i in ids[1:]] if first == finding_id else []
    return Evidence(**f, said_as=said, citation=cited[finding_id], before=before or [], after=after or [],
                    quoted_exactly=exact, counted_under=under, said_again=later,
                    sections={named[i]: section for i, section in places if i != finding_id and first})  # fmt: skip


# The places of a finding's sentence in its document on its topic, the first (where it counts) first, as SAID_AGAIN
# orders them. Parameters: the doc_id, the topic and the finding_id.
_PLACES = f"""
    WITH {CURRENT_OF_DOCUMENT}
    SELECT f.finding_id, f.section FROM current_findings f
    WHERE f.topic = ? AND {ALIKE} = (SELECT {ALIKE} FROM findings f WHERE f.finding_id = ?)
    ORDER BY f.start, f.finding_id
"""
