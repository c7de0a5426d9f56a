"""What the parsers before leave of a goal: companies SEC does not list, placed (a problem where a company stands, the
goal's words elsewhere), and every word no parser read, read as a company where one stands ("watch nvda, tsm and
asml", "tesla, rivian, lucid"), stopped on where it may be a company watchdesk cannot resolve ("Nvidiaa"), or said
under Not understood; never dropped unsaid."""

from __future__ import annotations

from watchdesk.graph.goal.companies import after_model_number
from watchdesk.graph.goal.company_said import NO_REPORTS, UNLISTED, cashtags, said_candidates
from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.lists import alias_alone, listed_groups, listed_together, lower_alias, name_alone, whole_name
from watchdesk.graph.goal.lower_case import (
    as_written,
    lower_case_name,
    lower_case_ticker,
    read_as_ticker,
    spaced_tickers,
    ticker_in_lower_case,
    ticker_slip,
)
from watchdesk.graph.goal.names import CompanyIndex, Match, has_legal_form, name_key, named_part
from watchdesk.graph.goal.positions import (
    STANDS_ALONE_BEFORE,
    WATCH_VERBS,
    after_watch_verb,
    beside_company,
    is_ordinary,
    parallel_possessive,
    source_follows,
)
from watchdesk.graph.goal.text import Notes, Text, Token
from watchdesk.graph.goal.words import ACRONYMS, common_words, is_english
from watchdesk.sources.models import CompanyRef


def place_unlisted(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> None:
    """A company SEC does not list stops the plan where a company stands ("NVIDIA and Samsung", or the goal's only
    company); elsewhere ("NVIDIA for Huawei competition") it is read with the goal's words, often as a topic."""
    for start, end, phrase, message in found.unlisted:
        if found.named and not beside_company(start, end, found, text.raw):
            how = message[message.index(" (") + 1 :] if message.endswith(NO_REPORTS) else UNLISTED
            notes.decide(f"company {phrase!r} {how}: not watched, read with the goal's words")
            found.as_words.append((start, end))
            continue
        # the alias table says so ("Nestlé", "Samsung Electronics" by its first word): no close matches
        words = phrase.split()
        known = message.endswith(NO_REPORTS) or any(index.by_name(name_key(" ".join(words[:k]))) == []
                                                    for k in range(1, len(words) + 1))
        close = "" if known else ", ".join(f"{r.ticker} ({r.name})" for r in index.close(phrase.lstrip("$")))
        found.problems.append(f"{phrase!r}: {message}" + (f"; close matches: {close}" if close else ""))
        text.use(start, end)
        found.spans.append((start, end))


def read_leftovers(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> None:
    """Words no parser read: a company-like one is a problem (with close matches), any other is reported."""
    # a company read as context, or one SEC does not list read with the goal's words, is said in the decisions
    groups = _groups([t for t in text.tokens() if not _within(t.start, t.end, found.as_words)], index)
    groups, spaced, as_words = spaced_tickers(groups, found, index, text.raw)
    # "rivian": a well-known company's name in lower case, no English word, read where a company stands as a ticker is
    lower = [None if i in as_words else lower_case_ticker(g, index) or lower_case_name(g, index)
             for i, g in enumerate(groups)]  # fmt: skip
    # every word no parser read is a ticker, a company SEC does not list ("watch nvda and samsung") or a word a ticker
    # is too ("nvda low margins")
    unlisted = [i in as_words or index.by_name(name_key(text.raw[g[0].start : g[-1].end])) == []
                for i, g in enumerate(groups)]  # fmt: skip
    # "nvda, meta and amd": an ordinary word that is a company's alias, alone in a list of companies, is the company
    starts = {n.start for n in found.named}
    # "tesla, rivian, lucid": so is an English word that is a well-known company's whole name but for its "Inc."
    alone = [None if lower[i] or i in as_words else alias_alone(g, index, text.raw, starts)
             or name_alone(g, index, text.raw, starts) for i, g in enumerate(groups)]  # fmt: skip
    # "watch tsmm and nvda": a slip of a ticker is no word that makes nvda one ("tsmm" is said below)
    only_tickers = not found.named and any(lower) and all(
        r or u or a or ticker_slip(g, index) for r, u, a, g in zip(lower, unlisted, alone, groups, strict=True))
    # "watch nvda, tsm and asml": tickers typed in lower case where companies stand (beside a company, or every word
    # no parser read when the goal names no company), read as those tickers and said so; each one read can put the
    # one before it beside a company, so this goes round until no more is read
    # "nvda, tsm and amd but not tsm": the company left out, not read again
    taken = {i for i, ref in enumerate(lower) if ref and ref in [n.ref for n in found.excluded]}
    together = listed_together(groups, [r or a for r, a in zip(lower, alone, strict=True)], text.raw)
    while True:
        in_list = listed_groups(groups, found, text.raw, spaced) | together
        watched = {n.ref for n in found.named}  # "rivian (rivn) and NVDA": a company watched anyway is read
        more = [i for i, ref in enumerate(lower) if ref and i not in taken and (
            only_tickers or i in in_list or ref in watched or _parallel(groups[i], found, text.raw))]  # fmt: skip
        more += [i for i, ref in enumerate(alone) if ref and i not in taken and i in in_list]
        if not more:
            break
        for i in more:
            group, ref = groups[i], lower[i] or alone[i]
            assert ref is not None
            phrase = text.raw[group[0].start : group[-1].end]
            how = None if lower[i] else (f"in a list of companies, though {phrase!r} is also a word (write "
                                         f"{ref.ticker} to be sure)")
            read_as_ticker(found, ref, phrase, group[0].start, notes, how=how)
            taken.add(i)
    in_list = listed_groups(groups, found, text.raw, spaced)
    for i, group in enumerate(groups):
        phrase = text.raw[group[0].start : group[-1].end]
        if i in taken:
            continue  # read as a ticker above
        if group[0].word.isupper() and after_model_number(text.raw, group[0].start):
            model = text.raw[text.raw.rfind(" ", 0, group[0].start - 1) + 1 : group[-1].end]
            notes.unclear(f"{model!r}: not understood, ignored (a product's model, not a company: to flag it as "
                          f"written, name it as a topic: 'for {model}')")
            continue
        listed = i in in_list
        if (word_ref := ticker_in_lower_case(group, index)) and (listed or not found.named or i in as_words):
            # "NVIDIA and gold": the word where a company stands, "nvda low margins": a word; said how to name it, and
            # the unread words it qualifies with it ("nvda meta commentary": 'commentary' too, not dropped unsaid)
            # "pxd", "asts": no word, but no well-known company's ticker either ("googl" is no word)
            word = "a word" if is_ordinary(phrase) or is_english(phrase) else (
                "read as a ticker only for SEC's 2,000 best-known companies")
            if found.named and (rest := unread_after(group, text)):
                notes.unclear(f"{phrase + rest!r}: not understood, ignored ({phrase!r} in lower case is {word}, "
                              f"{as_written(word_ref)}; {rest.strip()!r} names no topic watchdesk reads)")
            elif found.named:
                notes.unclear(f"{phrase!r}: not understood, ignored (in lower case {word}, {as_written(word_ref)})")
            elif word == "a word" and not listed and not after_watch_verb(group[0].start, text.raw):
                # "send it daily before market open": prose, in a goal that names no company (said so by parse)
                notes.unclear(f"{phrase!r}: not understood, ignored (in lower case a word, {as_written(word_ref)})")
            else:
                kind = "read as a ticker only where a company stands" if lower[i] else word
                found.problems.append(f"{phrase!r} in lower case is {kind}, {as_written(word_ref)}")
            continue
        if (ref := lower_alias(group[0], index)) and len(group) == 1:
            if listed:  # "costco, walmart & target": where a company stands, said, never dropped unsaid
                notes.unclear(f"{phrase!r}: not understood, ignored (in lower case a word, not {ref.name} "
                              f"({ref.ticker}): write {phrase.capitalize()} or ${ref.ticker} to watch it)")
            elif rest := unread_after(group, text):  # "H-1B visa issues": the words, said, not dropped unsaid
                notes.unclear(f"{phrase + rest!r}: not understood, ignored ({phrase!r} in lower case is the word, not "
                              f"{ref.name} ({ref.ticker}); {rest.strip()!r} names no topic watchdesk reads)")
            continue
        if listed and (ref := whole_name(group, index)):
            # "NVDA and lucid commentary": the word, as "meta commentary" is; said with how to watch the company
            said = phrase + unread_after(group, text)
            notes.unclear(f"{said!r}: not understood, ignored ({phrase!r} in lower case is a word here, not {ref.name} "
                          f"({ref.ticker}): write {ref.ticker} or {phrase.capitalize()} to watch it)")
            continue
        capital = any(t.capitalized and not (t.initial and len(group) == 1) for t in group)
        ordinary = all(is_ordinary(t.word) for t in group)
        if refs := _ordinary_names(group, index):
            ref = refs[0]
            if len(refs) > 1:  # "Frontier": Frontier Communications or Frontier Group (the airline)?
                if listed or not found.named or after_watch_verb(group[0].start, text.raw) or source_follows(
                        text.raw, group[-1].end):
                    found.problems.append(f"{phrase!r} is an ordinary word as well as the name of several companies: "
                                          f"{said_candidates(refs)}; write {cashtags(refs)} to watch one")
                continue
            if source_follows(text.raw, group[-1].end):  # "Target filings: ...": where a company stands (a review)
                found.named.append(Named(ref, phrase, group[0].start))
                found.spans.append((group[0].start, group[-1].end))
                notes.decide(f"company {phrase!r} -> {ref.ticker} ({ref.name}, CIK {ref.cik}), before its own "
                             "source")
                continue
            if listed or not found.named or after_watch_verb(group[0].start, text.raw):  # "Watch Gap": not guessed
                found.problems.append(f"{phrase!r} is an ordinary word as well as the name of {ref.name} "
                                      f"({ref.ticker}): write ${ref.ticker} to watch it")
            continue  # elsewhere a common word, as any ("Kindly watch NVDA" is no Kindly MD)
        # A phrase in a list of companies, or the only candidate when none was found, is a company watchdesk
        # cannot resolve; elsewhere only a capitalised phrase close to a company's name is one ("Nvidiaa"), unless
        # it is an ordinary word ("Edge AI demand").
        # A lower-case phrase in a list is one only when it is close to a company's name ("cash flow" is words), or is
        # shaped like a ticker and close to one ("tsmm": a slip for tsm, not a word to leave out in silence).
        named = named_part(phrase) if capital else phrase  # "VMware integration": no Power Integrations
        cutoff = 0.75 if capital else 0.85
        names = index.close(named, tickers=False, cutoff=cutoff) if named == phrase or index.close(
            phrase, tickers=False, cutoff=cutoff) else []
        by_name = index.by_name(name_key(phrase))
        known_unlisted = by_name == []  # "samsung": a company watchdesk knows SEC does not list
        # "airbus": a company SEC knows only by its depositary receipts, which files nothing to read
        receipts = by_name.ref if isinstance(by_name, Match) and index.files_no_reports(by_name.ref) else None
        known_unlisted = known_unlisted or receipts is not None
        if (listed and (capital or names or known_unlisted or ticker_slip(group, index))) or (
                not found.named and (capital or names or known_unlisted or ticker_slip(group, index))) or (
                capital and names and not ordinary):
            # "Ernie bot": a name written as one is no slip of a ticker (ERIE), and only a name close to it is offered
            as_name = named[:1].isupper() and not named.isupper()
            matches = ", ".join(f"{r.ticker} ({r.name})" for r in index.close(
                named, tickers=not as_name, cutoff=0.8 if as_name else 0.75)) or "none"
            if receipts:
                found.problems.append(f"{phrase!r}: {phrase} ({receipts.ticker}, {receipts.name}) {NO_REPORTS}")
                continue
            if known_unlisted:
                found.problems.append(f"{phrase!r}: {phrase} {UNLISTED}")
                continue
            product = (" (a product or brand? a goal watches companies SEC lists: name the company that makes it, "
                       f"and the product as a topic: 'watch COMPANY for {phrase}')") if matches == "none" else ""
            if product and has_legal_form(phrase):  # "Foo Inc": a company's name, one SEC does not list
                product = " (a company SEC does not list, or a name misspelt? check it on EDGAR's company search)"
            found.problems.append(f"{phrase!r} is not a company in SEC's ticker map; close matches: {matches}{product}")
        else:
            # a word in lower case ("slowing") or a place ("Arizona") is no misspelt company (Solowin): none is offered
            hint = (f" (a company? close matches: {', '.join(f'{r.ticker} ({r.name})' for r in names)})"
                    if names and not is_english(phrase) and not ordinary else "")  # fmt: skip
            if ref := lower[i]:  # "rivian" where no company stands: the company it names is said, never dropped unsaid
                hint = (f" (a company? {ref.ticker} ({ref.name}) is not watched: it is not listed with the companies; "
                        f"to watch it, list it with them or write {ref.ticker})")
            # "GM compression at NVIDIA": 'GM' said with it (unless said already: "NVDA and GM compression")
            if (acronym := _acronym_before(group, text)) and not any(
                    n.startswith(f"{acronym.strip()!r} before") for n in notes.not_understood):
                phrase = acronym + phrase
            notes.unclear(f"{phrase!r}: not understood, ignored{hint}")
    found.named.sort(key=lambda n: n.start)


def _acronym_before(group: list[Token], text: Text) -> str:
    """An acronym no parser read right before `group`, with the space between ("GM " before "compression"): the
    groups leave acronyms out, and one alone says nothing; "" for none."""
    before = [t for t in text.tokens() if t.end <= group[0].start]
    if not before or before[-1].word.upper() not in ACRONYMS or not before[-1].word.isupper():
        return ""
    gap = text.raw[before[-1].end : group[0].start]
    return before[-1].text + gap if gap.isspace() and "\n" not in gap else ""


def unread_after(group: list[Token], text: Text) -> str:
    """The words right after `group`, in its clause, that no parser read and that name no part of a goal
    ("commentary" after "meta"), as written with the spaces before them; "" for none."""
    after = [t for t in text.tokens() if t.start >= group[-1].end]
    end = group[-1].end
    for tok in after:
        if not text.raw[end : tok.start].isspace() or not tok.text.isalpha() or not tok.text.islower() or (
                tok.text in STANDS_ALONE_BEFORE):
            break
        end = tok.end
    return text.raw[group[-1].end : end]


def _parallel(group: list[Token], found: Found, raw: str) -> bool:
    """Is the group a lower-case ticker with 's after "and" or a comma, as a company watched before it is ("tsmc's
    capex and nvda's datacenter revenue")?"""
    tok = group[0]
    mine = Named(found.named[0].ref, tok.text, tok.start) if found.named else None
    return mine is not None and any(n.start < tok.start and parallel_possessive(n, mine, raw) for n in found.named)


def _within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _ordinary_names(group: list[Token], index: CompanyIndex) -> list[CompanyRef]:
    """The company whose whole name a capitalised common word is ("Gap", "Block", "Target"), or the companies it could
    be ("Frontier"), if any: such a word is no company where it is read (companies.py), and no word the leftovers skip
    either."""
    word = group[0].word
    if len(group) != 1 or not group[0].capitalized or word.lower() not in common_words():
        return []
    if word.lower() in WATCH_VERBS:
        return []  # "Track NVDA": the goal's verb, not Track Group
    found = index.by_name(name_key(word))
    if isinstance(found, list) and word.lower() in index.names:  # "Frontier": the whole name of one, start of others
        return found
    return [found.ref] if isinstance(found, Match) and found.how in ("alias", "SEC name") else []


def _groups(tokens: list[Token], index: CompanyIndex) -> list[list[Token]]:
    common = common_words()
    groups: list[list[Token]] = []
    last = -2
    for i, tok in enumerate(tokens):
        word = tok.word
        if word.lower() in common and (_ordinary_names([tok], index) or lower_alias(tok, index)):
            # a capitalised common word that names a company ("Gap"), or one such a word in lower case ("target"):
            # a group of its own
            groups.append([tok])
            last = -2
            continue
        if word.lower() in common or word.upper() in ACRONYMS or any(c.isdigit() for c in word) or len(word) < 2:
            continue
        possessive = groups and groups[-1][-1].word != groups[-1][-1].text  # "nvda's datacenter": the name ends
        if groups and last == i - 1 and groups[-1][-1].chunk == tok.chunk and not possessive and not _name_ends(
                groups[-1], tok, index):
            groups[-1].append(tok)
        else:
            groups.append([tok])
        last = i
    return groups


def _name_ends(group: list[Token], tok: Token, index: CompanyIndex) -> bool:
    """Does a lower-case company name end before `tok` ("pinterest ad pricing": 'pinterest', then words), the two no
    name together ("rivian automotive" is one)?"""
    if len(group) != 1 or lower_case_name(group, index) is None:
        return False
    return not isinstance(index.by_name(name_key(f"{group[0].word} {tok.word}")), Match)

