"""The filings agent's comparison step: a newly stored filing against the company's previous one of its kind.

Comparison itself is `sources.filing_diff` (pure); here the result becomes rows of migration 006, each risk
factor, MD&A sentence added or removed, or text a changed risk factor gained or lost tagged with the watched topics
it mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from watchdesk.agents.filing_changes import Gain, gains, inserted_on_topics, losses
from watchdesk.agents.flagging.topic_spec import TopicSpec
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics
from watchdesk.sources.filing_diff import FactorChange, FilingDiff, Moved, SectionDiff, compare
from watchdesk.sources.filing_parse import ParsedFiling, parse_filing
from watchdesk.sources.filing_places import Places
from watchdesk.sources.models import Filing
from watchdesk.sources.risk_factors import RiskFactor
from watchdesk.sources.sentence_diff import Sentence
from watchdesk.store.changes import save_comparison
from watchdesk.store.store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredPair:
    """Two stored filings with the HTML they were stored from (their emphasis marks the risk headings)."""

    old_doc_id: str
    old_body: bytes
    new_doc_id: str
    new_body: bytes


def watched_topics(names: Sequence[str], custom: Sequence[dict[str, Any]] = ()) -> TopicLibrary:
    """The watchlist's topics (shipped names plus custom specs) as a library, as the flagging agent builds it."""
    specs = [TopicSpec(**c) for c in custom]
    return load_topics([*names, *(s.name for s in specs)], extra=specs)  # the names pick the custom topics too


# How two filings are compared; bumped when a change would store other rows for the same pair (2: what a changed
# risk factor gained, figures-only changes unchanged, a 10-Q listing only changed factors removes none; 3: no sentence
# break after an abbreviation; 4: one after "U.S." or "Inc." before a word that starts sentences, and after "R&D."; 5:
# one after "U.S." before a capitalised word with lower case after it, that pair written once in the filing; 6: none
# after the "v." of a case name, and "U.S.A." ends one where "U.S." does; 7: a sentence said again in the newer filing
# is added once, and one the older filing holds whole across a page break, or a piece a page break cut off that it
# holds, is not added; 8: sentences removed, kind "dropped", from changed risk factors and MD&A, a piece after a line
# that a page break cut mid-sentence is read as part of one, and the pieces of a sentence a break cut are judged as
# one sentence; 9: a heading line, title case and unpunctuated, is no sentence added or removed; one statement
# rewritten is one row, kind "rewritten", not a sentence removed and one added; words deleted from a reworded sentence
# of a changed factor are rows of kind "deleted"; a sentence the newer filing says in its other section (risk factors or
# MD&A) is "moved", not removed, and one the older said there is not added; 10: a direction ("increase", "decrease")
# goes with the figures and sibling metrics ("cost-per-click", "cost-per-impression") are two statements, in pairing
# sentences rewritten; each sentence's row says the heading it sits under, a moved one where it went (migration 025);
# words inserted into the MD&A's reworded sentences on watched topics are rows of kind "inserted", as a factor's).
# A newest filing compared by an older version is compared again (agents/filings._stored_uncompared).
COMPARE_VERSION = 10


def previous_filing(listing: Sequence[Filing], filing: Filing) -> Filing | None:
    """The company's filing of the same form (not an amendment) filed last before `filing`."""
    form = filing.form.upper().removesuffix("/A")
    earlier = [f for f in listing if f.form.upper() == form and f.filing_date < filing.filing_date]
    return max(earlier, key=lambda f: (f.filing_date, f.accession), default=None)


def compare_stored(
    store: Store, pair: StoredPair, *, form: str, ticker: str, library: TopicLibrary | None, run_id: str
) -> FilingDiff:
    """Parse both filings on their stored text (so offsets are the store's), compare, store the changes."""
    ids = [pair.old_doc_id, pair.new_doc_id]
    texts = dict(store.query("SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id)", [ids]))
    old = parse_filing(pair.old_body, form=form, text=texts[pair.old_doc_id])
    new = parse_filing(pair.new_body, form=form, text=texts[pair.new_doc_id])
    return record_comparison(
        store,
        old=old,
        new=new,
        old_doc_id=pair.old_doc_id,
        new_doc_id=pair.new_doc_id,
        ticker=ticker,
        library=library or load_topics(),
        run_id=run_id,
    )


def record_comparison(
    store: Store,
    *,
    old: ParsedFiling,
    new: ParsedFiling,
    old_doc_id: str,
    new_doc_id: str,
    ticker: str,
    library: TopicLibrary,
    run_id: str,
) -> FilingDiff:
    """Compare two parsed filings (texts as stored) and store the sections' similarity and every change."""
    diff = compare(old, new)
    now = datetime.now(UTC)
    base = {"old_doc_id": old_doc_id, "new_doc_id": new_doc_id, "ticker": ticker, "run_id": run_id, "created_at": now}
    sections = [_section_row(s, old, new, base | {"form": new.form}) for s in diff.sections if s.present]
    places = (Places(old), Places(new))
    changes = [row for s in diff.sections for row in _change_rows(s, library, base, places)]
    save_comparison(store, old_doc_id=old_doc_id, new_doc_id=new_doc_id, sections=sections, changes=changes)
    return diff


def _section_row(s: SectionDiff, old: ParsedFiling, new: ParsedFiling, base: dict[str, Any]) -> dict[str, Any]:
    counts: dict[str, int | None] = {"n_old": None, "n_new": None}
    if s.item == "1A":
        counts = {
            "n_old": len(old.risk.factors) if old.risk else 0,
            "n_new": len(new.risk.factors) if new.risk else 0,
        }
    return base | {"item": s.item, "similarity": s.similarity, "jaccard": s.jaccard, "note": s.note,
                   "compare_version": COMPARE_VERSION} | counts


def _change_rows(
    s: SectionDiff, library: TopicLibrary, base: dict[str, Any], places: tuple[Places, Places]
) -> list[dict[str, Any]]:
    """Rows of a section's changes; each sentence's or words' row says the heading they sit under (under_heading: in
    the filing they are quoted from), and a sentence moved the section it went to and its heading there."""
    old, new = places
    rows = []
    for c in s.changes:
        o, n = c.old, c.new
        either = n or o
        assert either is not None  # a change has an old or a new factor
        rows.append(
            {
                "kind": c.kind,
                "risk_group": either.group,
                "old_heading": o.heading if o else None,
                "new_heading": n.heading if n else None,
                "old_start": o.start if o else None,
                "old_end": o.heading_end if o else None,
                "new_start": n.start if n else None,
                "new_end": n.heading_end if n else None,
                "old_chars": len(o.body) if o else None,
                "new_chars": len(n.body) if n else None,
                "similarity": c.similarity,
                "topics": list(library.match(either.heading)),
            }
        )
    rows += [_gain_row(c, g) for c in s.changes for g in gains(c, library)]
    rows += [_loss_row(c, g) for c in s.changes for g in losses(c, library)]
    rows += [_pair_row(o, n, library, c.new) | _under(c.new) for c in s.changes for o, n in c.rewritten]
    rows += [_moved_row(m, library, new) | _under(c.old) for c in s.changes for m in c.moved]
    rows += [_sentence_row(x, list(library.match(x.text))) | _under(new, s.item, x) for x in s.added_sentences]
    rows += [_sentence_row(g.part, list(g.topics)) | {"kind": "inserted"} | _under(new, s.item, g.part)
             for g in inserted_on_topics(s.inserted, library)]  # fmt: skip
    rows += [_removed_row(x, list(library.match(x.text))) | _under(old, s.item, x) for x in s.removed_sentences]
    rows += [_pair_row(o, n, library) | _under(new, s.item, n) for o, n in s.rewritten]
    rows += [_moved_row(m, library, new) | _under(old, s.item, m.sentence) for m in s.moved]
    nowhere = {"under_heading": None, "moved_to": None, "moved_to_heading": None}
    return [base | nowhere | {"item": s.item, "seq": seq} | row for seq, row in enumerate(rows)]


def _under(where: RiskFactor | Places | None, item: str = "1A", said: Sentence | None = None) -> dict[str, Any]:
    """The heading text sits under: a risk factor's, or the one `said` sits under in a filing's section."""
    if isinstance(where, Places):
        return {"under_heading": where.heading_at(item, said.start) if said is not None else None}
    return {"under_heading": where.heading if where is not None else None}


def _gain_row(c: FactorChange, gain: Gain) -> dict[str, Any]:
    """Text a changed factor gained: "added" (a sentence) or "inserted" (words put into a reworded sentence); the
    old side is the older filing's factor, by its heading, so the row says which factor gained it."""
    assert c.old is not None and c.new is not None  # gains come from matched factors only
    kind = "inserted" if gain.sentence else "added"
    old = {"old_heading": c.old.heading, "old_start": c.old.start, "old_end": c.old.heading_end}
    return _sentence_row(gain.part, list(gain.topics)) | old | {"kind": kind, "risk_group": c.new.group} | _under(c.new)


def _loss_row(c: FactorChange, loss: Gain) -> dict[str, Any]:
    """Text a changed factor no longer says: "dropped" (a sentence) or "deleted" (words deleted from a reworded
    sentence), on the old side (offsets into the older filing), and on the new side the newer filing's factor heading,
    so the row says which factor lost it."""
    assert c.old is not None and c.new is not None  # losses come from matched factors only
    new = {"new_heading": c.new.heading, "new_start": c.new.start, "new_end": c.new.heading_end}
    kind = "deleted" if loss.sentence else "dropped"
    return _removed_row(loss.part, list(loss.topics)) | new | {"risk_group": c.old.group, "kind": kind} | _under(c.old)


def _pair_row(old: Sentence, new: Sentence, library: TopicLibrary, factor: RiskFactor | None = None) -> dict[str, Any]:
    """One statement rewritten beyond a light rewording: "rewritten", the older filing's sentence on the old side and
    the newer's on the new (a factor's: its group), topics of either."""
    topics = list(dict.fromkeys([*library.match(old.text), *library.match(new.text)]))
    both = _removed_row(old, topics) | {"new_heading": new.text, "new_start": new.start, "new_end": new.end,
                                        "new_chars": len(new.text)}  # fmt: skip
    return both | {"kind": "rewritten", "risk_group": factor.group if factor else None}


def _moved_row(moved: Moved, library: TopicLibrary, new: Places) -> dict[str, Any]:
    """A sentence the newer filing says in its other section (the row's item is the one it left; moved_to the one it
    went to, "7" from "1A" and "1A" from "7", and moved_to_heading the heading it sits under there): "moved", the
    older filing's sentence on the old side, the newer's on the new."""
    there = {"moved_to": moved.item, "moved_to_heading": new.heading_at(moved.item, moved.to.start)}
    return _pair_row(moved.sentence, moved.to, library) | there | {"kind": "moved",
                                                                   "topics": list(library.match(moved.sentence.text))}


def _removed_row(sentence: Sentence, topics: list[str]) -> dict[str, Any]:
    """A sentence of the older filing the newer no longer says: "dropped", quoted and placed in the older filing."""
    return {
        "kind": "dropped",
        "risk_group": None,
        "old_heading": sentence.text,
        "new_heading": None,
        "old_start": sentence.start,
        "old_end": sentence.end,
        "new_start": None,
        "new_end": None,
        "old_chars": len(sentence.text),
        "new_chars": None,
        "similarity": None,
        "topics": topics,
    }


def _sentence_row(sentence: Sentence, topics: list[str]) -> dict[str, Any]:
    return {
        "kind": "added",
        "risk_group": None,
        "old_heading": None,
        "new_heading": sentence.text,
        "old_start": None,
        "old_end": None,
        "new_start": sentence.start,
        "new_end": sentence.end,
        "old_chars": None,
        "new_chars": len(sentence.text),
        "similarity": None,
        "topics": topics,
    }
