"""A goal in plain words -> a Watchlist, with every decision said and every unread word reported."""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date

from watchdesk.graph.goal.capitals import read_capitals
from watchdesk.graph.goal.companies import find_companies
from watchdesk.graph.goal.company_said import stop_acquired, unlisted_said
from watchdesk.graph.goal.delivery import find_recipients
from watchdesk.graph.goal.found import Found
from watchdesk.graph.goal.leftovers import place_unlisted, read_leftovers
from watchdesk.graph.goal.lower_case import (
    leave_out_negated,
    read_where_watched,
    ticker_slip,
    words_between_companies,
)
from watchdesk.graph.goal.names import CompanyIndex, named_part, shipped_index
from watchdesk.graph.goal.negation import find_negations
from watchdesk.graph.goal.parenthesised import (
    pair_parenthesised,
    read_exchanges,
    read_lower_case_in_parentheses,
    say_exchange_suffixes,
)
from watchdesk.graph.goal.positions import (
    beside_company,
    place_context,
    place_ordinary_words,
    products_beside_others,
)
from watchdesk.graph.goal.qualified import topics_after_companies
from watchdesk.graph.goal.slips import say_ticker_slips
from watchdesk.graph.goal.sources import (
    LATE_FILING,
    SourcesFound,
    find_outlets,
    find_sources,
    find_unread_filings,
)
from watchdesk.graph.goal.spelling import correct
from watchdesk.graph.goal.text import Notes, Text, Token, normalize
from watchdesk.graph.goal.timing import Timing, find_timing
from watchdesk.graph.goal.topics import TopicsFound, find_topics
from watchdesk.graph.goal.unsaid import say_codes, say_generic_in_list, say_qualified, with_lookback
from watchdesk.graph.watchlist import Delivery, Filings, Policy, Schedule, Ticker, Topics, TranscriptSource, Watchlist
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
    context = place_context(text, found) + products_beside_others(text, found)  # "uber, lyft for robotaxi": no TSLA
    pair_parenthesised(found, text.raw)  # "Alphabet (GOOGL)": one company, one decision
    for named in sorted(found.named + words + context + found.excluded, key=lambda n: n.start):
        if named.said not in notes.decisions:  # how each company was read, in the goal's order
            notes.decide(named.said)
    place_unlisted(text, found, index, notes)
    sources = find_sources(text, notes, outlets=outlets)
    # "Airbus competition" after "for": Airbus, read with the goal's words (place_unlisted), is no misspelt company;
    # "VMware integration" is none either: the phrase and its capitalised words must both be close to a name
    # "keep an eye on tsmm, asml": a slip of a ticker listed with a company is said as one (leftovers), no topic
    topics = find_topics(text, notes, company_like=lambda phrase, start, end: not any(
        s <= start < e for s, e in found.as_words) and (bool(
        (index.close(phrase, tickers=False) and index.close(named_part(phrase), tickers=False))
        or beside_company(start, end, found, text.raw)) if phrase[:1].isupper() else ticker_slip(
            [Token(phrase, start, end, 0, False)], index) and beside_company(start, end, found, text.raw)),
        sharing=found.sharing)
    topics_after_companies(text, found, topics, notes)  # "Intel foundry losses": what Intel is watched for
    if sources.late and LATE_FILING not in topics.custom:  # "10-K delays": what a notice of late filing says
        topics.custom.append(LATE_FILING)
        notes.decide(f"custom topic late_filing: from {sources.late[0]!r}, the words notices of late filing and the "
                     f"8-Ks about them use ({', '.join(repr(p) for p in LATE_FILING.phrases[:4])}, ...)")
    read_leftovers(text, found, index, notes)
    said = words_between_companies(text, found, index, notes)  # "nvda, on and amd": 'on' said, not dropped unsaid
    say_codes(text, notes)  # "MI300", "Q3": the leftovers read words, not codes
    # "watch Ford EV losses", "ford and gm EV losses": an abbreviation and a word, said
    say_qualified(text, found.named, notes, also_after=said)
    say_generic_in_list(text, found, notes, index)  # "Delta, United and American Airlines": 'United' said
    say_ticker_slips(found.named, index, text.raw, notes)  # "JPM, BAC, WFG": West Fraser Timber, or Wells Fargo?
    stop_acquired(found)  # "watch Pioneer": PXD was acquired by Exxon Mobil in 2024
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
        # a group's name ("Mag 7") is none of its companies': news of the group is no news of Apple
        aliases = tuple(dict.fromkeys([*prior, *([alias] if alias.upper() != symbol and not named.group else [])]))
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
