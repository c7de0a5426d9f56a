"""A goal in plain words -> a Watchlist, with every decision said and every unread word reported."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date

from watchdesk.graph.goal.capitals import read_capitals
from watchdesk.graph.goal.companies import (
    NO_REPORTS,
    UNLISTED,
    Found,
    Named,
    cashtags,
    find_companies,
    said_candidates,
    unlisted_said,
)
from watchdesk.graph.goal.delivery import find_recipients
from watchdesk.graph.goal.lists import (
    alias_alone,
    listed_groups,
    listed_together,
    lower_alias,
    name_alone,
    whole_name,
)
from watchdesk.graph.goal.lower_case import (
    as_written,
    leave_out_negated,
    lower_case_name,
    lower_case_ticker,
    read_as_ticker,
    read_where_watched,
    spaced_tickers,
    ticker_in_lower_case,
    ticker_slip,
    words_between_companies,
)
from watchdesk.graph.goal.names import CompanyIndex, Match, name_key, shipped_index
from watchdesk.graph.goal.negation import find_negations
from watchdesk.graph.goal.parenthesised import (
    pair_parenthesised,
    read_exchanges,
    read_lower_case_in_parentheses,
    say_exchange_suffixes,
)
from watchdesk.graph.goal.positions import (
    STANDS_ALONE_BEFORE,
    WATCH_VERBS,
    after_watch_verb,
    beside_company,
    is_ordinary,
    parallel_possessive,
    place_context,
    place_ordinary_words,
    source_follows,
)
from watchdesk.graph.goal.slips import say_ticker_slips
from watchdesk.graph.goal.sources import SourcesFound, find_outlets, find_sources, find_unread_filings
from watchdesk.graph.goal.spelling import correct
from watchdesk.graph.goal.text import Notes, Text, Token, normalize
from watchdesk.graph.goal.timing import Timing, find_timing
from watchdesk.graph.goal.topics import TopicsFound, find_topics
from watchdesk.graph.goal.unsaid import say_codes, say_generic_in_list, say_qualified, with_lookback
from watchdesk.graph.goal.words import ACRONYMS, common_words, is_english
from watchdesk.graph.watchlist import (
    Delivery,
    Filings,
    Policy,
    Schedule,
    Ticker,
    Topics,
    TranscriptSource,
    Watchlist,
)
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef

EXAMPLE = (
    "Monitor earnings call transcripts for NVIDIA, TSMC and ASML for the next quarter. Flag any mentions of "
    "inventory adjustments or geopolitical supply chain risks. Summarize the sentiment weekly."
)


@dataclass(frozen=True)
class GoalPlan:
    """What `watchdesk plan` read from a goal."""

    goal: str
    watchlist: Watchlist
    companies: dict[str, CompanyRef]
    decisions: tuple[str, ...]
    not_understood: tuple[str, ...]
    # tickers of companies the goal names only as context ("for Apple demand") or as an ordinary word ("Price Target")
    context: tuple[str, ...] = ()


def parse_goal(goal: str, *, as_of: date, index: CompanyIndex | None = None) -> GoalPlan:
    """Deterministic: the same goal and as-of date always give the same watchlist. Raises ConfigError for a
    company that cannot be resolved (with close matches) and for a goal that names none."""
    if not goal.strip():
        raise ConfigError(f"the goal is empty; say in words what to watch. For example:\n  {EXAMPLE}")
    index = index or shipped_index()
    notes = Notes()
    # "NVIDIA’s" as "NVIDIA's", "10‑Q" as "10-Q"; "inventroy" read as "inventory", said in the decisions
    text = Text(correct(normalize(goal), notes))
    find_negations(text, notes)  # first: every parser leaves out what a negation names
    recipients = find_recipients(text, notes)
    find_unread_filings(text, notes)  # before timing: "monthly revenue" is no cadence
    timing = find_timing(text, notes, as_of=as_of)  # before companies: "Monday" is a day, not monday.com
    timing = with_lookback(timing, text, notes, as_of=as_of)  # "last quarter": filings since 3 months back
    outlets = find_outlets(text, notes)  # before companies: "Reuters" is an outlet, not Thomson Reuters
    read_exchanges(text, index)  # "NASDAQ: NVDA": no Nasdaq, Inc.
    found = find_companies(text, index, notes)
    read_lower_case_in_parentheses(text, found, index)  # "alphabet (googl)", as "Alphabet (GOOGL)"
    read_capitals(text, found, index, notes)  # "T and VZ", "C, JPM and BAC", "watch F": tickers, not words or names
    say_exchange_suffixes(found, text.raw)  # "ASML NA", "TSM US": the ticker, where it trades said
    read_where_watched(text, found, index)  # "watch nvda for Apple demand": nvda stands as NVDA does
    leave_out_negated(text, found, index)  # "excluding tsm", as "excluding TSM"
    # "Price Target changes": the word; "Watch NVDA for Apple demand": Apple is no company to watch
    words = place_ordinary_words(text, found, notes)
    context = place_context(text, found)
    pair_parenthesised(found, text.raw)  # "Alphabet (GOOGL)": one company, one decision
    for named in sorted(found.named + words + context + found.excluded, key=lambda n: n.start):
        if named.said not in notes.decisions:  # how each company was read, in the goal's order
            notes.decide(named.said)
    _place_unlisted(text, found, index, notes)
    sources = find_sources(text, notes, outlets=outlets)
    topics = find_topics(text, notes, company_like=lambda phrase, start, end: bool(
        index.close(phrase, tickers=False) or beside_company(start, end, found, text.raw)
    ))
    _leftovers(text, found, index, notes)
    said = words_between_companies(text, found, index, notes)  # "nvda, on and amd": 'on' said, not dropped unsaid
    say_codes(text, notes)  # "MI300", "Q3": the leftovers read words, not codes
    # "watch Ford EV losses", "ford and gm EV losses": an abbreviation and a word, said
    say_qualified(text, found.named, notes, also_after=said)
    say_generic_in_list(text, found, notes)  # "Delta, United and American Airlines": 'United' said
    say_ticker_slips(found.named, index, text.raw, notes)  # "JPM, BAC, WFG": West Fraser Timber, or Wells Fargo?
    if found.problems:
        raise ConfigError("the goal names a company watchdesk cannot resolve:\n  - " + "\n  - ".join(found.problems)
                          + unlisted_said(found.problems, others=bool(found.named)))
    if not found.named:
        aside = "".join(f"\n  ({n.said})" for n in words + context)  # "Shell companies are ...": why not Shell
        aside += "".join(f"\n  ({n})" for n in notes.not_understood if n.endswith("to watch it"))  # "watch GM ..."
        raise ConfigError(f"the goal names no company; name them, or their tickers. For example:\n  {EXAMPLE}{aside}")
    companies = {n.ref.ticker: n.ref for n in found.named}
    watchlist = build_watchlist(found, sources, timing, topics, recipients, notes=notes)
    notes.decide(f"companies: resolved with {index.origin}")
    # each company's reading in the goal's order, wherever it was read ("Watch AMD, nvda and Intel": nvda second)
    where = {n.said: n.start for n in found.named + words + context + found.excluded + found.left_out if n.said}
    decisions = sorted(notes.decisions, key=lambda d: (_reading_order(d), _named_at(d, where, text.raw)))
    return GoalPlan(goal, watchlist, companies, tuple(decisions), tuple(notes.not_understood),
                    context=tuple(dict.fromkeys(n.ref.ticker for n in words + context)))


_ORDER = (
    "spelling", "companies", "company", "source", "no source", "filing", "transcripts", "topic", "custom topic",
    "no topic", "cadence", "horizon", "delivery", "approval",
)


def _reading_order(decision: str) -> int:
    return next((i for i, head in enumerate(_ORDER) if decision.startswith(head)), len(_ORDER))


def _named_at(decision: str, where: dict[str, int], raw: str) -> int:
    """Where in the goal a company's decision names it (0 for any other decision: those keep the order they had)."""
    if not decision.startswith("company "):
        return 0
    if decision in where:
        return where[decision]
    quoted = re.match(r"company ('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", decision)
    at = raw.find(ast.literal_eval(quoted.group(1))) if quoted else -1
    return at if at >= 0 else len(raw)


def build_watchlist(
    found: Found, sources: SourcesFound, timing: Timing, topics: TopicsFound, recipients: tuple[str, ...], *,
    notes: Notes,
) -> Watchlist:
    tickers: dict[str, Ticker] = {}
    for named in found.named:
        symbol = named.ref.ticker
        alias = re.sub(r"['’]s$", "", named.phrase.lstrip("$"))
        prior = tickers[symbol].aliases if symbol in tickers else ()
        aliases = tuple(dict.fromkeys([*prior, *([alias] if alias.upper() != symbol else [])]))
        wants_calls = "transcripts" in sources.sources
        chain = (TranscriptSource(kind="folder", path=f"transcripts/{symbol}"),) if wants_calls else ()
        tickers[symbol] = Ticker(symbol=symbol, aliases=aliases, cik=named.ref.cik, sources=sources.sources,
                                 transcripts=chain)
    if "transcripts" in sources.sources:
        notes.decide("transcripts come from a local folder per ticker (transcripts/TICKER): the goal named no "
                     "transcript site, and a goal never adds a domain; add a url or feed source in the file")
    if "news" in sources.sources:  # said under Not understood: the written watchlist does not run as it is
        notes.unclear("news: the goal names no feed, and a goal never adds a domain; add [[news.feeds]] with a url "
                      "(and its host to policy.allowed_domains) before running: a run refuses news with no feed")
    if not topics.watch and not topics.custom and topics.left_out:
        topics.watch = [t for t in Topics().watch if t not in topics.left_out]
        if not topics.watch:  # the written file would have watched all three (the default for an empty list)
            raise ConfigError(f"the goal leaves out every default topic ({', '.join(topics.left_out)}), so nothing "
                              "would be flagged: name a topic to watch, e.g. 'for AI demand' or 'for pricing'")
        notes.decide(f"no topic named but {', '.join(topics.left_out)} left out: the other default topics "
                     f"({', '.join(topics.watch) or 'none'})")
    elif not topics.watch and not topics.custom:
        notes.decide(f"no topic named: the default topics ({', '.join(Topics().watch)})")
    delivery = [Delivery(kind="file")]  # the briefing folder itself: the run's --out, default ./briefings
    if recipients:
        delivery.append(Delivery(kind="email", to=recipients))
    notes.decide("approval: the first run's plan waits for a person's yes (policy approval = \"first:1\")")
    watchlist = Watchlist(
        name="goal-" + "-".join(t.lower() for t in tickers)[:60],
        tickers=tuple(tickers.values()),
        topics=Topics(watch=tuple(topics.watch), custom=tuple(topics.custom)) if topics.watch or topics.custom
        else Topics(),
        filings=Filings(forms=sources.forms or Filings().forms, since=timing.since, until=timing.filings_until),
        schedule=Schedule.model_validate({"cadence": timing.cadence, "day": timing.day or "monday",
                                          "time": timing.time or "07:00"}),
        delivery=tuple(delivery),
        policy=Policy(approval="first:1", allowed_recipients=recipients),
        until=timing.until,
    )
    return watchlist.model_copy(update={"name": f"{watchlist.name}-{content_tag(watchlist)}"})


def content_tag(watchlist: Watchlist) -> str:
    """A short hash of what a goal's watchlist watches, so two goals on the same companies are two watchlists (their
    runs, approval and briefings apart). Its dates are left out: "for the next quarter" planned on another day is
    the same goal, and keeps its name, runs and approval. So is where it writes its file (as_first_hashed)."""
    content = as_first_hashed(watchlist).model_dump(mode="json", exclude={"name": True, "until": True,
                                                                          "filings": {"since", "until"}})  # fmt: skip
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:6]


# Until 2026-12 a goal's file target named "briefings", a folder read from where the run started: `run "GOAL" --out
# DIR` wrote the briefing to DIR and a copy to ./briefings. It now names no path (the briefing folder, --out's), and is
# hashed as it was written then, so a goal run before keeps its name, runs, horizon and approval.
_FIRST_FILE_PATH = "briefings"


def as_first_hashed(watchlist: Watchlist) -> Watchlist:
    """`watchlist` with a file target naming no path as goals wrote it when their names first took a hash."""
    delivery = tuple(d.model_copy(update={"path": _FIRST_FILE_PATH}) if d.kind == "file" and not d.path else d
                     for d in watchlist.delivery)  # fmt: skip
    return watchlist if delivery == watchlist.delivery else watchlist.model_copy(update={"delivery": delivery})


def _place_unlisted(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> None:
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


def _leftovers(text: Text, found: Found, index: CompanyIndex, notes: Notes) -> None:
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
    only_tickers = not found.named and any(lower) and all(
        r or u or a for r, u, a in zip(lower, unlisted, alone, strict=True))
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
        listed = i in in_list
        if (word_ref := ticker_in_lower_case(group, index)) and (listed or not found.named or i in as_words):
            # "NVIDIA and gold": the word where a company stands, "nvda low margins": a word; said how to name it, and
            # the unread words it qualifies with it ("nvda meta commentary": 'commentary' too, not dropped unsaid)
            if found.named and (rest := unread_after(group, text)):
                notes.unclear(f"{phrase + rest!r}: not understood, ignored ({phrase!r} in lower case is a word, "
                              f"{as_written(word_ref)}; {rest.strip()!r} names no topic watchdesk reads)")
            elif found.named:
                notes.unclear(f"{phrase!r}: not understood, ignored (in lower case a word, {as_written(word_ref)})")
            else:
                kind = "read as a ticker only where a company stands" if lower[i] else "a word"  # "googl" is no word
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
        names = index.close(phrase, tickers=False, cutoff=0.75 if capital else 0.85)
        known_unlisted = index.by_name(name_key(phrase)) == []  # "samsung": a company watchdesk knows SEC does not list
        if (listed and (capital or names or known_unlisted or ticker_slip(group, index))) or (
                not found.named and (capital or names or known_unlisted)) or (capital and names and not ordinary):
            matches = ", ".join(f"{r.ticker} ({r.name})" for r in index.close(phrase)) or "none"
            if known_unlisted:
                found.problems.append(f"{phrase!r}: {phrase} {UNLISTED}")
                continue
            found.problems.append(f"{phrase!r} is not a company in SEC's ticker map; close matches: {matches}")
        else:
            # a word in lower case ("slowing") or a place ("Arizona") is no misspelt company (Solowin): none is offered
            hint = (f" (a company? close matches: {', '.join(f'{r.ticker} ({r.name})' for r in names)})"
                    if names and not is_english(phrase) and not ordinary else "")  # fmt: skip
            if ref := lower[i]:  # "rivian" where no company stands: the company it names is said, never dropped unsaid
                hint = (f" (a company? {ref.ticker} ({ref.name}) is not watched: it is not listed with the companies; "
                        f"to watch it, list it with them or write {ref.ticker})")
            notes.unclear(f"{phrase!r}: not understood, ignored{hint}")
    found.named.sort(key=lambda n: n.start)


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

