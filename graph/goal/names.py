"""Company names to SEC tickers: the shipped snapshot of SEC's ticker map, read as names, prefixes and aliases.

SEC lists companies roughly by market value, so a row's position is a fair prior for which of two
"Micron ..." companies a person means; a prefix is only taken when one company clearly leads, and the
others are reported with it.
"""

from __future__ import annotations

import difflib
import gzip
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TypedDict, cast

from watchdesk.graph.goal.text import fold
from watchdesk.graph.goal.words import words
from watchdesk.sources.edgar_parse import swapped_tickers
from watchdesk.sources.models import CompanyRef

SNAPSHOT = "sec_tickers.tsv.gz"
# Words that say what kind of legal entity a company is, not which company it is.
_SUFFIXES = words(
    "inc incorporated corp corporation co company companies cos ltd limited plc holding holdings group nv sa ag "
    "se lp llc de md ny nj uk com adr ads the spa asa ab oyj kgaa sab cv sca bhd tbk pte bv gmbh trust"
)
LEAD = 4  # a prefix's best company must rank this many times better than the next one
WELL_KNOWN = 2000  # SEC's first 2,000 companies: the ones a one-word name may stand for
# A one-word SEC name ("Vertex, Inc.") is that company unless a well-known company whose name starts with the word
# ranks within this factor of it ("Vertex Pharmaceuticals"): then it could be either, and a goal names one
RIVAL = 2
# Where SEC's name of a company ends with the state or country it is incorporated in, or that it was re-formed:
# "PROGRESSIVE CORP/OH/", "WELLS FARGO & COMPANY/MN", "BANK OF MONTREAL /CAN/", "KEYCORP /NEW/"; no part of the name
_STATE_TAG = re.compile(r"(?:\s*/\s*(?:[A-Za-z]{2}|NEW|CAN|FI)\s*/?)+\s*$")


def name_key(text: str) -> str:
    """How a company name is compared: lower case without accents, '&' as 'and', no punctuation, no legal-form
    words, no state SEC writes after the name ("/OH/")."""
    text = re.sub(r"['’]s\b", "", fold(_STATE_TAG.sub("", text))).replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    while words and words[-1] in _SUFFIXES:
        words.pop()
        if len(words) > 1 and words[-1] == "and":  # "DEERE & CO", "JPMORGAN CHASE & CO": Deere, JPMorgan Chase
            words.pop()
    while words and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def has_legal_form(phrase: str) -> bool:
    """Does `phrase` end with a legal form's word ("Foo Inc", "Acme Widgets Corp."), as a company's name does?"""
    words = re.sub(r"[^a-z0-9]+", " ", fold(phrase)).split()
    return len(words) > 1 and words[-1] in _SUFFIXES and words[-1] not in ("the", "de", "com")


class TickerChange(TypedDict):
    """A ticker a company changed to since SEC's map shipped (aliases.toml [ticker_changes])."""

    cik: int
    was: str  # the ticker the map holds
    since: str  # the day the new one started trading


def _with_new_tickers(refs: list[CompanyRef], changes: Mapping[str, TickerChange]) -> list[CompanyRef]:
    """`refs` with each changed ticker's new one right before the old, where the map does not hold it yet (a map
    refreshed from SEC since does)."""
    held = {ref.ticker for ref in refs}
    moved = {(c["was"], c["cik"]): new for new, c in changes.items() if new not in held}
    out = []
    for ref in refs:
        if new := moved.get((ref.ticker, ref.cik)):
            out.append(CompanyRef(ticker=new, cik=ref.cik, name=ref.name))
        out.append(ref)
    return out


@dataclass(frozen=True)
class Match:
    """A name resolved to a company, with the others it could also have meant."""

    ref: CompanyRef
    how: str
    others: tuple[CompanyRef, ...] = ()


@dataclass
class CompanyIndex:
    """SEC's companies by ticker, by cleaned name, by name prefix, and by alias."""

    by_ticker: dict[str, CompanyRef]
    rank: dict[int, int] = field(default_factory=dict)
    names: dict[str, list[CompanyRef]] = field(default_factory=dict)
    prefixes: dict[str, list[CompanyRef]] = field(default_factory=dict)
    aliases: dict[str, CompanyRef | None] = field(default_factory=dict)
    tickers_of: dict[int, list[str]] = field(default_factory=dict)  # each company's tickers, in SEC's order
    origin: str = "the snapshot of SEC's ticker map shipped with watchdesk (early 2025)"

    @classmethod
    def build(
        cls, refs: Iterable[CompanyRef], *, aliases: Mapping[str, str],
        changes: Mapping[str, TickerChange] | None = None,
    ) -> CompanyIndex:
        """`changes`: tickers changed since the map was made (ticker_changes): the new one is the company's, before its
        others, and the old one stands for it."""
        index = cls(by_ticker={})
        refs = _with_new_tickers(list(refs), changes or {})
        for ref in refs:
            if ref.ticker in index.by_ticker:
                continue
            index.by_ticker[ref.ticker] = ref
            index.tickers_of.setdefault(ref.cik, []).append(ref.ticker)
            if ref.cik in index.rank:  # GOOG after GOOGL: one company, its first listing stands
                continue
            index.rank[ref.cik] = len(index.rank)
            key = name_key(ref.name)
            index.names.setdefault(key, []).append(ref)
            words = key.split()
            for n in range(1, len(words)):
                index.prefixes.setdefault(" ".join(words[:n]), []).append(ref)
        for new, change in (changes or {}).items():
            now, old = index.by_ticker.get(new), index.by_ticker.get(change["was"])
            if now is not None and now.cik == change["cik"] and (old is None or old.cik == now.cik):
                index.by_ticker[change["was"]] = now  # "SQ" is Block's, under XYZ
        for alias, ticker in aliases.items():
            index.aliases[name_key(alias)] = index.by_ticker.get(ticker) if ticker else None
        return index

    def files_no_reports(self, ref: CompanyRef) -> bool:
        """Is `ref` a company SEC knows only by receipts that trade over the counter, which files no 10-K, 10-Q or 20-F:
        its SEC name says so ("Airbus SE/ADR"), or every ticker it has is an OTC one of five letters ending in Y
        (depositary receipts) or F (foreign shares), with at least one Y: TOELY and TOELF (Tokyo Electron), ATLKY and
        ATLCY (Atlas Copco)? A company with a ticker of four letters or fewer is listed on an exchange and files."""
        symbols = self.tickers_of.get(ref.cik, [ref.ticker])
        return depositary_only(ref) or (
            not set(symbols) & _LISTED_RECEIPTS
            and any(_OTC.fullmatch(s) and s.endswith("Y") for s in symbols) and all(_OTC.fullmatch(s) for s in symbols))

    def ticker(self, symbol: str) -> CompanyRef | None:
        return self.by_ticker.get(re.sub(r"[./ ]", "-", symbol.strip().upper()))

    def by_name(self, key: str) -> Match | list[CompanyRef] | None:
        """A Match, a list of candidates when no company clearly leads, or None when nothing is named so."""
        if key in self.aliases:
            alias = self.aliases[key]
            return Match(alias, "alias") if alias else []
        if found := self.names.get(key):
            rivals = self.rivals(key, found)
            if rivals:
                return sorted(found + rivals, key=lambda r: self.rank[r.cik])[:5]
            match = self._lead(found, how="SEC name")
            if isinstance(match, Match) and not match.others and " " not in key:
                # "Brookfield": BN's whole name, said with the well-known companies whose names start with it
                ciks = {r.cik for r in found}
                known = [r for r in self.prefixes.get(key, []) if r.cik not in ciks and self.rank[r.cik] < WELL_KNOWN]
                match = Match(match.ref, match.how, tuple(known[:3]))
            return match
        if found := self.prefixes.get(key):
            return self._lead(found, how="start of SEC name")
        return None

    def named_in_full(self, key: str) -> Match | None:
        """The company `key` is the whole SEC name of, rivals or not: "Southern Company", "Vertex, Inc." written with
        the legal form name the one."""
        found = self.names.get(key)
        return Match(found[0], "SEC name") if found and len(found) == 1 else None

    def rivals(self, key: str, exact: list[CompanyRef]) -> list[CompanyRef]:
        """The well-known companies whose SEC names start with the one word `key` that rank about as well as the
        company `key` is the whole name of, or better: "Paramount" is Paramount Group's whole name and the start of
        Paramount Global's, which people mean; "Vertex" is Vertex, Inc.'s and the start of Vertex Pharmaceuticals'.
        A name of several words ("Cheniere Energy") is the company it names."""
        if " " in key:
            return []
        best = min(self.rank[r.cik] for r in exact)
        ciks = {r.cik for r in exact}
        return [r for r in self.prefixes.get(key, []) if r.cik not in ciks
                and self.rank[r.cik] < min(WELL_KNOWN, RIVAL * best + 20)][:4]  # fmt: skip

    def _lead(self, found: list[CompanyRef], *, how: str) -> Match | list[CompanyRef]:
        ranked = sorted(found, key=lambda r: self.rank[r.cik])
        if len(ranked) == 1 or self.rank[ranked[1].cik] > LEAD * self.rank[ranked[0].cik] + 20:
            return Match(ranked[0], how, tuple(ranked[1:4]))
        return ranked[:5]

    def close(self, phrase: str, *, n: int = 3, tickers: bool = True, cutoff: float = 0.75) -> list[CompanyRef]:
        """Companies whose name (or, with `tickers`, ticker) resembles `phrase` (for "did you mean")."""
        key = name_key(phrase)
        found: list[tuple[CompanyRef, bool]] = []  # each with whether it is one slip from the phrase
        for cand in difflib.get_close_matches(key, list(self.aliases) + list(self.names), n=n * 2, cutoff=cutoff):
            ref = self.aliases.get(cand) if cand in self.aliases else self.names[cand][0]
            if ref is not None:
                found.append((ref, one_slip(key, cand)))
        if tickers and 2 <= len(phrase) <= 6:
            symbols = difflib.get_close_matches(phrase.upper(), list(self.by_ticker), n=n, cutoff=0.7)
            found += [(self.by_ticker[t], False) for t in symbols]
            # "ASLM": ASML first
            found[:0] = [(self.by_ticker[t], True) for t in swapped_tickers(phrase, self.by_ticker)]
        if isinstance(named := self.by_name(key), list) and named:  # "paramount": PARA or PGRE, whose names it is
            found[:0] = [(ref, True) for ref in named]
        elif isinstance(named, Match) and named.how == "start of SEC name" and has_legal_form(phrase):
            found[:0] = [(named.ref, True)]  # "Acme Inc": Acme United's name starts so, to check (companies._resolve)
        if any(near for _, near in found):
            # one slip of a name ("Nvida", "TMSC" for TSMC): those companies alone, the best known first; VIA, IDA
            # and DIA resemble "Nvida" only as three letters of five do
            found = sorted(((ref, near) for ref, near in found if near), key=lambda pair: self.rank[pair[0].cik])
        out: dict[int, CompanyRef] = {}
        for ref, _ in found:
            out.setdefault(ref.cik, ref)
        return list(out.values())[:n]


_OTC = re.compile(r"[A-Z]{4}[YF]")
# No rule reads a company whose tickers all end in F (foreign shares over the counter, no receipts) as filing nothing:
# measured in 2026-12 on SEC's company_tickers_exchange.json (2025), 274 companies have only such tickers, all OTC, and
# they are mostly SEC reporters (Green Thumb and Trulieve file 10-Ks, Cazoo and Centogene 20-Fs, SPACs such as Slam
# Corp 10-Ks; Rio Tinto Ltd, RTNTF, files the group's 20-F): a Y among them, a receipt, is what says none is filed.
# Receipts of five letters ending in Y that a company's own SEC filings stand behind (SEC's
# company_tickers_exchange.json, 2025: RYAAY and FORTY trade on Nasdaq; LATAM, LTMAY in 2024, files 20-F and trades on
# NYSE as LTM since)
_LISTED_RECEIPTS = frozenset({"RYAAY", "FORTY", "LTMAY"})
_DEPOSITARY = re.compile(r"(?:/\s*|\s)ADR/?\s*$", re.IGNORECASE)


def depositary_only(ref: CompanyRef) -> bool:
    """Is `ref` a company SEC knows only by its American depositary receipts ("Airbus SE/ADR", "EBARA CORP /ADR/")?
    SEC names such an entry so when a depositary bank registers the receipts (Form F-6) for a company that files no
    10-K, 10-Q or 20-F itself (it is exempt under rule 12g3-2(b)); a run would find none of its filings."""
    return bool(_DEPOSITARY.search(ref.name))


def named_part(phrase: str) -> str:
    """The words of `phrase` up to its first in lower case, which a company's name would not hold ("VMware" of
    "VMware integration": close to no name, though the phrase is close to "Power Integrations")."""
    words = phrase.split()
    end = next((i for i, w in enumerate(words) if i and w.islower()), len(words))
    return " ".join(words[:end])


def one_slip(typed: str, name: str) -> bool:
    """Is `typed` `name` with one slip: two neighbouring letters swapped ("tmsc", four letters or more), or one letter
    missing, added or changed ("nvida", "nvdia", five or more)?"""
    if typed == name or abs(len(typed) - len(name)) > 1 or min(len(typed), len(name)) < 4:
        return False
    if len(typed) == len(name):
        diff = [i for i in range(len(typed)) if typed[i] != name[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == name[diff[1]] and (
            typed[diff[1]] == name[diff[0]])
        return swapped or (len(diff) == 1 and len(typed) >= 5)
    short, long = sorted((typed, name), key=len)
    i = next((i for i in range(len(short)) if short[i] != long[i]), len(short))
    return len(long) >= 5 and short[i:] == long[i + 1 :]


def parse_snapshot(data: bytes) -> list[CompanyRef]:
    """The shipped snapshot (gzip'd TSV: ticker, cik, title) as CompanyRefs in SEC's order."""
    rows = gzip.decompress(data).decode("utf-8").splitlines()
    out = []
    for row in rows:
        if row and not row.startswith("#"):
            ticker, cik, title = row.split("\t", 2)
            out.append(CompanyRef(ticker=ticker, cik=int(cik), name=title))
    return out


def snapshot_bytes(refs: Iterable[CompanyRef], *, source: str) -> bytes:
    """A ticker map (e.g. freshly fetched from SEC) in the snapshot's format."""
    lines = [f"# {source}; US government public data. ticker, cik, title in SEC's order"]
    lines += [f"{r.ticker}\t{r.cik}\t{r.name}" for r in refs]
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)


def load_aliases() -> dict[str, str]:
    return dict(_alias_tables()["aliases"])


@cache
def _alias_tables() -> dict[str, dict[str, str]]:
    return tomllib.loads((resources.files("watchdesk.graph.goal") / "aliases.toml").read_text(encoding="utf-8"))


def ticker_doubts() -> dict[str, str]:
    """Tickers people also write for another company SEC does not list ("BYD": Boyd Gaming's, and BYD Company's name),
    with what to say of the other (aliases.toml [ticker_doubts])."""
    return _alias_tables()["ticker_doubts"]


def segments() -> dict[str, str]:
    """Aliases that name a part of a company ("AWS": Amazon's cloud segment), by name_key, with the part said
    (aliases.toml [segments])."""
    return {name_key(alias): part for alias, part in _alias_tables()["segments"].items()}


@cache
def products() -> dict[str, str]:
    """Aliases that name a product ("Llama": Meta's family of AI models), by name_key, with what it is (aliases.toml
    [products])."""
    return {name_key(alias): what for alias, what in _alias_tables()["products"].items()}


@cache
def unlisted_names() -> dict[str, str]:
    """Names SEC does not list that a listed company's name resembles ("Puma": PUMA SE, not Puma Biotechnology), by
    name_key, with what the name stands for (aliases.toml [unlisted])."""
    return {name_key(alias): what for alias, what in _alias_tables()["unlisted"].items()}


@cache
def groups() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Names of several companies at once ("Mag 7"), by name_key, with the group's name and its tickers (aliases.toml
    [groups])."""
    tables = cast(dict[str, dict[str, list[str]]], _alias_tables()["groups"])
    return {name_key(said): (group, tuple(table["tickers"])) for group, table in tables.items()
            for said in table["names"]}  # fmt: skip


def acquired() -> dict[str, str]:
    """Tickers of the shipped snapshot whose companies were acquired since, with what became of each ("PXD": "was
    acquired by Exxon Mobil (XOM) in May 2024"; aliases.toml [acquired])."""
    return _alias_tables()["acquired"]


def ticker_changes() -> dict[str, TickerChange]:
    """Tickers companies changed to since the shipped snapshot, by the new ticker ("XYZ": Block's, SQ in the snapshot;
    aliases.toml [ticker_changes])."""
    return cast(dict[str, TickerChange], _alias_tables()["ticker_changes"])


def former_ticker(ref: CompanyRef) -> str:
    """The ticker `ref`'s company had before it changed since the shipped snapshot ("SQ" of XYZ), or ""."""
    change = ticker_changes().get(ref.ticker)
    return change["was"] if change is not None and change["cik"] == ref.cik else ""


def ticker_changed(written: str, ref: CompanyRef) -> str:
    """What a decision adds when `ref`'s ticker changed since the shipped snapshot: "" for any other company."""
    if not (was := former_ticker(ref)):
        return ""
    change = ticker_changes()[ref.ticker]
    if written.lstrip("$").strip().upper() == was:
        return f"; {change['was']} was its ticker until {change['since']}: it trades as {ref.ticker} since"
    return f"; its ticker since {change['since']} ({change['was']} before)"


@cache
def shipped_index() -> CompanyIndex:
    """The index over the snapshot shipped in the package: works offline."""
    data = (resources.files("watchdesk.graph.goal") / SNAPSHOT).read_bytes()
    return CompanyIndex.build(parse_snapshot(data), aliases=load_aliases(), changes=ticker_changes())


def clearly_named(name: str) -> CompanyRef | None:
    """The company `name` (as a call's opening states it: "AMD", "Micron Technologies", "Walt Disney Company") is
    beyond doubt, or None: an alias, a whole SEC name of one company, or a ticker written in capitals. A name only
    the start of SEC names, or several companies', is no evidence of another company."""
    index = shipped_index()
    found = index.by_name(name_key(name))
    if isinstance(found, Match) and found.how in ("alias", "SEC name"):
        return found.ref
    if re.fullmatch(r"[A-Z]{1,5}", name.strip()):
        return index.ticker(name)
    return None
