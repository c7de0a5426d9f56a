"""Companies named in a goal: by name, short name, possessive, brand, alias or ticker ("$AMD", "NVDA")."""

from __future__ import annotations

import re

from watchdesk.graph.goal.company_said import NO_REPORTS, UNLISTED, record, unread_company
from watchdesk.graph.goal.found import Found, Group, Named
from watchdesk.graph.goal.names import WELL_KNOWN, CompanyIndex, Match, groups, name_key, unlisted_names
from watchdesk.graph.goal.text import Notes, Text, Token, fold
from watchdesk.graph.goal.words import ACRONYMS, PLACES, common_words, words
from watchdesk.sources.models import CompanyRef

MAX_WORDS = 6
SHORT_NAME_RANK = WELL_KNOWN  # a one-word short name stands for one of SEC's first 2,000 companies only
_CONNECTORS = frozenset({"of", "and", "the", "de", "&"})
# Aliases that are also ordinary words: lower-case, they are the word ("meta commentary"); capitalised, the company.
# (Not "apple", "micron", "oracle", "amazon": in a goal, lower-case, they are the companies.)
ORDINARY_ALIASES = words(
    "bp visa arm meta shell target gap block square snap match box zoom gold ball crown edge delta progressive pioneer"
)
_PER_COMPANY_SOURCE = re.compile(r"['’]s\s+(?:news|filings?|calls?|transcripts?|10-?[KQ]s?|8-?Ks?)\b", re.IGNORECASE)
# First words of many SEC names: alone they name no company ("International" starts IBM, IFF, IP, IGT...)
GENERIC = words(
    "international national general united american global first advanced applied digital universal standard "
    "federal pacific western eastern southern northern central royal"
)


def find_companies(text: Text, index: CompanyIndex, notes: Notes) -> Found:
    """Scan left to right, longest name first; what is found is marked as used in `text`."""
    found = Found()
    tokens = text.tokens()
    i = 0
    while i < len(tokens):
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            span = tokens[i : i + n]
            if span[-1].chunk != span[0].chunk:
                continue
            outcome = _resolve(span, index) or _legal_form_ticker(tokens, i, n, index, text.raw)
            if outcome is None or _model_name(tokens, i, n, outcome, text.raw):
                continue
            if isinstance(outcome, Group) and span[0].word.lower() == "the":
                span = span[1:]  # "the Mag 7": the group's name is "Mag 7"
            phrase = text.raw[span[0].start : span[-1].end]
            if (name := _ticker_before_a_name(tokens, i, n, outcome, index)) is not None:
                # "ASM International": one name SEC does not list, not the ticker ASM (Avino Silver) and a word
                outcome, phrase = f"{name} {UNLISTED}", name
                span = tokens[i : i + n + 1]
                n += 1
            if isinstance(outcome, str) and outcome.endswith(UNLISTED) and (more := _rest_of_name(tokens, i + n, text,
                                                                                               index)):
                # "Samsung Electronics": one name SEC does not list, not Samsung and a word to report apart
                span = tokens[i : i + n + more]
                n += more
                phrase = text.raw[span[0].start : span[-1].end]
                outcome = f"{phrase} {UNLISTED}"
            negation = text.negation(span[0].start, span[-1].end)
            if negation and isinstance(outcome, Match) and _PER_COMPANY_SOURCE.search(negation):
                # "but not Microsoft's news": one company's source, which a goal cannot set; the company stays
                notes.unclear(f"{negation!r}: sources are set per company in the file ([[tickers]] sources); "
                              f"{outcome.ref.ticker} is kept with the goal's sources")
                negation = None
            if isinstance(outcome, str) and unread_company(outcome) and not negation:
                # "for Huawei competition": a problem or the goal's words, by where it stands (parse decides)
                found.unlisted.append((span[0].start, span[-1].end, phrase, outcome))
                i += n
                break
            if negation and isinstance(outcome, Match | Group):
                refs = outcome.refs if isinstance(outcome, Group) else (outcome.ref,)
                said = f"company {phrase!r} -> {', '.join(r.ticker for r in refs)} left out (from {negation!r})"
                found.excluded += [Named(ref, phrase, span[0].start, said) for ref in refs]
            else:
                record(outcome, phrase, found=found, index=index, notes=notes, start=span[0].start)
            text.use(span[0].start, span[-1].end)
            found.spans.append((span[0].start, span[-1].end))
            i += n
            break
        else:
            i += 1
    left_out = {n.ref.ticker for n in found.excluded}
    # "NVIDIA, AMD and Intel excluding Intel"
    found.left_out = [n for n in found.named if n.ref.ticker in left_out]
    found.named = [n for n in found.named if n.ref.ticker not in left_out]
    return found


def _resolve(span: list[Token], index: CompanyIndex) -> Match | Group | list[CompanyRef] | str | None:
    """A Match, a Group, candidates (ambiguous), a problem message, or None (not a company name)."""
    first = span[0]
    if group := groups().get(name_key(" ".join(t.word for t in span))):  # "Mag 7", "the magnificent seven": any case
        return Group(group[0], tuple(ref for symbol in group[1] if (ref := index.ticker(symbol)) is not None))
    if len(span) == 1 and first.text.startswith("$"):
        ref = index.ticker(first.word[1:])
        return _with_reports(Match(ref, "ticker"), span, index) if ref else (
            f"no ticker {first.word[1:].upper()} in SEC's ticker map")
    if len(span) > 1 and span[0].word.lower() == "the" and not span[1].capitalized:
        return _resolve(span[1:], index)  # "the bank's" is read as "bank's" is: a word, not Bank of America
    key = name_key(" ".join(t.word for t in span))
    if not key or (len(span) == 1 and len(first.word) == 1) or (len(span) > 1 and (
            key.split()[-1] in _CONNECTORS or span[-1].word.lower() in _CONNECTORS)):
        # one letter starts too many names: "T" is a ticker where a company stands (capitals.py); and no name ends
        # with "and" ("F and GM" is no F&G Annuities) or "and the" ("Nvidia and the Mag 7": Nvidia)
        return None
    words = key.split()
    common = common_words()
    last = span[-1].word
    if len(span) > 1 and last.islower() and last in common and key == name_key(" ".join(t.word for t in span[:-1])):
        return None  # "Track the" is no Track Group, "Shell companies" no Shell plc: the word adds nothing but a word
    if all(w in common or w in _CONNECTORS for w in words):
        return _common_only(span, key, index)
    if len(span) == 1 and first.word.upper() in ACRONYMS:
        return None
    found = index.by_name(key)
    if isinstance(found, list) and len(span) > len(words) and (in_full := index.named_in_full(key)):
        found = in_full  # "Southern Company": the name with its form is the one whose whole name it is
    if found is None and any(t.word != t.text for t in span):  # "Lowe's" is LOWES COMPANIES INC to SEC
        found = index.by_name(name_key(" ".join(t.text.replace("'", "").replace("’", "") for t in span)))
    listed = index.ticker(first.word) if len(span) == 1 and _looks_like_ticker(first) else None
    if listed and not _exact(found):
        return _with_reports(Match(listed, "ticker"), span, index)  # "GE" is GE, not GE Vernova or GE HealthCare
    by_alias = isinstance(found, Match) and found.how == "alias"
    if len(span) == 1 and not by_alias and not first.capitalized:
        return None  # a lower-case word is a company only as an alias: "hello" is not Hello Group
    if by_alias and key in ORDINARY_ALIASES and not any(t.capitalized or t.word != t.text for t in span):
        return None  # "50 bp", "H-1B visa", "foundry arm": words, unless written as names ("Meta", "meta's")
    if len(span) > len(words) and _obscure_start(found, index) and not _starts_as_written(span, found):
        return None  # "Acme Inc": a whole name, with its form, that only starts a little-known company's (Acme United)
    whole = isinstance(found, list) and key in index.names  # "Vertex": a whole SEC name, and the start of others
    if len(span) == 1 and not _exact(found) and not whole and (
            first.initial or _obscure(found, index) or first.word.lower() in GENERIC or first.word.lower() in PLACES):
        # A lower-case or sentence-first word names a company only as an alias or whole SEC name; a short
        # name stands for a well-known company ("Micron"): "chain" or "Blackwell" start too many names.
        return None
    if isinstance(found, list) and not found:  # as written: "Société Générale", not its key
        what = unlisted_names().get(key)  # "Puma": PUMA SE, not Puma Biotechnology
        return f"{' '.join(t.word for t in span)}{f' ({what})' if what else ''} {UNLISTED}"
    return _with_reports(found, span, index)


def _with_reports(
    found: Match | list[CompanyRef] | None, span: list[Token], index: CompanyIndex
) -> Match | list[CompanyRef] | str | None:
    """`found`, or what to say of a company whose SEC entry is its depositary receipts' alone ("Airbus": EADSY, Airbus
    SE/ADR; "Tokyo Electron": TOELY and TOELF, over the counter), which files nothing a run reads: it is read as one SEC
    does not list is."""
    if isinstance(found, Match) and index.files_no_reports(found.ref):
        said = " ".join(t.word for t in span)
        return f"{said} ({found.ref.ticker}, {found.ref.name}) {NO_REPORTS}"
    return found


def _ticker_before_a_name(
    tokens: list[Token], i: int, n: int, outcome: object, index: CompanyIndex
) -> str | None:
    """A little-known company's ticker followed, in the same chunk, by a capitalised word that is no common word
    and names no company by itself: the two are one name ("ASM International", not Avino Silver's ticker ASM and
    a word), returned to report as unresolved."""
    if n != 1 or not (isinstance(outcome, Match) and outcome.how == "ticker") or i + 1 >= len(tokens):
        return None
    if index.rank[outcome.ref.cik] < SHORT_NAME_RANK:
        return None  # "NVDA Blackwell", "GE Aerospace": a well-known ticker before a word is that company
    first, nxt = tokens[i], tokens[i + 1]
    word = nxt.word.lower()
    if nxt.chunk != first.chunk or not nxt.capitalized or (word in common_words() and word not in GENERIC):
        return None
    alone = index.by_name(name_key(nxt.word))
    if index.ticker(nxt.word) or (isinstance(alone, Match) and alone.how != "start of SEC name"):
        return None  # "AMD Intel": two companies
    return f"{first.word} {nxt.word}"


def _legal_form_ticker(tokens: list[Token], i: int, n: int, index: CompanyIndex, raw: str) -> Match | None:
    """A ticker that is a legal form's word too ("DE", Deere's; "SE", Sea Ltd's), which no name holds ("Deere & Co"
    without its "Co"), written in capitals where no name comes right before it ("Siemens AG", "Airbus SE": the
    name's form)."""
    tok = tokens[i]
    if n != 1 or not _looks_like_ticker(tok) or tok.word in ACRONYMS or name_key(tok.word) or tok.text.startswith("$"):
        return None
    before = tokens[i - 1] if i else None
    if before is not None and before.chunk == tok.chunk and before.capitalized and raw[before.end : tok.start].isspace(
            ) and before.word.lower() not in common_words():
        return None
    ref = index.ticker(tok.word)
    return Match(ref, "ticker") if ref is not None else None


def _model_name(tokens: list[Token], i: int, n: int, outcome: object, raw: str) -> bool:
    """Is the ticker at tokens[i] the word after a model number ("737 MAX", "A320 NEO"): part of a product's name, not
    MediaAlpha's ticker?"""
    return n == 1 and isinstance(outcome, Match) and outcome.how == "ticker" and after_model_number(
        raw, tokens[i].start)


_MODEL_NUMBER = re.compile(r"(?<![\w$.,-])[A-Z]?\d{3} $")  # "737 ", "A320 ": not "Q3 ", "2025 ", "$100 "


def after_model_number(raw: str, start: int) -> bool:
    """Does raw[start:] follow a model number and a space ("737 MAX")?"""
    return bool(_MODEL_NUMBER.search(raw, 0, start))


def _rest_of_name(tokens: list[Token], i: int, text: Text, index: CompanyIndex) -> int:
    """How many capitalised words right after a name SEC does not list go on with it ("Electronics" after "Samsung"):
    no common word, no company of its own."""
    more = 0
    while i + more < len(tokens):
        tok, before = tokens[i + more], tokens[i + more - 1]
        found = index.by_name(name_key(tok.word))
        if (tok.chunk != before.chunk or not text.raw[before.end : tok.start].isspace() or not tok.capitalized
                or tok.word.lower() in common_words() or index.ticker(tok.word)
                or (isinstance(found, Match) and found.how != "start of SEC name")):  # fmt: skip
            break
        more += 1
        if tok.word != tok.text:  # "Samsung Electronics's": the name ends there
            break
    return more


def _obscure(found: Match | list[CompanyRef] | None, index: CompanyIndex) -> bool:
    return isinstance(found, Match) and index.rank[found.ref.cik] >= SHORT_NAME_RANK


def _obscure_start(found: Match | list[CompanyRef] | None, index: CompanyIndex) -> bool:
    return isinstance(found, Match) and found.how == "start of SEC name" and _obscure(found, index)


def _starts_as_written(span: list[Token], found: Match | list[CompanyRef] | None) -> bool:
    """Does the company's SEC name start with the span's words as written, a legal form's word too ("Washington Trust":
    WASHINGTON TRUST BANCORP), not only with those left once the form is taken off ("Acme Inc": not ACME UNITED)?"""
    written = re.sub(r"[^a-z0-9]+", " ", fold(" ".join(t.word for t in span))).split()
    return isinstance(found, Match) and name_key(found.ref.name).split()[: len(written)] == written


def _common_only(span: list[Token], key: str, index: CompanyIndex) -> Match | None:
    """Ordinary words name a company only as an exact alias or SEC name, written with capitals (not only as the
    sentence's first word, but "Target's 10-Q")."""
    if len(span) == 1 and ((span[0].initial and span[0].word == span[0].text) or not span[0].capitalized):
        return None
    if len(span) > 1 and key not in index.aliases and not all(
        t.capitalized or t.word.lower() in _CONNECTORS for t in span
    ):
        return None
    found = index.by_name(key)
    if isinstance(found, list) and len(span) > len(key.split()):
        found = index.named_in_full(key)  # "Southern Company": SO, whose whole name it is, not Southern Copper
    if isinstance(found, Match) and (found.how == "alias" or (len(span) > 1 and found.how == "SEC name")):
        return found
    return None


def _exact(found: Match | list[CompanyRef] | None) -> bool:
    return isinstance(found, Match) and found.how != "start of SEC name"


def _looks_like_ticker(token: Token) -> bool:
    word = token.word
    return 2 <= len(word) <= 6 and word.isupper() and word.lower() not in common_words()



