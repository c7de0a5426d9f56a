"""Sentences of a text, and those added or removed between two versions of it (MD&A sections, a risk factor's two
bodies): figures and light rewordings aside. Pure and deterministic."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from watchdesk.sources.abbreviations import (
    ABBREVIATIONS,
    ALSO_END_SENTENCES,
    IN_FILINGS_TOO,
    abbreviation_vetoes,
    after_abbreviation,
)

_WORD = re.compile(r"[a-z]+")
_WORD_OR_FIGURE = re.compile(r"[a-z0-9]+")
_LETTERS = re.compile(r"[A-Za-z]+")  # _WORD on text not lowered, so offsets stay the text's
_QUOTES = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
# A period after an abbreviation ("the U.S. Government", "Huawei Technologies Co. Ltd.", "Lipchitz v. Huang") or a lone
# initial ("Colette M. Kress") ends no sentence, as in flagging's splitter (which ends one after "v."); an initial only
# as a word of its own, since "Item 1A.", "Form 10-K." and "investments in R&D." do end sentences in filings. After an
# abbreviation that can also end one ("outside the U.S. As a result, ..."), a word that starts sentences and no name
# does start one. The break starts with its punctuation so the engine skips plain text fast.
_STARTS = (
    "A Accordingly Additionally Also Although An Any As At Because But By Certain Consequently During Each For "
    "Furthermore However If In It Its Many Moreover Our See Since Some Such That The There Therefore These They This "
    "Those Thus Unless We When While"
)
_SENTENCE_BREAK = re.compile(
    rf"[.!?]{abbreviation_vetoes(words=(ABBREVIATIONS | IN_FILINGS_TOO) - ALSO_END_SENTENCES)}"
    rf"(?:{abbreviation_vetoes(words=ALSO_END_SENTENCES)}|(?=['\"’”)]*\s+(?:{'|'.join(_STARTS.split())})\b))"
    r"(?<!(?<![\w.&/-])[A-Z]\.)['\"’”)]*\s+(?=[A-Z“\"(])"
)
# Another capitalised word after such an abbreviation starts a sentence ("... located in the U.S. Restrictions on
# international trade, such as tariffs ...") or goes on a name ("the U.S. Department of the Treasury", "U.S. Tariffs
# have been announced"). A name goes on in title case, past "of", "the", ...; and a name comes again, so a pair the
# filing writes twice or more is one (Punkt's collocation cue, Kiss and Strunk 2006): "U.S. Holder" 31 times in Plymouth
# Rock's 20-F, "U.S. Tariffs" 6 in Apple's Q2 FY2025 10-Q, Tesla's "U.S. Treasury yield ... U.S. Treasury notes". The
# word is group 2; group 1 is the break. A word that starts sentences and no name (_STARTS) starts one whatever follows
# it ("... into the U.S. Because the U.S. is an important market", "... outside the U.S. The Company believes ..." in
# Alphabet's 10-Qs and Apple's 10-K), as in the filing comparison's own sentences (_SENTENCE_BREAK), and is never a
# name: Alphabet's page headers ("Alphabet Inc.\nThe following table ...", "Alphabet Inc.\nAs of June 30") wrote "As"
# and "The" after "Inc." five times.
_AFTER_ALSO_END = rf"\.{after_abbreviation(words=ALSO_END_SENTENCES)}"
_NAME_LINKS = "of|for|and|the|on|to|in|at|a|an"
_START_WORDS = frozenset(_STARTS.split())
_CLAUSE_AFTER = re.compile(
    rf"({_AFTER_ALSO_END}['\"’”)]*\s+)((?:{'|'.join(sorted(_START_WORDS))})\b"
    rf"|[A-Z][a-z]+(?=(?:['’]s)?(?:\s+(?:{_NAME_LINKS})\b)*+\s+[a-z]))"
)
_WORD_AFTER = re.compile(rf"{_AFTER_ALSO_END}['\"’”)]*\s+([A-Z][a-z]+)")
# Figures and period words: "three months ended June 30, 2023" and "nine months ended September 30, 2023" read alike.
_FIGURES = re.compile(
    r"\d[\d,.]*|\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|first|second|third|fourth|three|six|nine|twelve)\b"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def normalize(text: str) -> str:
    """Lower case, one kind of quote and dash, whitespace collapsed: how headings are looked up in text."""
    for fancy, plain in _QUOTES:  # str.replace is many times faster than str.translate on a 2 MB filing
        text = text.replace(fancy, plain)
    return " ".join(text.lower().split())


def names_after_abbreviations(*texts: str) -> frozenset[str]:
    """Capitalised words that follow an abbreviation which can end a sentence ("U.S.", "Inc.") at least twice in one
    of `texts` (the filings compared): names ("U.S. Holder"), never a sentence's first word."""
    counts = Counter(w for text in texts for w in _WORD_AFTER.findall(text) if w not in _START_WORDS)
    return frozenset(w for w, n in counts.items() if n > 1)


def clauses_after_abbreviations(text: str, *, names: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """(where a sentence ends, where the next starts) at each new clause after "U.S." and the like ("... located in
    the U.S. Restrictions on international trade ..."), in text order; `names` as for sentences()."""
    names = names_after_abbreviations(text) if names is None else names
    # read in one pass over the text: a search per line costs more than the search itself
    return [(m.start(1) + len(m.group(1).rstrip()), m.end(1)) for m in _CLAUSE_AFTER.finditer(text)
            if m.group(2) not in names and "\n" not in m.group(1)]  # fmt: skip


def sentences(text: str, *, offset: int = 0, names: frozenset[str] | None = None) -> list[Sentence]:
    """Sentences of prose lines (table rows left out), with offsets into the document. `names`: the words that go on
    a name after "U.S." and the like (names_after_abbreviations of the filing; by default, of `text`)."""
    clauses = clauses_after_abbreviations(text, names=names)
    out, pos = [], offset
    for line in text.split("\n"):
        if " | " not in line:
            cut = 0
            for end, start in [*_breaks(line, clauses, pos - offset), (len(line), len(line))]:
                chunk = line[cut:end].rstrip()
                if len(chunk) >= 20:
                    out.append(Sentence(pos + cut, pos + cut + len(chunk), chunk))
                cut = start
        pos += len(line) + 1
    return out


def _breaks(line: str, clauses: list[tuple[int, int]], at: int) -> list[tuple[int, int]]:
    """(where a sentence ends, where the next starts) for each sentence break in the line at `at` of the text whose
    breaks before a new clause after "U.S." and the like are `clauses`, in order."""
    found = {brk.start() + len(brk.group(0).rstrip()): brk.end() for brk in _SENTENCE_BREAK.finditer(line)}
    if clauses:
        for end, start in clauses[bisect_left(clauses, (at, 0)) :]:
            if end > at + len(line):
                break
            found.setdefault(end - at, start - at)
        return sorted(found.items())
    return list(found.items())


# A heading ("Israel and Hamas Conflict", "Demand and Supply, Product Transitions, and New Products and Business
# Models"): a line of its own in title case, at most twelve words, no sentence-ending punctuation. It names what the
# text under it is about and states nothing, so it is never a sentence added or removed. On the fixtures' MD&A and risk
# sections the rule marks 125 lines, every one a heading, a group heading or a table's period caption; sentence-case
# ones ("Google advertising revenues") are left as sentences.
_HEADING_WORDS = 12
_LINK_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                         "with", "vs", "versus", "per", "&", "-", "–", "—"})  # fmt: skip
_HEADING_TOKEN = re.compile(r"[^\s,()]+")
_NO_STOP = frozenset(".?!:;\"')”’")


def is_heading(text: str) -> bool:
    """A line that reads as a heading: title case, short, no stop at its end (`text` is the whole line)."""
    words = _HEADING_TOKEN.findall(text)
    if not words or len(words) > _HEADING_WORDS or text.rstrip()[-1:] in _NO_STOP or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _LINK_WORDS for w in words)


def _alone(s: Sentence, text: str, offset: int) -> bool:
    """Is the sentence its line, whole (no other sentence on it)?"""
    at, end = s.start - offset, s.end - offset
    return (at == 0 or text[at - 1] == "\n") and text[end : end + 1] in ("", "\n")


SAME_WORDS = 0.8  # word-set Jaccard at or above which an old sentence is the new one reworded, not a new one


@dataclass(frozen=True, slots=True)
class Inserted:
    """Words a sentence gained while staying a light rewording of an old one (NVIDIA's "..., including the
    implementation of tariffs by the USG or other governments, ..."): the words, and the new sentence they are in."""

    part: Sentence
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class TextChanges:
    """What `new` has that `old` lacks: whole sentences, and words inserted into reworded sentences."""

    added: tuple[Sentence, ...] = ()
    inserted: tuple[Inserted, ...] = ()


def added_sentences(old: str, new: str, new_offset: int, *, names: frozenset[str] | None = None) -> list[Sentence]:
    """Sentences of `new` that `old` lacks, figures aside (a new quarter's numbers alone are not new text), and
    light rewordings aside: a sentence whose words are nearly all one old sentence's ("or" become "and", a list
    reordered, ", including," inserted; word-set Jaccard >= SAME_WORDS) is not new. `names` as for `sentences`."""
    return _fresh(old, new, new_offset, names)[0]


def removed_sentences(old: str, new: str, old_offset: int, *, names: frozenset[str] | None = None) -> list[Sentence]:
    """Sentences of `old` that `new` no longer says (offsets into the older document: `old_offset` is where `old`
    starts), by `added_sentences`' rules read the other way: not a sentence `new` holds figures aside, whole across
    its line and page breaks, or lightly reworded (word-set Jaccard >= SAME_WORDS with one of its sentences); a
    piece of one a page break cut off in `old` that `new` holds is not removed; a sentence `old` says twice is
    removed once, where first said."""
    return _fresh(new, old, old_offset, names)[0]


def text_changes(old: str, new: str, new_offset: int, *, names: frozenset[str] | None = None) -> TextChanges:
    """The sentences `added_sentences` finds, and in each light rewording the runs of words it inserted that hold
    a word its old sentence lacks (figures aside: words are letters only)."""
    added, reworded = _fresh(old, new, new_offset, names)
    return TextChanges(tuple(added), tuple(part for n, o in reworded for part in _inserted(n, o)))


def text_losses(old: str, new: str, old_offset: int, *, names: frozenset[str] | None = None) -> TextChanges:
    """`text_changes` read the other way: the sentences `removed_sentences` finds (as `added`), and in each light
    rewording the runs of words it deleted that hold a word its new sentence lacks (as `inserted`: quoted from the
    older text, with the old sentence they were in). Tesla's supplier factor kept its sentence but dropped "such as
    the global COVID-19 pandemic"."""
    removed, reworded = _fresh(new, old, old_offset, names)
    deleted = (part for o, n in reworded for part in _inserted(o, n) if not _spelled_out(part.part.text, n.text))
    return TextChanges(tuple(removed), tuple(deleted))


def _spelled_out(words: str, other: str) -> bool:
    """Are `words` a name whose initials the other sentence writes instead ("cloud service providers" -> "CSPs")?"""
    initials = "".join(w[0] for w in _LETTERS.findall(words)).lower()
    return len(initials) > 1 and any(w.lower().rstrip("s") == initials for w in _LETTERS.findall(other))


def found_in(
    said: Sequence[Sentence], text: str, offset: int, *, names: frozenset[str] | None = None
) -> dict[int, Sentence]:
    """For each of `said` (by index) that `text` says too, figures aside or lightly reworded, the sentence of `text`
    that says it (offsets from `offset`): where a sentence removed from one section went in another."""
    was = _old_text(text, names)
    out: dict[int, Sentence] = {}
    for n, s in enumerate(said):
        at = was.first.get(_key(s.text))  # the first said, if twice
        if at is None:
            at = _reworded(frozenset(_WORD.findall(s.text.lower())), was.words, was.holding)
        there = was.sentences[at] if at is not None else None
        if there is not None and len(there.text) == there.end - there.start:  # a quote of `text`, not cut pieces
            out[n] = Sentence(there.start + offset, there.end + offset, there.text)
    return out


@dataclass(frozen=True, slots=True)
class _OldText:
    sentences: list[Sentence]
    seen: frozenset[str]  # each sentence, figures aside
    words: list[frozenset[str]]  # each sentence's words
    holding: dict[str, list[int]]  # word -> the sentences that hold it
    prose: str  # the text's prose lines as one, figures aside: a sentence a page break cut is whole in it
    first: dict[str, int]  # each sentence figures aside -> the first of `sentences` that says it


# A comparison keys each sentence four or five times (as the older text's sentence and piece, as the newer text's
# when the two are read the other way, in each changed factor and where a removed one went): keyed once, the
# figures' regex, which tries its period words at every letter, was half of a 10-K pair's comparison time.
_KEYS_KEPT = 16384


@lru_cache(maxsize=_KEYS_KEPT)
def _key(text: str) -> str:
    """A sentence as compared: normalized, figures and period words aside."""
    return _FIGURES.sub("0", normalize(text))


# _FIGURES for prose: a figure without the stop or comma after it, so "... to June 30, 2023." is not found in
# "... to June 30, 2023 and increased ..." (_FIGURES reads "30, 2023," and "30, 2023" alike, as a sentence should)
_PROSE_FIGURES = re.compile(_FIGURES.pattern.replace(r"\d[\d,.]*", r"\d+(?:[,.]\d+)*", 1))


@lru_cache(maxsize=_KEYS_KEPT)
def _prose_key(text: str) -> str:
    """A sentence as looked for in a text's prose (`_prose`): normalized, figures (not the stop after them) aside."""
    return _PROSE_FIGURES.sub("0", normalize(text))


def _prose(text: str) -> str:
    """The text's lines that are not table rows, as one: a page's running header ("Table of Contents | Alphabet Inc.",
    a table row to `sentences`) between the two halves of a sentence is left out, so the sentence reads whole."""
    return _PROSE_FIGURES.sub("0", normalize(" ".join(line for line in text.split("\n") if " | " not in line)))


_ENDS = frozenset(".?!:;\"')")


def _in_prose(sentence: Sentence, key: str, prose: str, *, runs_on: bool = False) -> bool:
    """Is the sentence in the older text's prose (`key`: as `_prose_key` gives it), a page break aside?
    It must start and end one there, so "Our supply will be constrained." is not found in "We do not expect that our
    supply will be constrained.", nor "Operating income increased." in "Operating income increased, driven by ...".
    A piece a page break cut off may be part of one: its end starts in lower case ("incur additional charges in the
    future as we ...") or goes on from a line that ended mid-sentence (`runs_on`: "... aftermarket sales of our" /
    "GPUs, which could ..."), its start ends without a stop ("For the three and nine months")."""
    starts_one, ends_one = not (runs_on or sentence.text[:1].islower()), sentence.text.rstrip()[-1:] in _ENDS
    start = prose.find(key)
    while start >= 0:
        end = start + len(key)
        if (not starts_one or start == 0 or prose[start - 2 : start - 1] in _ENDS) and (
            not ends_one or prose[end : end + 1] in ("", " ")
        ):
            return True
        start = prose.find(key, start + 1)
    return False


_RUNS_ON = re.compile(r"(?:\b[a-z][\w'’-]*|,)$")  # a line ending on a lower-case word ("of our") or a comma
_ITEM = re.compile(r"[•●◦▪■*–—-]|\(\w{1,4}\)\s")  # a list's item: a bullet or "(a) ", "(iv) "
_ENDED_INSIDE = re.compile(r"[.!?;:]['\"’”)]*\s")  # a sentence (or a list's item) ended inside the line


def _runs_on(text: str, at: int) -> bool:
    """Does the sentence at `at` in `text` go on from the line before it, which a line or page break cut mid-sentence
    ("... increased aftermarket sales of our" / "GPUs, which could ...")? Table rows between (a page's running header,
    "Table of Contents | Alphabet Inc.") are skipped. A heading ends none, though it may end in lower case ("YouTube
    ads"): a line that runs on has more than twenty words (subheadings' longest) or a sentence ended inside it. A
    list's item starts none ("• suppliers extending lead times ...; and" / "• our customers' ability to ...")."""
    if at == 0 or text[at - 1] != "\n" or _ITEM.match(text, at):
        return False
    end = at - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip()
        if line and " | " not in line:
            prose = len(line.split()) > 20 or _ENDED_INSIDE.search(line) is not None
            return prose and _RUNS_ON.search(line) is not None
        end = start - 1
    return False


def _wholes(text: str, offset: int, pieces: list[Sentence]) -> list[tuple[Sentence, ...]]:
    """The sentences of `text` (`pieces`: `sentences` of it, at `offset`), the pieces of one that a line or page break
    cut grouped, in order: a piece that ends its line without a stop, and the piece that starts the next prose line
    (`_runs_on`; a running header between is a table row), are one sentence ("For the three and nine months" /
    "Table of Contents | Alphabet Inc." / "ended September 30, 2023, unallocated corporate costs include ...")."""
    groups: list[list[Sentence]] = []
    for s in pieces:
        before = groups[-1][-1] if groups else None
        if before is not None and before.text[-1:] not in _ENDS and _runs_on(text, s.start - offset):
            between = text[before.end - offset : s.start - offset].split("\n")
            if not between[0].strip() and all(not line.strip() or " | " in line for line in between[1:-1]):
                groups[-1].append(s)
                continue
        groups.append([s])
    return [tuple(g) for g in groups]


def _whole(group: tuple[Sentence, ...]) -> Sentence:
    """A sentence as compared: its pieces joined by a space (offsets from the first's start to the last's end; the
    text is no quote of the document when a break cut it, so only its pieces are quoted)."""
    return group[0] if len(group) == 1 else Sentence(group[0].start, group[-1].end, " ".join(p.text for p in group))


@lru_cache(maxsize=8)
def _old_text(old: str, names: frozenset[str] | None) -> _OldText:
    """The older text read once: a filing's risk factors are the old side of every changed factor's comparison. A
    sentence a break cut is compared whole, and is seen as its pieces too."""
    pieces = sentences(old, names=names)
    old_sentences = [_whole(g) for g in _wholes(old, 0, pieces)]
    words = [frozenset(_WORD.findall(s.text.lower())) for s in old_sentences]
    holding: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        for w in ws:
            holding.setdefault(w, []).append(i)
    keys = [_key(s.text) for s in old_sentences]
    first = {k: i for i, k in reversed(list(enumerate(keys)))}
    seen = frozenset((*(_key(s.text) for s in pieces), *keys))
    return _OldText(old_sentences, seen, words, holding, _prose(old), first)


def _fresh(
    old: str, new: str, new_offset: int, names: frozenset[str] | None
) -> tuple[list[Sentence], list[tuple[Sentence, Sentence]]]:
    """Sentences of `new` not in `old` (figures aside): those added, and (new, old) pairs of light rewordings. A
    sentence a line or page break cut is judged whole: held or reworded, none of its pieces is added; else its pieces
    are, but for a piece the older text holds (as one alone is judged)."""
    was = _old_text(old, names)
    fresh: list[tuple[Sentence, tuple[Sentence, ...]]] = []
    said: set[str] = set()
    for group in _wholes(new, new_offset, sentences(new, offset=new_offset, names=names)):
        s = _whole(group)
        if len(group) == 1 and is_heading(s.text) and _alone(s, new, new_offset):
            continue  # a heading states nothing: neither added nor removed
        words = " ".join(_WORD_OR_FIGURE.findall(normalize(s.text)))  # a comma more or less: the same sentence
        if words in said or _held(s, was, new, new_offset):
            continue
        said.add(words)  # a sentence said again in the newer text (a 10-Q's "Growth was adversely affected by ...")
        parts = group if len(group) == 1 else tuple(p for p in group if not _held(p, was, new, new_offset))
        if parts:  # is added once, where it is first said
            fresh.append((s, parts))
    if not fresh:
        return [], []
    old_sentences, old_words, holding = was.sentences, was.words, was.holding
    added: list[Sentence] = []
    reworded: list[tuple[Sentence, Sentence]] = []
    for s, parts in fresh:
        like = _reworded(frozenset(_WORD.findall(s.text.lower())), old_words, holding)
        if like is None:
            added += parts
        elif len(parts) == 1 and parts[0] is s:  # the words inserted are quoted from a sentence no break cut
            reworded.append((s, old_sentences[like]))
    return added, reworded


def _held(s: Sentence, was: _OldText, new: str, new_offset: int) -> bool:
    """Does the older text hold the sentence, figures aside, as one of its sentences or in its prose?"""
    if _key(s.text) in was.seen:
        return True
    return _in_prose(s, _prose_key(s.text), was.prose, runs_on=_runs_on(new, s.start - new_offset))


def _reworded(words: frozenset[str], old_words: Sequence[frozenset[str]], holding: dict[str, list[int]]) -> int | None:
    """The old sentence sharing the most (at least SAME_WORDS) of the union of its words with `words`, if any; of
    those alike, the first.

    Jaccard >= t needs `least` = ceil(t * |words|) words in common, so an old sentence that shares none of the
    |words| - least + 1 rarest of `words` cannot be one (prefix filtering, Chaudhuri et al. 2006): only the sentences
    holding those rare words are scored, each by its set's size first (t * |old| <= |words|) and then by one set
    intersection. Counting every shared word of every old sentence, "the" and "and" included, took most of a
    comparison's time."""
    if not words:
        return None
    need = SAME_WORDS * len(words)  # Jaccard >= t needs at least t * |words| words in common
    least = math.ceil(need)
    rare = sorted(words, key=lambda w: len(holding.get(w, ())))[: len(words) - least + 1]
    candidates = {i for w in rare for i in holding.get(w, ())}
    best: tuple[float, int] | None = None
    for i in candidates:
        other = old_words[i]
        if len(other) < least or SAME_WORDS * len(other) > len(words) + 1e-9:  # too few words, or too many
            continue
        n = len(words & other)
        score = (n / (len(words) + len(other) - n), -i)  # as n / len(words | other)
        if n >= need and score[0] >= SAME_WORDS and (best is None or score > best):
            best = score
    return -best[1] if best is not None else None


def _inserted(new: Sentence, old: Sentence) -> list[Inserted]:
    """Runs of words `new` inserted or put in place of `old`'s, kept when one of their words is not in `old`
    (a list reordered moves known words only); runs one word apart are one run."""
    tokens = list(_LETTERS.finditer(new.text))
    new_words = [m.group().lower() for m in tokens]
    old_words = _WORD.findall(old.text.lower())
    known = set(old_words)
    runs: list[list[int]] = []
    for tag, _, _, j1, j2 in SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if tag in ("insert", "replace") and not known.issuperset(new_words[j1:j2]):
            if runs and j1 - runs[-1][1] <= 1:
                runs[-1][1] = j2
            else:
                runs.append([j1, j2])
    out = []
    for j1, j2 in runs:
        a, b = tokens[j1].start(), tokens[j2 - 1].end()
        out.append(Inserted(Sentence(new.start + a, new.start + b, new.text[a:b]), new))
    return out
