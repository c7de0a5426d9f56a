"""A comparison of two filings as a report: JSON-ready rows and Markdown, MD&A sentences added and removed tagged by
topic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from watchdesk.sources.filing_notes import CHANGED_KINDS

if TYPE_CHECKING:  # the briefing imports chars_changed, and not the comparison's parsers with it (lxml, ...)
    from watchdesk.agents.flagging.topics import TopicLibrary
    from watchdesk.sources.filing_diff import FactorChange, FilingDiff, Moved, SectionDiff
    from watchdesk.sources.filing_places import Places
    from watchdesk.sources.risk_factors import RiskFactor
    from watchdesk.sources.sentence_diff import Inserted, Sentence

TITLES = {"1A": "Risk factors", "7": "Management's discussion and analysis"}


@dataclass(frozen=True, slots=True)
class Gain:
    """Text a changed risk factor gained: a sentence added, or words inserted into `sentence` (a light rewording)."""

    part: Sentence
    topics: tuple[str, ...]
    sentence: Sentence | None = None


def topics_in(text: str, library: TopicLibrary) -> list[str]:
    """Names of the watched topics a sentence mentions, in the library's order."""
    return list(library.match(text))


def gains(change: FactorChange, library: TopicLibrary) -> list[Gain]:
    """What a changed factor's body gained, in the filing's order: every sentence added, with the watched topics it
    mentions (maybe none), and the words inserted into a reworded sentence when they mention a watched topic."""
    found = [Gain(s, tuple(topics_in(s.text, library))) for s in change.gained.added]
    return sorted([*found, *inserted_on_topics(change.gained.inserted, library)], key=lambda g: g.part.start)


def inserted_on_topics(inserted: Sequence[Inserted], library: TopicLibrary) -> list[Gain]:
    """Words inserted into light rewordings (a changed factor's, or the MD&A's) that make a clause mentioning a
    watched topic: an inserted "CSPs" or "those" says nothing by itself, nor does a list's new item ("and suppliers",
    "or tariffs; and") or items ("pandemics, and cybersecurity incidents"). In NVIDIA's FY2025 MD&A: "by the existing
    export controls", "and countries designated “Tier 2” by the AI Diffusion IFR"."""
    return [Gain(ins.part, tuple(topics), ins.sentence) for ins in inserted
            if _clause(ins.part.text) and (topics := topics_in(ins.part.text, library))]  # fmt: skip


def losses(change: FactorChange, library: TopicLibrary) -> list[Gain]:
    """What a changed factor's body lost, in the older filing's order: every sentence removed, with the watched topics
    it mentions (maybe none), and the words deleted from a reworded sentence when they say something of their own
    (`_clause`: "such as the global COVID-19 pandemic"), on a watched topic or not: a dropped risk is seldom one."""
    found = [Gain(s, tuple(topics_in(s.text, library))) for s in change.lost]
    found += [Gain(d.part, tuple(topics_in(d.part.text, library)), d.sentence) for d in change.deleted
              if _clause(d.part.text)]  # fmt: skip
    return sorted(found, key=lambda g: g.part.start)


_CONTENT = re.compile(r"\b(?:[A-Za-z]{4,}|[A-Z]{2,3})\b")  # words of four letters or more, and acronyms ("USG")
_ITEM_BREAK = re.compile(r"[,;]|\b(?:and|or)\b")
_ITEM_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_ARTICLES = frozenset({"the", "a", "an"})
# Words that make parts a clause, however short: a modal ("could disrupt or halt shipments"), a relative pronoun ("that
# restricts or limits supply") or an infinitive's "to"
_VERB_MARKS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would", "that", "which",
                         "who", "whose", "to"})  # fmt: skip


def _clause(text: str) -> bool:
    """Inserted words that say something of their own: three of them at least, beside "and", "or", "the", "of", and
    not only items added to a list (`_list_items`)."""
    return len(_CONTENT.findall(text)) >= 3 and not _list_items(text)


def _list_items(text: str) -> bool:
    """Words that are items of an enumeration: parted by commas, "and", "or", each a name ("Mexico", "the United Arab
    Emirates") or at most two words ("cybersecurity incidents"); "restrictions on international trade, such as
    tariffs" and "including the implementation of tariffs by the USG" say what an item is or does, and so do words
    with a modal or a relative pronoun ("could disrupt or halt shipments")."""
    items = [[w for w in _ITEM_WORD.findall(item) if w not in _ARTICLES] for item in _ITEM_BREAK.split(text)]
    if any(w.lower() in _VERB_MARKS for words in items for w in words):
        return False
    return all(len(words) <= 2 or all(w[0].isupper() for w in words) for words in items)


def full_text(factor: RiskFactor) -> str:
    return f"{factor.heading}\n{factor.body}".strip()


def report(diff: FilingDiff, *, topics: TopicLibrary, places: tuple[Places, Places] | None = None) -> dict[str, Any]:
    """`{"sections": [{"item", "similarity", "jaccard", "note", "added", "removed", "changed"}]}`; with `places` (the
    two filings' Places) each MD&A sentence says the subheading it sits under ("under"), and a sentence moved the
    heading it sits under where it went ("to_heading")."""
    return {"sections": [_section(s, topics, places) for s in diff.sections]}


def _section(s: SectionDiff, topics: TopicLibrary, places: tuple[Places, Places] | None = None) -> dict[str, Any]:
    more: dict[str, Any] = {}
    if s.item == "7":  # sentences added and removed that mention a watched topic, "heading" their topics
        old, new = places or (None, None)
        added, removed = (_on_topics(said, topics, at) for said, at in ((s.added_sentences, new),
                                                                         (s.removed_sentences, old)))  # fmt: skip
        words = [{"heading": ", ".join(g.topics), "text": g.part.text, "in_sentence": g.sentence.text if g.sentence
                  else None} | _under(new, g.part.start) for g in inserted_on_topics(s.inserted, topics)]  # fmt: skip
        added = [*(r | {"in_sentence": None} for r in added), *words]  # sentences added, then words inserted
        more = {k: [r | {"heading": ", ".join(r.pop("topics"))} for r in found if r["topics"]]
                for k, found in (("rewritten", _rewritten(s.rewritten, topics)),
                                 ("moved", _moved(s.moved, topics, new)))}  # fmt: skip
    else:
        added = [{"heading": c.new.heading, "text": c.new.body} for c in s.of_kind("new") if c.new]
        removed = [{"heading": c.old.heading, "text": c.old.body} for c in s.of_kind("removed") if c.old]
    return more | {
        "item": s.item,
        # a section one filing lacks, or refers back, was not compared: no number, not 0.0 ("every word changed")
        "similarity": s.similarity if s.comparable else None,
        "jaccard": s.jaccard if s.comparable else None,
        "note": s.note,
        "added": added,
        "removed": removed,
        "changed": [_changed(c, topics, places[1] if places else None) for c in biggest_changes(s.changes)],
    }


def _on_topics(said: Sequence[Sentence], topics: TopicLibrary, places: Places | None = None) -> list[dict[str, Any]]:
    """The sentences that mention a watched topic, each with those topics as its "heading" (and, with `places`, the
    MD&A subheading it sits under as "under")."""
    return [{"heading": ", ".join(found), "text": x.text} | _under(places, x.start) for x in said
            if (found := topics_in(x.text, topics))]  # fmt: skip


def _under(places: Places | None, at: int, item: str = "7", key: str = "under") -> dict[str, str | None]:
    return {key: places.heading_at(item, at)} if places is not None else {}


def _rewritten(pairs: Sequence[tuple[Sentence, Sentence]], topics: TopicLibrary) -> list[dict[str, Any]]:
    """One statement rewritten: `{"old", "new", "topics"}` (topics of either text)."""
    return [{"old": o.text, "new": n.text, "topics": _either(o.text, n.text, topics)} for o, n in pairs]


def _moved(moved: Sequence[Moved], topics: TopicLibrary, new: Places | None = None) -> list[dict[str, Any]]:
    """A sentence now said in the other section: `{"text", "to", "now", "topics"}` ("to": "1A" or "7", "now": how the
    newer filing says it there; with `new`, the newer filing's Places, "to_heading": the heading it sits under)."""
    return [{"text": m.sentence.text, "to": m.item, "now": m.to.text, "topics": topics_in(m.sentence.text, topics)}
            | _under(new, m.to.start, m.item, "to_heading") for m in moved]  # fmt: skip


def _either(old: str, new: str, topics: TopicLibrary) -> list[str]:
    found = set(topics_in(old, topics)) | set(topics_in(new, topics))
    return [t for t in topics_in(f"{old} {new}", topics) if t in found] or sorted(found)


def chars_changed(old_chars: int, new_chars: int, similarity: float) -> float:
    """About how many characters a matched factor changed: its growth or shrinkage, or the share of its words that
    differ (1 - cosine) of its length, whichever is more. A factor grown by a third outranks a short one reworded
    throughout, which ranking by similarity alone buried (NVIDIA's export-controls factor, +6,773, came 9th)."""
    return max(abs(new_chars - old_chars), (1.0 - similarity) * max(old_chars, new_chars))


def biggest_changes(changes: Sequence[FactorChange]) -> list[FactorChange]:
    """Matched factors whose text changed, most characters changed first (as the briefing ranks them)."""
    changed = [c for c in changes if c.kind in CHANGED_KINDS and c.old and c.new]
    return sorted(changed, key=lambda c: (-_size(c), c.new.start if c.new else 0))


def _size(c: FactorChange) -> float:
    assert c.old is not None and c.new is not None
    return chars_changed(len(c.old.body), len(c.new.body), c.similarity)


def _changed(c: FactorChange, topics: TopicLibrary, new: Places | None = None) -> dict[str, Any]:
    assert c.old is not None and c.new is not None  # biggest_changes keeps matched pairs only
    return {
        "heading": c.new.heading,
        "old": full_text(c.old),
        "new": full_text(c.new),
        "similarity": c.similarity,
        "kind": c.kind,
        "added_sentences": [
            {
                "text": g.part.text,
                "topics": list(g.topics),
                "in_sentence": g.sentence.text if g.sentence else None,
            }
            for g in gains(c, topics)
        ],
        # sentences of the older factor that no factor of the newer filing says any more, reworded ones aside, and
        # words deleted from a reworded one ("in_sentence": the older filing's sentence)
        "removed_sentences": [
            {"text": g.part.text, "topics": list(g.topics), "in_sentence": g.sentence.text if g.sentence else None}
            for g in losses(c, topics)
        ],
        "rewritten_sentences": _rewritten(c.rewritten, topics),
        "moved_sentences": _moved(c.moved, topics, new),
    }


def markdown(data: dict[str, Any], *, old_name: str, new_name: str, top: int = 10) -> str:
    """The report for reading: similarity, then new, removed and the most changed factors."""
    lines = [f"# What changed: {old_name} → {new_name}"]
    for s in data["sections"]:
        lines += _md_section(s, top)
    return "\n".join(lines) + "\n"


def _md_section(s: dict[str, Any], top: int) -> list[str]:
    lines = ["", f"## Item {s['item']}: {TITLES.get(s['item'], s['item'])}", ""]
    if s["similarity"] is None:
        return [*lines, f"Not compared: {s['note']}."]
    lines.append(f"Similarity {s['similarity']:.3f} (cosine on word counts), {s['jaccard']:.3f} (Jaccard on words).")
    if s["note"]:
        lines += ["", f"Note: {s['note']}."]
    if s["item"] == "7":
        added, removed = ([f"**{x['heading']}**: {_md_words(x)}{_md_under(x.get('under'))}" for x in s[k]]
                          for k in ("added", "removed"))
        lines += _listed("Sentences added that mention watched topics", added)
        lines += _listed("Sentences removed that mention watched topics", _fewer(removed, top))
        rewritten = [f"**{x['heading']}**: {x['new']} (was: {x['old']})" for x in s["rewritten"]]
        lines += _listed("Sentences rewritten that mention watched topics", _fewer(rewritten, top))
        moved = [f"**{x['heading']}**: {x['text']} (now in the risk factors{_md_under(x.get('to_heading'), ',')}: "
                 f"{x['now']})" for x in s["moved"]]  # fmt: skip
        return lines + _listed("Sentences moved to the risk factors that mention watched topics", moved)
    lines += _listed("New risk factors", [f"**{x['heading']}**" for x in s["added"]])
    lines += _listed("Removed risk factors", [f"**{x['heading']}**" for x in s["removed"]])
    shown = [f"{x['kind']} (similarity {x['similarity']:.3f}): **{x['heading']}**" for x in s["changed"][:top]]
    more = len(s["changed"]) - len(shown)
    title = "Most changed risk factors (most characters changed first)"
    lines += _listed(title, shown + ([f"… and {more} more"] if more > 0 else []))
    return lines + _md_gains(s["changed"]) + _md_losses(s["changed"], top) + _md_rewritten(s["changed"], top)


def _md_words(x: dict[str, Any]) -> str:
    """A sentence, or words inserted into one between "…"."""
    return f"… {x['text']} …" if x.get("in_sentence") else x["text"]


def _md_under(heading: str | None, lead: str = "") -> str:
    """Where a sentence sits: " (under “Demand and Supply”)", or after `lead` ", under “...”"; nothing unknown."""
    if not heading:
        return ""
    return f"{lead} under “{heading}”" if lead else f" (under “{heading}”)"


def _fewer(items: list[str], top: int) -> list[str]:
    """The first `top` of a list that may run long, then how many more and where they all are."""
    more = len(items) - top
    return items[:top] + ([f"… and {more} more (`--format json` lists them all)"] if more > 0 else [])


def _md_gains(changed: Sequence[dict[str, Any]]) -> list[str]:
    """Per changed factor (most changed first), what it gained on watched topics; inserted words between "…"."""
    items = []
    for x in changed:
        tagged = [a for a in x["added_sentences"] if a["topics"]]
        if tagged:
            items.append(f"- In **{x['heading']}**:")
            for a in tagged:
                text = f"… {a['text']} …" if a["in_sentence"] else a["text"]
                items.append(f"  - **{', '.join(a['topics'])}**: {text}")
    return ["", "### Sentences added to changed risk factors that mention watched topics", "", *(items or ["None."])]


def _md_losses(changed: Sequence[dict[str, Any]], top: int) -> list[str]:
    """Per changed factor (most changed first), the sentences on watched topics it no longer says: `top` of them at
    most, then how many more; reworded, moved and figures-only sentences are not removed."""
    items, shown, left = [], 0, 0
    for x in changed:
        # words deleted from a reworded sentence, on a watched topic or not (a dropped risk is seldom one), between "…"
        tagged = [r | ({"text": f"… {r['text']} …", "topics": r["topics"] or ["words deleted"]} if r["in_sentence"]
                       else {}) for r in x["removed_sentences"] if r["topics"] or r["in_sentence"]]  # fmt: skip
        fits, left = tagged[: max(top - shown, 0)], left + len(tagged) - len(tagged[: max(top - shown, 0)])
        if fits:
            items.append(f"- In **{x['heading']}**:")
            items += [f"  - **{', '.join(r['topics'])}**: {r['text']}" for r in fits]
            shown += len(fits)
    if left:
        items.append(f"- … and {left} more (`--format json` lists them all)")
    title = "### Sentences removed from changed risk factors that mention watched topics"
    return ["", title, "", *(items or ["None."])]


def _md_rewritten(changed: Sequence[dict[str, Any]], top: int) -> list[str]:
    """Per changed factor, its sentences rewritten (beyond a light rewording) and moved to MD&A that mention watched
    topics: `top` of them at most, then how many more."""
    items, shown, left = [], 0, 0
    for x in changed:
        said = [f"**{', '.join(r['topics'])}**: {r['new']} (was: {r['old']})" for r in x["rewritten_sentences"]
                if r["topics"]]  # fmt: skip
        said += [f"**{', '.join(m['topics'])}**: {m['text']} (now in MD&A{_md_under(m.get('to_heading'), ',')}: "
                 f"{m['now']})" for m in x["moved_sentences"] if m["topics"]]  # fmt: skip
        fits = said[: max(top - shown, 0)]
        left += len(said) - len(fits)
        if fits:
            items += [f"- In **{x['heading']}**:", *(f"  - {line}" for line in fits)]
            shown += len(fits)
    if left:
        items.append(f"- … and {left} more (`--format json` lists them all)")
    title = "### Sentences rewritten in or moved out of changed risk factors that mention watched topics"
    return ["", title, "", *(items or ["None."])]


def _listed(title: str, items: Sequence[str]) -> list[str]:
    return ["", f"### {title}", "", *([f"- {i}" for i in items] or ["None."])]
