"""What changed between two filings of one company: risk factor by risk factor, section by section.

Each risk factor of the newer filing is matched to at most one of the older: same heading first, then
by heading and body similarity (cosine on word counts), which survives renumbering, moved groups and
light rewording. A heading that can still be read in the other filing is never called new or removed.
Sections are compared as in Cohen, Malloy and Nguyen, "Lazy Prices" (2020): cosine similarity on term
counts and Jaccard similarity on the sets of words. Pure and deterministic.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from watchdesk.sources.filing_notes import CHANGED_KINDS, REFERS_BACK
from watchdesk.sources.filing_parse import ParsedFiling
from watchdesk.sources.risk_factors import LISTS_CHANGES_ONLY, RiskFactor
from watchdesk.sources.sections import Section
from watchdesk.sources.sentence_diff import (
    Inserted,
    Sentence,
    TextChanges,
    found_in,
    names_after_abbreviations,
    normalize,
    removed_sentences,
    text_changes,
    text_losses,
)
from watchdesk.sources.sentence_pairs import rewritten

_WORD = re.compile(r"[a-z]+")
_HEADING_SAME = 0.8  # heading cosine at which two factors are the same risk, reworded
_BODY_SAME = 0.6
_BOTH = 0.5
_LONGER, _SHORTER = 1.2, 0.8


@dataclass(frozen=True, slots=True)
class Moved:
    """A sentence the older filing said in one section (risk factors or MD&A) and the newer says in the other
    (`to`: where, offsets into the newer filing; `item`: that section, "1A" or "7"): moved, not removed."""

    sentence: Sentence
    to: Sentence
    item: str


Rewritten = tuple[Sentence, Sentence]  # (old, new): one statement rewritten beyond a light rewording


@dataclass(frozen=True, slots=True)
class FactorChange:
    """One risk factor's fate: new, removed, expanded, shortened, reworded, unchanged (the same words in the same
    order, figures and punctuation aside), or elsewhere (its heading is in the other filing's text, outside that
    filing's risk factors). A matched factor whose words changed carries what its body gained: sentences added and
    words inserted into reworded sentences, as MD&A's added sentences are found; and what it lost: sentences of the
    older body that no factor of the newer filing says any more, found the same way (offsets into the older text);
    the words its light rewordings deleted (`deleted`, quoted from the older text); a sentence it lost and one it
    gained that are one statement rewritten (`rewritten`, in neither `gained.added` nor `lost`); and the sentences it
    lost that the newer filing's MD&A says (`moved`)."""

    kind: str
    old: RiskFactor | None
    new: RiskFactor | None
    similarity: float
    gained: TextChanges = field(default_factory=TextChanges)
    lost: tuple[Sentence, ...] = ()
    deleted: tuple[Inserted, ...] = ()
    rewritten: tuple[Rewritten, ...] = ()
    moved: tuple[Moved, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionDiff:
    """One section compared: similarity (cosine), jaccard, per-factor changes, sentences added and removed (MD&A;
    a removed sentence's offsets are the older filing's), one statement rewritten (old, new), sentences moved to
    the newer filing's risk factors (in neither added nor removed) and words inserted into reworded sentences."""

    item: str
    similarity: float
    jaccard: float
    changes: tuple[FactorChange, ...] = ()
    added_sentences: tuple[Sentence, ...] = ()
    removed_sentences: tuple[Sentence, ...] = ()
    rewritten: tuple[Rewritten, ...] = ()
    moved: tuple[Moved, ...] = ()
    inserted: tuple[Inserted, ...] = ()  # MD&A: words inserted into its light rewordings, as a changed factor's
    note: str = ""
    present: bool = True  # both filings have the section

    @property
    def comparable(self) -> bool:
        """Both filings hold the section's text to compare: not when one lacks it, nor when the newer one lists no
        risk factors and refers back to the earlier ones (Apple's 10-Qs: "no material changes"), where the numbers
        would set a cross-reference paragraph against a list of factors (cosine 0.71, Jaccard 0.14)."""
        return self.present and not self.note.startswith(REFERS_BACK)

    def of_kind(self, *kinds: str) -> list[FactorChange]:
        return [c for c in self.changes if c.kind in kinds]


@dataclass(frozen=True, slots=True)
class FilingDiff:
    sections: tuple[SectionDiff, ...] = field(default_factory=tuple)


def compare(old: ParsedFiling, new: ParsedFiling, *, items: Sequence[str] = ("1A", "7")) -> FilingDiff:
    """Compare two parsed filings; `items` among "1A" (risk factors) and "7" (MD&A)."""
    names = names_after_abbreviations(old.text, new.text)  # both filings' sentences are split alike
    return FilingDiff(tuple(_compare_item(old, new, item, names) for item in items))


@lru_cache(maxsize=1024)
def term_counts(text: str) -> Counter[str]:
    """Word counts (letters only, lower case); cached, since a factor's text is counted for matching and labels."""
    return Counter(_WORD.findall(text.lower()))


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(n * large.get(w, 0) for w, n in small.items())
    norm = math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values()))
    return min(round(dot / norm, 6), 1.0)


def jaccard(a: Counter[str], b: Counter[str]) -> float:
    if not a and not b:
        return 1.0
    return round(len(a.keys() & b.keys()) / len(a.keys() | b.keys()), 6)


def _compare_item(old: ParsedFiling, new: ParsedFiling, item: str, names: frozenset[str]) -> SectionDiff:
    old_s, new_s = old.section(item), new.section(item)
    if old_s is None or new_s is None:
        side = "older" if old_s is None else "newer"
        note = "neither filing has such a section" if old_s is new_s else f"the {side} filing has no such section"
        return SectionDiff(item, 0.0, 0.0, note=note, present=False)
    a, b = term_counts(_body(old_s.text)), term_counts(_body(new_s.text))
    sim, jac = cosine(a, b), jaccard(a, b)
    if item == "7":
        gained = text_changes(old_s.text, new_s.text, new_s.start, names=names)
        added = list(gained.added)
        removed = removed_sentences(old_s.text, new_s.text, old_s.start, names=names)
        added, removed, moved = _moved(added, removed, _factor_bodies(old), _factor_bodies(new), "1A", names)
        pairs, removed, added = rewritten(removed, added)
        return SectionDiff(item, sim, jac, added_sentences=tuple(added), removed_sentences=tuple(removed),
                           rewritten=tuple(pairs), moved=tuple(moved), inserted=gained.inserted)  # fmt: skip
    changes, note = _factor_changes(old, new, names)
    return SectionDiff(item, sim, jac, changes=tuple(changes), note=note)


@dataclass(frozen=True, slots=True)
class _Said:
    """Text of a filing read as one (its MD&A, or its risk factors' bodies joined by line breaks), and where each
    part of it stands in the filing: `starts[k]` in the text is `origins[k]` in the filing."""

    text: str
    starts: tuple[int, ...] = (0,)
    origins: tuple[int, ...] = (0,)

    def placed(self, s: Sentence) -> Sentence:
        k = bisect_right(self.starts, s.start) - 1
        at = self.origins[k] - self.starts[k]
        return Sentence(s.start + at, s.end + at, s.text)


def _section_said(section: Section | None) -> _Said | None:
    return _Said(section.text, (0,), (section.start,)) if section is not None else None


def _factor_bodies(filing: ParsedFiling) -> _Said | None:
    """The risk factors' bodies joined by line breaks (as `_factor_changes` reads them), placed in the filing."""
    factors = filing.risk.factors if filing.risk else ()
    if not factors:
        return None
    starts, at = [], 0
    for f in factors:
        starts.append(at)
        at += f.end - f.heading_end + 1
    text = "\n".join(filing.text[f.heading_end : f.end] for f in factors)
    return _Said(text, tuple(starts), tuple(f.heading_end for f in factors))


def _moved(
    added: list[Sentence],
    removed: list[Sentence],
    old_other: _Said | None,
    new_other: _Said | None,
    item: str,
    names: frozenset[str] | None,
) -> tuple[list[Sentence], list[Sentence], list[Moved]]:
    """Sentences added that the older filing said in its other section (risk factors or MD&A: `old_other`) are not
    added, and sentences removed that the newer filing says in its other section (`new_other`, whose item is `item`)
    are moved there, not removed: (added, removed, moved)."""
    moved: list[Moved] = []
    if new_other is not None and removed:
        there = found_in(removed, new_other.text, 0, names=names)
        moved = [Moved(s, new_other.placed(there[n]), item) for n, s in enumerate(removed) if n in there]
        removed = [s for n, s in enumerate(removed) if n not in there]
    if old_other is not None and added:
        before = found_in(added, old_other.text, 0, names=names)
        added = [s for n, s in enumerate(added) if n not in before]
    return added, removed, moved


def _body(text: str) -> str:
    """A section without its heading line, so "Item 1A." vs "Part II, Item 1A." does not count."""
    return text.split("\n", 1)[1] if "\n" in text else ""


def _factor_changes(old: ParsedFiling, new: ParsedFiling, names: frozenset[str]) -> tuple[list[FactorChange], str]:
    olds = list(old.risk.factors) if old.risk else []
    news = list(new.risk.factors) if new.risk else []
    if not news and new.risk is not None and new.risk.note and olds:
        # A 10-Q that refers back ("no material changes") keeps the earlier factors; none is removed.
        return [], f"{REFERS_BACK}: {new.risk.note}"
    pairs = match_factors(olds, news, old_text=old.text, new_text=new.text)
    if new.risk is not None and new.risk.note == LISTS_CHANGES_ONLY:
        # A list of the changed factors only cannot tell a removed factor from one left as it was: none is removed.
        pairs = [(o, n) for o, n in pairs if n is not None]
    changes = _elsewhere([_labelled(o, n) for o, n in pairs], old_text=old.text, new_text=new.text)
    # a sentence moved in from another of the older filing's factors is no gain, nor one moved out to another of the
    # newer filing's factors a loss: the factors of the other filing are read whole
    older = "\n".join(old.text[f.heading_end : f.end] for f in olds)
    newer = "\n".join(new.text[f.heading_end : f.end] for f in news)
    others = (_section_said(old.section("7")), _section_said(new.section("7")))
    changes = [
        _with_gains(c, old_text=old.text, new_text=new.text, older=older, newer=newer, names=names, others=others)
        for c in changes
    ]
    order = {id(f): i for i, f in enumerate(news)}
    changes.sort(key=lambda c: (order.get(id(c.new), len(news)), c.old.start if c.old else 0))
    note = new.risk.note if new.risk is not None else ""
    if note == LISTS_CHANGES_ONLY:
        note = f"the newer filing {note}: a factor not listed again may still apply"
    return changes, note


def _with_gains(
    c: FactorChange,
    *,
    old_text: str,
    new_text: str,
    older: str = "",
    newer: str = "",
    names: frozenset[str] | None = None,
    others: tuple[_Said | None, _Said | None] = (None, None),
) -> FactorChange:
    """A matched factor whose words changed, with what its body gained (offsets into the newer filing's text): the
    sentences no factor of the older filing held (`older`: their bodies; else the matched factor's alone), nor a
    light rewording of one; and what it lost (offsets into the older filing's text): its sentences no factor of the
    newer filing holds (`newer`, likewise), nor a light rewording of one; the words its light rewordings deleted;
    a sentence lost and one gained that are one statement rewritten; and the sentences lost that the newer filing's
    MD&A says (`others`: the two filings' MD&A), moved there (one gained that the older MD&A said is no gain)."""
    if c.kind not in CHANGED_KINDS or c.old is None or c.new is None:
        return c
    old_body, new_body = old_text[c.old.heading_end : c.old.end], new_text[c.new.heading_end : c.new.end]
    old_lead = len(old_body) - len(old_body.lstrip())  # a heading run into its paragraph leaves a space
    new_lead = len(new_body) - len(new_body.lstrip())
    gained = text_changes(older or old_body, new_body[new_lead:], c.new.heading_end + new_lead, names=names)
    losses = text_losses(old_body[old_lead:], newer or new_body, c.old.heading_end + old_lead, names=names)
    added, lost, moved = _moved(list(gained.added), list(losses.added), others[0], others[1], "7", names)
    pairs, lost, added = rewritten(lost, added)
    return replace(c, gained=replace(gained, added=tuple(added)), lost=tuple(lost), deleted=losses.inserted,
                   rewritten=tuple(pairs), moved=tuple(moved))  # fmt: skip


def _elsewhere(changes: list[FactorChange], *, old_text: str, new_text: str) -> list[FactorChange]:
    """A "new" heading the older filing's text holds (or a "removed" one the newer's) outside its risk factors,
    e.g. a filing whose factors could not be told apart, is labelled "elsewhere": never new or removed."""
    normalized: dict[str, str] = {}
    out = []
    for c in changes:
        if c.kind == "new" and c.new is not None:
            heading, other = c.new.heading, "old"
        elif c.kind == "removed" and c.old is not None:
            heading, other = c.old.heading, "new"
        else:
            out.append(c)
            continue
        if other not in normalized:
            normalized[other] = normalize(old_text if other == "old" else new_text)
        out.append(replace(c, kind="elsewhere") if normalize(heading) in normalized[other] else c)
    return out


def match_factors(
    olds: Sequence[RiskFactor], news: Sequence[RiskFactor], *, old_text: str, new_text: str
) -> list[tuple[RiskFactor | None, RiskFactor | None]]:
    """(old, new) pairs; (None, new) is new, (old, None) removed. Texts are the whole filings' clean text."""
    pairs: dict[int, int] = {}  # new index -> old index
    by_heading: dict[str, list[int]] = {}
    for i, o in enumerate(olds):
        by_heading.setdefault(normalize(o.heading), []).append(i)
    for j, n in enumerate(news):
        same = by_heading.get(normalize(n.heading))
        if same:
            pairs[j] = same.pop(0)
    _match_similar(olds, news, pairs)
    used = set(pairs.values())
    out: list[tuple[RiskFactor | None, RiskFactor | None]] = [(olds[i], news[j]) for j, i in sorted(pairs.items())]
    if len(pairs) < len(news):
        old_norm = normalize(old_text)
        out += [(_host(n, olds, old_norm), n) for j, n in enumerate(news) if j not in pairs]
    if len(used) < len(olds):
        new_norm = normalize(new_text)
        out += [(o, _host(o, news, new_norm)) for i, o in enumerate(olds) if i not in used]
    return out


def _match_similar(olds: Sequence[RiskFactor], news: Sequence[RiskFactor], pairs: dict[int, int]) -> None:
    """Greedy one-to-one matching of what is left, best score first."""
    left_old = [i for i in range(len(olds)) if i not in set(pairs.values())]
    left_new = [j for j in range(len(news)) if j not in pairs]
    if not left_old or not left_new:
        return
    oh = {i: term_counts(olds[i].heading) for i in left_old}
    ob = {i: term_counts(olds[i].body) for i in left_old}
    scored = []
    for j in left_new:
        nh, nb = term_counts(news[j].heading), term_counts(news[j].body)
        for i in left_old:
            h, b = cosine(oh[i], nh), cosine(ob[i], nb)
            if h >= _HEADING_SAME or b >= _BODY_SAME or (h + b) / 2 >= _BOTH:
                scored.append(((h + b) / 2, -j, -i, j, i))
    taken_old: set[int] = set()
    for *_, j, i in sorted(scored, reverse=True):
        if j not in pairs and i not in taken_old:
            pairs[j] = i
            taken_old.add(i)


def _host(factor: RiskFactor, others: Sequence[RiskFactor], other_text: str) -> RiskFactor | None:
    """For a heading still readable in the other filing: the factor there that holds it (split or merged).

    None when the heading is not in the other filing's text or that filing has no factors.
    """
    wanted = normalize(factor.heading)
    if wanted not in other_text or not others:
        return None
    holder = next((o for o in others if wanted in normalize(f"{o.heading} {o.body}")), None)
    mine = term_counts(factor.body)
    return holder or max(others, key=lambda o: cosine(term_counts(o.body), mine))


def _labelled(old: RiskFactor | None, new: RiskFactor | None) -> FactorChange:
    if old is None or new is None:
        return FactorChange("new" if old is None else "removed", old, new, 0.0)
    if _words(old.heading) == _words(new.heading) and _words(old.body) == _words(new.body):
        return FactorChange("unchanged", old, new, 1.0)
    sim = cosine(term_counts(f"{old.heading} {old.body}"), term_counts(f"{new.heading} {new.body}"))
    ratio = (len(new.body) + 1) / (len(old.body) + 1)
    kind = "expanded" if ratio >= _LONGER else "shortened" if ratio <= _SHORTER else "reworded"
    return FactorChange(kind, old, new, sim)


def _words(text: str) -> list[str]:
    """The words in order, figures and punctuation aside: a new year's stock-price range, a renumbered note or a
    dropped comma is not a rewording."""
    return _WORD.findall(text.lower())
