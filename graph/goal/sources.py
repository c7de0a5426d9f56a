"""Where to look: transcripts (earnings calls), EDGAR filings (with named forms), news."""

from __future__ import annotations

import re
from dataclasses import dataclass

from watchdesk.graph.forms import said_forms
from watchdesk.graph.goal.text import Notes, Text
from watchdesk.graph.watchlist import CustomTopic, Source
from watchdesk.sources.errors import ConfigError

DEFAULT_SOURCES: tuple[Source, ...] = ("edgar",)
_TRANSCRIPTS = re.compile(
    r"\b(?:earnings[- ]call transcripts?|earnings[- ]calls?|conference[- ]calls?|analyst calls?|call transcripts?|"
    r"transcripts?|(?<!margin )(?<!capital )(?<!cash )(?<!put )calls|"
    r"earnings(?! (?:revisions?|guidance|estimates?|growth|per share|beats?|miss(?:es)?|surprises?|cuts?|quality|"
    r"power|forecasts?|expectations?)))\b",
    re.IGNORECASE,
)
_FORMS = re.compile(r"\b(?:forms?\s+)?(10-?K|10-?Q|8-?K|20-?F|6-?K|40-?F|S-?1)s?\b", re.IGNORECASE)
# Forms a run does not read (holdings, insiders, proxies, ownership): said, never dropped or read as a company
_OTHER_FORMS = re.compile(r"\b(?:forms?\s+)?(13-?F(?:-HR)?|SC\s?13[DG]|13[DG]|DEF\s?14A|(?<=form )[345]|"
                          r"(?<=forms )[345]|S-?[348]|424B\d?|11-?K)s?\b", re.IGNORECASE)
# A filing that is late ("10-K delays", "a late 10-Q", "late filings", "NT 10-K"): SEC's notice of late filing (Form
# 12b-25, listed as NT 10-K, NT 10-Q, NT 20-F), the filing when it comes, and the current reports about it (an
# auditor's resignation, the exchange's notice of non-compliance); a 10-K that is late is not in the listing to read
_LATE = re.compile(
    r"\b(?:(?:late|delayed|overdue)\s+(?P<before>10-?K|10-?Q|20-?F)s?(?:\s+filings?)?"
    r"|(?P<after>10-?K|10-?Q|20-?F)s?\s+(?:filings?\s+)?(?:delays?|delayed|lateness)"
    r"|NT\s+(?P<nt>10-?K|10-?Q|20-?F)s?(?:\s+(?:filings?|notices?))?"
    r"|(?:late|delayed|overdue|delinquent)\s+(?:sec\s+)?(?:filings?|reports?)|filing\s+delays?)\b",
    re.IGNORECASE,
)
LATE_FILING = CustomTopic(
    name="late_filing", label="late filing", description="what a notice of late filing and the reports about it say",
    phrases=("Form 12b-25", "12b-25", "late filing", "notification of late filing", "unable to file",
             "not be able to file", "could not be filed", "cannot be filed", "without unreasonable effort or expense",
             "timely file", "delinquent", "Listing Rule 5250"),
)  # fmt: skip
_FORM_WORDS = {
    "annual report": ("10-K", "20-F"),
    "quarterly report": ("10-Q", "6-K"),
    "current report": ("8-K", "6-K"),
}
_EDGAR = re.compile(
    r"\b(?:(?:sec|edgar) )?filings?\b|\bedgar\b|\bsec\b|\b(annual|quarterly|current) reports?\b|\brisk factors\b",
    re.IGNORECASE,
)
_NEWS = re.compile(r"\b(?:news(?:flow| feeds?)?|headlines?|press coverage|articles?|newswires?|media)\b", re.IGNORECASE)
# "including news", "also news": news beside the sources a goal reads by default, not instead of them
_ADDS = re.compile(r"\b(?:including|incl\.?|also|plus|as well as|and)\s+(?:the\s+)?$", re.IGNORECASE)
# "only news", "news only": news alone
_ONLY_BEFORE = re.compile(r"\bonly\s+(?:the\s+)?$", re.IGNORECASE)
_ONLY_AFTER = re.compile(r"^\s+only\b", re.IGNORECASE)

# Sources a run cannot read: said under Not understood, never read as news ("media") or a topic ("social")
_UNREAD_SOURCES = re.compile(
    r"\b(?:social media(?: posts?| chatter| sentiment)?|tweets?|twitter|stocktwits|(?<=on )reddit|(?<=from )reddit|"
    r"reddit (?:posts?|threads?|chatter)|podcasts?|youtube(?: videos?)?)\b",
    re.IGNORECASE,
)

# 6-Ks a run lists but leaves out (agents.filings FilingsRequest.six_k_kinds), which a watchlist cannot ask for
_MONTHLY_REVENUE = re.compile(
    r"\bmonthly\s+(?:net\s+)?(?:revenues?|sales)(?:\s+(?:reports?|figures|numbers|data|updates?))?\b", re.IGNORECASE
)


def find_unread_filings(text: Text, notes: Notes) -> None:
    """Monthly revenue reports, said plainly; before the cadence, for whose parser "monthly" would be one."""
    for m in list(text.finditer(_MONTHLY_REVENUE)):
        text.use(m.start(), m.end())
        notes.unclear(f"{m.group()!r}: monthly revenue reports (6-Ks some foreign issuers file, TSMC each month) are "
                      "not read: a run reads the 6-Ks of results and management reports, and a watchlist cannot ask "
                      "for others; each run says how many it left out")


# News outlets a goal names ("news from Reuters and Bloomberg"): read as the news source, never as a company
# (Thomson Reuters is one to SEC); which outlets are read is the watchlist's [[news.feeds]].
_OUTLETS = re.compile(
    r"\b(?:(?<!Thomson )Reuters|Bloomberg(?: News)?|Wall Street Journal|WSJ|Financial Times|FT|CNBC|Barron['’]?s|"
    r"MarketWatch|Seeking Alpha|Yahoo Finance|Nikkei(?: Asia)?|DigiTimes|The Information|Associated Press|AP News|"
    r"New York Times|NYT|Forbes|Business Insider|TechCrunch|The Verge|Axios|Politico|The Economist)\b"
)


def find_outlets(text: Text, notes: Notes) -> list[str]:
    """Outlets the goal names; before companies, so "Reuters" is never Thomson Reuters."""
    found = []
    for m in list(text.finditer(_OUTLETS)):
        text.use(m.start(), m.end())
        if negation := text.negation(m.start(), m.end()):  # "but not Bloomberg": no outlet to add news for
            notes.unclear(f"{negation!r}: leaving out an outlet is set by [[news.feeds]] in the file; no news "
                          "source added for it")
            continue
        found.append(m.group())
    if found:
        notes.unclear(f"news outlets ({', '.join(dict.fromkeys(found))}): read as the news source; which outlets are "
                      "read is set by [[news.feeds]] in the file (their feeds, and hosts in policy.allowed_domains)")
    return found


@dataclass(frozen=True)
class SourcesFound:
    sources: tuple[Source, ...]
    forms: tuple[str, ...] = ()  # forms the goal named; empty: the watchlist's default forms
    late: tuple[str, ...] = ()  # phrases that named late filings ("10-K delays"): LATE_FILING is watched


def find_sources(text: Text, notes: Notes, *, outlets: list[str] | None = None) -> SourcesFound:
    named: dict[Source, list[str]] = {"news": list(outlets)} if outlets else {}
    left_out: dict[Source, str] = {}  # "but not news": the negation that left it out
    adds: list[str] = []  # "including news": news is added to the default sources
    only: list[str] = []  # "news only"
    forms: list[str] = []
    for m in list(text.finditer(_UNREAD_SOURCES)):
        text.use(m.start(), m.end())
        notes.unclear(f"{m.group()!r}: a run reads SEC filings, earnings-call transcripts and news feeds; this source "
                      "is not read")
    for m in list(text.finditer(_OTHER_FORMS)):
        text.use(m.start(), m.end())
        notes.unclear(f"{m.group()!r}: a run reads {said_forms()} filings; this form is not fetched")
    late, late_forms = _late_filings(text)
    if late:
        named.setdefault("edgar", []).extend(late)
    for m in text.finditer(_FORMS):
        form = re.sub(r"^(\d+|S)-?", r"\1-", m.group(1).upper())
        text.use(m.start(), m.end())
        if negation := text.negation(m.start(), m.end()):
            notes.unclear(f"{negation!r}: leaving out one form is not supported; name the forms to fetch instead")
            continue
        forms.append(form)
        named.setdefault("edgar", []).append(m.group())
    patterns: tuple[tuple[Source, re.Pattern[str]], ...] = (
        ("transcripts", _TRANSCRIPTS), ("edgar", _EDGAR), ("news", _NEWS),
    )  # fmt: skip
    for source, pattern in patterns:
        for m in text.finditer(pattern):
            text.use(m.start(), m.end())
            if negation := text.negation(m.start(), m.end()):
                left_out[source] = negation
                continue
            named.setdefault(source, []).append(m.group())
            if source == "news":
                _how_news_is_named(text, m, adds, only)
            if source == "edgar" and m.group(1):
                forms += _FORM_WORDS[f"{m.group(1).lower()} report"]
    for source, negation in left_out.items():
        named.pop(source, None)
        notes.decide(f"source {source}: left out (from {negation!r})")
    if adds and not only and set(named) == {"news"}:
        for source in DEFAULT_SOURCES:
            if source not in left_out:
                named[source] = []
                notes.decide(f"source {source}: the default, kept ({adds[0]!r} adds news to it)")
    elif only and set(named) == {"news"}:
        notes.decide(f"source news alone (from {only[0]!r}): the default {', '.join(DEFAULT_SOURCES)} not read")
    order = sorted(named, key=lambda s: ("transcripts", "edgar", "news").index(s))
    for source in order:
        if named[source]:
            notes.decide(f"source {source}: from {', '.join(repr(p) for p in dict.fromkeys(named[source]))}")
    if not order:
        rest = tuple(s for s in DEFAULT_SOURCES if s not in left_out) or tuple(
            s for s in ("transcripts", "edgar", "news") if s not in left_out)
        if not rest:
            raise ConfigError(f"the goal leaves out every source ({', '.join(left_out)}), so nothing would be read: "
                              "name the sources to read, e.g. 'filings' or 'earnings calls'")
        notes.decide(f"no source named: the default chain ({', '.join(DEFAULT_SOURCES)})" if rest == DEFAULT_SOURCES
                     else f"no source named but {', '.join(left_out)} left out: {', '.join(rest)}")
        return SourcesFound(rest)
    if late:
        forms = [*late_forms, *forms]
        notes.decide(f"filing forms: {', '.join(dict.fromkeys(forms))} (late filings, from "
                     f"{', '.join(repr(p) for p in late)}: a late filing is announced in an NT form, SEC's Form "
                     "12b-25, and the 8-Ks about it say why: an auditor's resignation, the exchange's notice)")
    elif forms:
        notes.decide(f"filing forms: {', '.join(dict.fromkeys(forms))}")
    return SourcesFound(tuple(order), tuple(dict.fromkeys(forms)), tuple(late))


def _late_filings(text: Text) -> tuple[list[str], list[str]]:
    """The phrases that name late filings ("10-K delays", "late filings"), used up, and the forms that watch them: the
    notice of late filing of each form named (of 10-Ks and 10-Qs where none is), the form, and 8-Ks (6-Ks for a
    20-F)."""
    phrases: list[str] = []
    notices: list[str] = []
    reports: list[str] = []
    for m in list(text.finditer(_LATE)):
        if text.negation(m.start(), m.end()):
            continue  # "but not late filings": the forms parser says a form cannot be left out
        text.use(m.start(), m.end())
        phrases.append(m.group())
        named = m.group("before") or m.group("after") or m.group("nt")
        for form in [re.sub(r"^(\d+)-?", r"\1-", named.upper())] if named else ["10-K", "10-Q"]:
            notices.append(f"NT {form}")
            reports += [form, "6-K" if form == "20-F" else "8-K"]
    current = ("8-K", "6-K")
    return phrases, list(dict.fromkeys([*notices, *[f for f in reports if f not in current],
                                        *[f for f in reports if f in current]]))


def _how_news_is_named(text: Text, m: re.Match[str], adds: list[str], only: list[str]) -> None:
    """ "including news" adds news to the default sources; "only news" / "news only" reads news alone. The words that
    say so are used up, so none becomes a topic ("incl")."""
    raw = text.raw
    if (before := _ONLY_BEFORE.search(raw[: m.start()])) and text.is_free(before.start(), before.end()):
        text.use(before.start(), before.end())
        only.append(raw[before.start() : m.end()])
    elif (after := _ONLY_AFTER.search(raw[m.end() :])) and text.is_free(m.end(), m.end() + after.end()):
        text.use(m.end(), m.end() + after.end())
        only.append(raw[m.start() : m.end() + after.end()])
    elif (before := _ADDS.search(raw[: m.start()])) and text.is_free(before.start(), before.end()):
        text.use(before.start(), before.end())
        adds.append(raw[before.start() : m.end()])
