"""Tickers typed in lower case ("watch nvda and tsm"): read only where a company stands, never a common word."""

from __future__ import annotations

import difflib
import re

from watchdesk.graph.goal.capitals import first_as_acronym, first_as_company, margin_follows
from watchdesk.graph.goal.companies import ORDINARY_ALIASES, SHORT_NAME_RANK
from watchdesk.graph.goal.company_said import ticker_doubt
from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.names import CompanyIndex, former_ticker, ticker_changed
from watchdesk.graph.goal.positions import LIST_JOINT, after_watch_verb, is_ordinary, qualified_words
from watchdesk.graph.goal.text import Notes, Text, Token
from watchdesk.graph.goal.words import ACRONYMS, COMPANY_FIRST, common_words, english_words
from watchdesk.sources.models import CompanyRef


def lower_case_ticker(group: list[Token], index: CompanyIndex) -> CompanyRef | None:
    """The company whose ticker a lone lower-case word is ("nvda"), if it is read as one: a well-known company's and
    no ordinary word. "gold" (Barrick Gold's) and "cash" (a little-known bank's) are the words."""
    ref = ticker_in_lower_case(group, index)
    if ref is None or is_ordinary(group[0].word) or index.rank[ref.cik] >= SHORT_NAME_RANK:
        return None
    return ref


def lower_case_name(group: list[Token], index: CompanyIndex, *, english: bool = False) -> CompanyRef | None:
    """The well-known company whose SEC name a lone lower-case word starts ("rivian", "broadcom"), when that word is
    no English word ("lucid", "apple", "charles" stay words; `english`: an English word too, not a common one) and no
    ticker; read where a company stands, and said."""
    from watchdesk.graph.goal.names import Match, name_key
    from watchdesk.graph.goal.words import is_english

    word = group[0].word
    if len(group) != 1 or not word.isalpha() or not word.islower() or len(word) < 4 or (is_english(word) and
                                                                                       not english):
        return None
    if word.upper() in ACRONYMS or is_ordinary(word) or index.ticker(word) is not None:
        return None
    found = index.by_name(name_key(word))
    if not isinstance(found, Match) or index.rank[found.ref.cik] >= SHORT_NAME_RANK or index.files_no_reports(
            found.ref):
        return None  # "airbus": no filings to read (leftovers say so)
    return found.ref


def stays_a_word(tok: Token, ref: CompanyRef, raw: str, starts: set[int]) -> bool:
    """Is a lower-case ticker that is also an English word read as the word, qualifying the word after it ("low
    margins", "fast growth"), as after a watch verb ("watch cash flow")? One that is no word ("tsm", "nvda") qualifies
    nothing: "NVDA tsm supply chain" is TSMC's."""
    return tok.word in english_words() and bool(qualified_words([Named(ref, tok.text, tok.start)], raw, starts))


def ticker_in_lower_case(group: list[Token], index: CompanyIndex) -> CompanyRef | None:
    """The company whose ticker a lone lower-case word is, read as one or not ("nvda", "gold")."""
    word = group[0].word
    if len(group) == 1 and _CLASS_SHARE.fullmatch(word):  # "brk.b", "bf-b"
        return index.ticker(word)
    if len(group) != 1 or not word.isalpha() or not word.islower() or not 2 <= len(word) <= 5:
        return None
    return index.ticker(word)


def ticker_slip(group: list[Token], index: CompanyIndex) -> bool:
    """Is a lone lower-case word no ticker but shaped like one and close to one ("tsmm", "nvdaa", "muu")? Listed
    with the companies it is a slip for one, not a word to leave out in silence."""
    word = group[0].word
    if len(group) != 1 or not word.isalpha() or not word.islower() or not 2 <= len(word) <= 6 or is_ordinary(word):
        return False
    return index.ticker(word) is None and bool(difflib.get_close_matches(word.upper(), index.by_ticker, cutoff=0.8))


def as_written(ref: CompanyRef) -> str:
    """How to name a company whose ticker was a word in lower case."""
    return f"not the ticker of {ref.name} ({ref.ticker}): write {ref.ticker} or ${ref.ticker} to watch it"


def read_as_ticker(
    found: Found, ref: CompanyRef, phrase: str, start: int, notes: Notes | None = None, *, how: str | None = None
) -> None:
    """`phrase` read as `ref`'s ticker (or as `how` says); said now (`notes`), or once the companies are placed."""
    word = re.sub(r"['’]s$", "", phrase)  # "nvda's"
    how = how or ("by ticker, written in lower case" if word.upper().replace(".", "-") in (
        ref.ticker, former_ticker(ref)) else
                  f"by the start of its SEC name, written in lower case (write {ref.ticker} or {word.capitalize()} to "
                  "be sure)")
    said = f"company {phrase!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}) {how}" + ticker_doubt(word, ref)
    said += ticker_changed(word, ref)
    found.named.append(Named(ref, phrase, start, said))
    found.spans.append((start, start + len(phrase)))
    if notes is not None:
        notes.decide(said)


def read_where_watched(text: Text, found: Found, index: CompanyIndex) -> None:
    """Before the companies are placed, as "NVDA" is: a well-known company's ticker in lower case right after a watch
    verb ("watch nvda for Apple demand", "keep an eye on tsm", "watch nvda cash flow"), alone or before its own source
    ("nvda filings"), so the companies named as context of it are not watched. An English word qualifying words
    ("watch low margins") stays a word."""
    raw, starts = text.raw, {n.start for n in found.named}
    for tok in text.tokens():
        if tok.word.upper() in ACRONYMS or text.negation(tok.start, tok.end) or not after_watch_verb(tok.start, raw):
            continue
        ref = lower_case_ticker([tok], index)  # "watch gold", "watch cash, debt and margins": the words
        if ref is None:
            continue
        if stays_a_word(tok, ref, raw, starts):
            continue
        read_as_ticker(found, ref, tok.text, tok.start)
        text.use(tok.start, tok.end)


def leave_out_negated(text: Text, found: Found, index: CompanyIndex) -> None:
    """A lower-case ticker in a negation ("excluding tsm") leaves out the company the goal names elsewhere, as "TSM"
    does; one the goal names nowhere else stays an unread word."""
    named = {n.ref.ticker for n in found.named}
    for tok in text.tokens():
        ref = lower_case_ticker([tok], index)
        negation = text.negation(tok.start, tok.end)
        if ref is None or negation is None or not (ref.ticker in named or _listed_lower(text, tok, ref, index)):
            continue
        said = f"company {tok.text!r} -> {ref.ticker} left out (from {negation!r})"
        found.excluded.append(Named(ref, tok.text, tok.start, said))
        found.left_out += [n for n in found.named if n.ref == ref]
        found.named = [n for n in found.named if n.ref != ref]
        text.use(tok.start, tok.end)


def _listed_lower(text: Text, tok: Token, ref: CompanyRef, index: CompanyIndex) -> bool:
    """Is `ref`'s ticker written in lower case elsewhere in the goal, outside a negation ("nvda, tsm and amd")?"""
    return any(other.start != tok.start and lower_case_ticker([other], index) == ref and
               not text.negation(other.start, other.end) for other in text.tokens())


def spaced_tickers(
    groups: list[list[Token]], found: Found, index: CompanyIndex, raw: str
) -> tuple[list[list[Token]], set[int], set[int]]:
    """Lower-case tickers typed with spaces between them ("nvda tsm asml", "amd intc"), a slip among them too
    ("nvda tsmm"): one word each, not one phrase. Returns the groups, which of them are listed by a space, and which
    are words, not tickers: an English word qualifying the word after it ("nvda low margins": 'low')."""
    def tickerish(tok: Token) -> bool:  # "msft amzn googl meta": 'meta' is a ticker too, beside others
        return bool(lower_case_ticker([tok], index) or ticker_slip([tok], index) or (
            tok.word in ORDINARY_ALIASES and index.ticker(tok.word) is not None))

    out: list[list[Token]] = []
    spaced: set[int] = set()
    as_words: set[int] = set()
    starts = {s for s, _ in found.spans}
    for group in groups:
        if len(group) > 1 and all(tickerish(t) for t in group) and any(lower_case_ticker([t], index) for t in group):
            # "nvda low margins": the last may qualify the words after it; one before another ("nvda low tsm") cannot
            last = group[-1]
            ref = lower_case_ticker([last], index)
            word = ref is not None and stays_a_word(last, ref, raw, starts)
            (as_words if word else spaced).add(len(out) + len(group) - 1)
            spaced.update(range(len(out), len(out) + len(group) - 1))
            out += [[t] for t in group]
            continue
        # "amd intc": AMD read by its alias; "NVDA tsm ASML": beside tickers in capitals, a slip beside one in lower
        # case ("watch nvda tsmm": nvda read after the verb; "apple ipad" stays words: no slip is looked for beside a
        # name); an English word qualifying the word after it stays a word ("NVDA low margins" is no Lowe's, a review
        # of b9028c7), as after a watch verb ("watch cash flow"), and so it does in a list ("NVDA, tsm and low sales")
        beside = [raw[s:e] for s, e in found.spans if by_a_space(group[0], s, e, raw)]
        ref = lower_case_ticker(group, index) if len(group) == 1 else None
        alias = len(group) == 1 and group[0].word in ORDINARY_ALIASES and index.ticker(group[0].word) is not None
        if ref and stays_a_word(group[0], ref, raw, starts):
            as_words.add(len(out))
        elif ((ref or alias) and any(p.islower() or p.isupper() for p in beside)) or (
                any(p.islower() for p in beside) and ticker_slip(group, index)):
            spaced.add(len(out))
        out.append(group)
    return out, spaced, as_words


def by_a_space(tok: Token, start: int, end: int, raw: str) -> bool:
    """Is `tok` next to raw[start:end] with only spaces between them?"""
    between = raw[end : tok.start] if end <= tok.start else raw[tok.end : start]
    return between.isspace() and "\n" not in between


def words_between_companies(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> list[int]:
    """A common word, an acronym or a letter that is a well-known company's ticker, written in lower case in a list of
    companies, is not read as the company; said how to name it, not dropped unsaid: a common word between two of the
    list ("nvda, on and amd", "NVDA, it, AMD"), an acronym or a letter beside one ("ge, gm and f"). Elsewhere ("watch
    NVDA so I know", "NVDA and see if margins fall") such a word is prose, and no ticker is offered. Returns where
    each one said ends ("ford and gm EV losses": the words after 'gm' are said too, unsaid.say_qualified)."""
    raw = text.raw
    spans = list(found.spans)
    base = len(spans)
    starts = {n.start for n in found.named}  # "ford, gm, stellantis": 'gm' read already (capitals.read_capitals)
    said: set[int] = set()
    while True:  # each one said can list the next ("ge, gm and f": 'f' after 'gm')
        more = False
        for m in _LOWER_WORD.finditer(raw):  # read or not: "on" opens a clause of topics too
            kind = _kind(m.group())
            ref = index.ticker(m.group()) if kind and m.start() not in said else None
            if ref is None or index.rank[ref.cik] >= SHORT_NAME_RANK or text.negation(m.start(), m.end()) or (
                    m.start() in starts):
                continue
            before = any(end <= m.start() and LIST_JOINT.match(raw[end : m.start()]) for _, end in spans)
            after = any(m.end() <= start and LIST_JOINT.match(raw[m.end() : start]) for start, _ in spans)
            if (before or after) and m.group().upper() in COMPANY_FIRST:
                # "track ge, gm and f": General Motors, as "Ford and GM" is (capitals.read_capitals)
                qualified = qualified_words([Named(ref, m.group(), m.start())], raw, starts)
                if margin_follows(qualified):
                    notes.unclear(first_as_acronym(m.group(), qualified, ref))
                else:
                    found.named.append(Named(ref, m.group(), m.start(), first_as_company(m.group(), ref)))
                    notes.decide(first_as_company(m.group(), ref))
                    starts.add(m.start())
                    found.spans.append((m.start(), m.end()))
                    spans.append((m.start(), m.end()))  # "ge, gm and f": 'f' beside it is said
                    more = True
            elif (before and after) or (kind != "a word" and (before or after)):
                notes.unclear(f"{m.group()!r}: not understood, ignored (in lower case {kind}, {as_written(ref)})")
                said.add(m.start())
                spans.append((m.start(), m.end()))
                more = True
        if not more:
            return sorted(m_end for m_start, m_end in spans[base:] if m_start not in starts)


def _kind(word: str) -> str | None:
    """What a lower-case word no parser reads as a ticker is: a word ("on"), an abbreviation ("gm") or a letter."""
    if word in common_words():
        return "a word"
    if word.upper() in ACRONYMS:
        return "an abbreviation"
    return "a letter" if len(word) == 1 and word not in "ai" else None


_CLASS_SHARE = re.compile(r"[a-z]{1,4}[.-][a-z]")
_LOWER_WORD = re.compile(r"(?<![\w$'’&.-])[a-z]{1,5}(?![\w'’&-]|\.\w)")
