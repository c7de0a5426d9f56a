"""Which of the words no parser read stand in a list of companies ("NVIDIA, acme and rivian"): beside a company, or
beside another such word that is ("NVDA, xyzzy and rivian": 'rivian' is listed though 'xyzzy' is no company)."""

from __future__ import annotations

import re

from watchdesk.graph.goal.companies import ORDINARY_ALIASES
from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.lower_case import by_a_space
from watchdesk.graph.goal.names import CompanyIndex, Match, name_key
from watchdesk.graph.goal.positions import beside_any, qualified_words
from watchdesk.graph.goal.text import Token
from watchdesk.graph.goal.words import words
from watchdesk.sources.models import CompanyRef

_JOINT = r"\s*(?:,\s*and\b|,|&|\+|\band\b|\bor\b)\s*"


def listed_groups(groups: list[list[Token]], found: Found, raw: str, spaced: set[int]) -> set[int]:
    """The groups listed with the goal's companies, through the list's other unread words: a word not understood
    breaks no list. One of lower-case tickers typed with spaces between them ("nvda tsm asml") is listed by a space
    beside a company too."""
    spans = list(found.spans)
    listed: set[int] = set()
    while True:
        more = {i for i, g in enumerate(groups) if i not in listed and (
            beside_any(g[0].start, g[-1].end, spans, raw) or _a_word_between(g[0].start, g[-1].end, spans, raw)
            or (i in spaced and any(by_a_space(g[0], s, e, raw) for s, e in found.spans)))}  # fmt: skip
        if not more:
            return listed
        listed |= more
        spans += [(groups[i][0].start, groups[i][-1].end) for i in more]


def _a_word_between(start: int, end: int, spans: list[tuple[int, int]], raw: str) -> bool:
    """Is raw[start:end] one item further along a list than one of `spans`, the item between them a single word no
    parser took for a company ("ford, gm, stellantis": 'stellantis' is listed though 'gm' is read as no ticker)?"""
    return any(_ONE_ITEM.fullmatch(raw, e, start) or _ONE_ITEM.fullmatch(raw, end, s) for s, e in spans)


_ONE_ITEM = re.compile(rf"{_JOINT}[^\W_][\w.'’&-]*{_JOINT}", re.IGNORECASE)


def lower_alias(tok: Token, index: CompanyIndex) -> CompanyRef | None:
    """The company an ordinary word names as an alias when capitalised ("Target"), for that word in lower case."""
    if not tok.word.islower() or tok.word not in ORDINARY_ALIASES:
        return None
    alias = index.by_name(name_key(tok.word))
    return alias.ref if isinstance(alias, Match) and alias.how == "alias" else None


def alias_alone(group: list[Token], index: CompanyIndex, raw: str, starts: set[int]) -> CompanyRef | None:
    """The company an ordinary word in lower case names ("meta", "target", "shell"), when it stands alone as a company
    does: read as that company only in a list of companies ("nvda, meta and amd"). One qualifying the words after
    it ("target customers", "meta commentary") stays the word."""
    ref = lower_alias(group[0], index) if len(group) == 1 else None
    if ref is None or qualified_words([Named(ref, group[0].text, group[0].start)], raw, starts):
        return None
    return ref


def name_alone(group: list[Token], index: CompanyIndex, raw: str, starts: set[int]) -> CompanyRef | None:
    """The well-known company whose whole SEC name, but for its form ("Inc.", "Group"), an English word in lower case
    is ("lucid": Lucid Group, Inc.; "snowflake"), when it stands alone as a company does: read as that company only
    in a list of companies ("tesla, rivian, lucid"), as alias_alone's words are. A word that only starts a name
    ("gaming", "steel", "bank") names no company, and one qualifying the words after it ("lucid commentary") stays
    the word."""
    ref = whole_name(group, index)
    if ref is None or qualified_words([Named(ref, group[0].text, group[0].start)], raw, starts):
        return None
    return ref


def whole_name(group: list[Token], index: CompanyIndex) -> CompanyRef | None:
    """The well-known company whose whole SEC name, but for its form, an English word in lower case is ("lucid")."""
    from watchdesk.graph.goal.lower_case import lower_case_name

    ref = lower_case_name(group, index, english=True)
    if ref is None or any(w not in _FORMS for w in re.findall(r"[a-z]{2,}", ref.name.lower())[1:]):
        return None
    return ref


_FORMS = words("inc incorporated corp corporation co company group holdings holding ltd limited plc nv sa ag se de "
               "the llc lp")


def listed_together(groups: list[list[Token]], companies: list[CompanyRef | None], raw: str) -> set[int]:
    """The groups read as companies in lower case ("meta and googl") listed with one another: a list of companies
    though the goal names none in capitals."""
    spans = {i: (g[0].start, g[-1].end) for i, g in enumerate(groups) if companies[i]}
    return {i for i, (start, end) in spans.items()
            if beside_any(start, end, [s for j, s in spans.items() if j != i], raw)}  # fmt: skip
