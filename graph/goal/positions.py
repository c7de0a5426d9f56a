"""Where a company stands in a goal: where a company to watch does ("Watch NVDA", "NVIDIA and AMD filings",
"for Walmart, Target and Costco in their 10-Qs"), or as context of what is watched for ("Watch NVDA for Apple
demand", "for AMD competition", "for comments about Apple").

A goal's companies are read in lists ("NVIDIA, AMD and Intel"). A list stands where a company to watch does when it
follows a watch verb ("Monitor", "keep an eye on", "Track the 10-Q filings of"), names a $TICKER, is followed by a
source ("Apple filings"), or stands alone (it ends its clause, or a preposition, a time or another company follows)
after no word of context ("about", "from", "exposure to", "mentions of"...) and not right after "for" and a list to
watch ("Watch NVIDIA for Apple") or what it is watched for ("Watch NVIDIA for AMD for Apple"). A list that
qualifies the words after it ("Apple demand"), follows a word of context or is what a list to watch is watched for
is context, but only when another list stands where a company to watch does: a goal whose every company is so
placed ("Flag Target and Walmart margins") watches them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from watchdesk.graph.goal.companies import ORDINARY_ALIASES
from watchdesk.graph.goal.found import Found, Named
from watchdesk.graph.goal.names import name_key, products
from watchdesk.graph.goal.text import Notes, Text
from watchdesk.graph.goal.topics import keyword_table
from watchdesk.graph.goal.words import EXCHANGE_SUFFIX, PLACES, common_words, english_words, words

# "NVIDIA, AMD and Intel", "NVIDIA & AMD", "NVIDIA or AMD", "NVIDIA as well as AMD", "NVIDIA vs AMD": one list; so
# is "Alphabet (GOOGL) and Rivian", the parenthesis closed before the joint, and "Disney+ and NFLX", the service's +
LIST_JOINT = re.compile(
    r"\+?\s*\)?\s*(?:,|&|\+|\band\b|\bor\b|,\s*and\b|,?\s*and also\b|,?\s*as well as\b|,?\s*plus\b|,?\s*along with\b|"
    r"\bvs\.?|\bversus\b)\s*(?:(?:nasdaq|nyse(?: american| arca)?|amex|otc)\s*:\s*)?$",  # "tsm and nasdaq:asml"
    re.IGNORECASE,
)
# Words before a company that make it what is watched for: "comments about Apple", "orders from Apple", "exposure to
# Apple", "pricing vs AMD", "mentions of Intel" (not "filings of AMD": see _WATCH_VERB)
_CONTEXT_BEFORE = re.compile(
    r"\b(?:about|regarding|concerning|from|to|with|against|vs\.?|versus|than|like|(?:mentions?|talk|signs|news) of|"
    r"comments? on)\s+$",
    re.IGNORECASE,
)
# A comparison names both companies: "Compare NVIDIA with AMD", "NVIDIA compared to AMD" (a review: AMD was context)
_COMPARED = re.compile(r"\bcompar(?:e|es|ed|ing)\b[^.;:!?]*?\b(?:with|to|against|and|vs\.?|versus)\s+$", re.IGNORECASE)
_SOURCE = (r"(?:earnings|call|calls|conference|transcripts?|filings?|sec|edgar|annual|quarterly|current|reports?|news|"
           r"headlines?|press|releases?|10-?[kq]s?|8-?ks?|20-?fs?|6-?ks?|40-?fs?|s-?1s?)")
_WATCH_VERB = re.compile(
    r"\b(?:watch(?:ing)?|track(?:ing)?|monitor(?:ing)?|follow(?:ing)?|cover(?:ing)?|check(?:ing)?(?: on)?|"
    r"review(?:ing)?|summari[sz]e|summari[sz]ing|analy[sz]e|compare|comparing|keep(?:ing)? (?:an eye on|tabs on|"
    r"track of))\s+"
    r"(?:(?:the|their|its|all|both|any|latest|recent|new)\s+)*"
    rf"(?:(?:{_SOURCE}\s+)+(?:for|of|from|at|on|by|in)\s+)?$",  # "Monitor earnings call transcripts for NVIDIA"
    re.IGNORECASE,
)
_SOURCE_WORD = re.compile(_SOURCE, re.IGNORECASE)
# Between a list to watch and one it is watched for: "NVIDIA for Apple", "NVIDIA's filings for Apple", and further
# along the same sentence "NVIDIA for AMD for Apple", "NVIDIA for inventory for Apple" (the last "for" is group 1)
_WATCHED_FOR = re.compile(rf"(?:['’]s)?\s+(?:{_SOURCE}\s+)*(?:for\s[^.;!?\n]*?\s)?(for\s+)", re.IGNORECASE)
_OWN_SOURCE = re.compile(rf"\s*(?:['’]s\s+)?{_SOURCE}\b", re.IGNORECASE)


def source_follows(raw: str, end: int) -> bool:
    """Does a source of its own follow a name ending at `end` ("Target filings", "Target's 10-Q")?"""
    return bool(_OWN_SOURCE.match(raw, end))
WATCH_VERBS = words(
    "watch track monitor follow cover check review summarize summarise analyze analyse flag keep compare comparing"
)
# Words after a company that it does not qualify: it stands alone ("NVIDIA for ...", "AMD weekly", "Intel until")
_ALONE_BEFORE = words(
    "for in on at of to from by with over until till through thru during within about regarding into across after "
    "before since via vs versus per and or nor but not excluding except without plus as than then while if when so "
    "too also only itself is are was were has have had will would should could may might can etc please pls weekly "
    "daily every each this next today tomorrow monday tuesday wednesday thursday friday saturday sunday mondays "
    "tuesdays wednesdays thursdays fridays saturdays sundays"
)
STANDS_ALONE_BEFORE = _ALONE_BEFORE  # a company before one of these words qualifies none
_NEXT_WORD = re.compile(r"[ \t]*([^\W_]+(?:[-'.][^\W_]+)*)")


def company_lists(named: list[Named], raw: str, *, left_out: list[Named] | None = None) -> list[list[Named]]:
    """The goal's companies in lists, in the goal's order; one `left_out` keeps its list together ("NVIDIA, Intel and
    AMD excluding Intel") and is no part of it."""
    lists: list[list[Named]] = []
    for n in sorted(named + (left_out or []), key=lambda n: n.start):
        if lists and (LIST_JOINT.match(raw[lists[-1][-1].end : n.start]) or _spaced_tickers(lists[-1][-1], n, raw)):
            lists[-1].append(n)
        else:
            lists.append([n])
    kept = [[n for n in group if n in named] for group in lists]
    return [group for group in kept if group]


def _spaced_tickers(before: Named, n: Named, raw: str) -> bool:
    """Is `n` a ticker typed by a space after a company written as one ("NVDA TSM supply chain", "NVIDIA amd
    margins", "watch nvda asml")? One list, as with a comma; a name ("NVIDIA Apple demand") or a ticker in lower case
    that is an English word ("NVDA low margins": graph/goal/english_words.txt) is no part of it."""
    gap = raw[before.end : n.start]
    if not gap or not gap.isspace() or "\n" in gap or n.phrase.upper() != n.ref.ticker:
        return False
    first = re.sub(r"^\$", "", before.phrase)
    return (first.isupper() or first.upper() == before.ref.ticker) and n.phrase not in english_words()


def after_watch_verb(start: int, raw: str) -> bool:
    return bool(_WATCH_VERB.search(raw, 0, start))


def beside_company(start: int, end: int, found: Found, raw: str) -> bool:
    """Is raw[start:end] listed beside a company ("NVIDIA, Acme and ASML")?"""
    return beside_any(start, end, found.spans, raw)


def beside_any(start: int, end: int, spans: list[tuple[int, int]], raw: str) -> bool:
    """Is raw[start:end] listed beside one of `spans`?"""
    for c_start, c_end in spans:
        if (c_end <= start and LIST_JOINT.match(raw[c_end:start])) or (
                end <= c_start and LIST_JOINT.match(raw[end:c_start])):
            return True
    return False


def qualified_words(group: list[Named], raw: str, starts: set[int]) -> str | None:
    """The words the list's last company qualifies ("share losses" in "Intel share losses"), "" when it stands alone
    ("for AMD.", "AMD for ...", "AMD weekly"), None when a source follows: the company's own ("Apple filings")."""
    qualified: list[str] = []
    pos = group[-1].end
    if raw.startswith("+", pos):  # "Disney+ subscriber growth": the company's service, and what it is watched for
        pos += 1
    if suffix := EXCHANGE_SUFFIX.match(raw, pos):  # "TSM US for inventory": its exchange, no word it qualifies
        pos = suffix.end()
    while (m := _NEXT_WORD.match(raw, pos)) and m.start(1) not in starts:  # "AMD Intel and NVIDIA": two companies
        word = m.group(1).lower()
        if _SOURCE_WORD.fullmatch(word) and not qualified:
            return None
        if word in _ALONE_BEFORE or _SOURCE_WORD.fullmatch(word):
            break
        qualified.append(m.group(1))
        pos = m.end()
    return " ".join(qualified)


def stands_to_be_watched(group: list[Named], qualified: str | None, raw: str) -> bool:
    """Does the list stand where a company to watch does, not as context of what is watched for?"""
    if qualified is None or any(n.phrase.startswith("$") for n in group) or after_watch_verb(group[0].start, raw):
        return True
    if _COMPARED.search(raw, 0, group[0].start):
        return True
    return not qualified and not _CONTEXT_BEFORE.search(raw, 0, group[0].start)


def place_ordinary_words(text: Text, found: Found, notes: Notes) -> list[Named]:
    """A company whose name is an ordinary word ("Target", "Shell", "Visa", "Gold") is one only where a company
    stands (see stands_to_be_watched), and as a sentence's first word only before its own source ("Shell filings:
    ..."), unless written as one ("$TGT", "TGT", "Target's") or listed with another company; elsewhere ("Price
    Target changes", "H-1B Visa issues", "Shell companies are ...") it is not watched, said in the decisions. Where
    it stands after a watch verb but qualifies words that name no topic ("Watch Target customers"), the reading is
    said under Not understood. Returns those not watched, each with what to say of it."""
    raw, starts = text.raw, {n.start for n in found.named}
    aside: list[Named] = []
    for group in company_lists(found.named, raw, left_out=found.left_out):
        n, qualified = group[0], qualified_words(group, raw, starts)
        word = ordinary_word(n)
        if len(group) > 1 or word is None or _written_as_a_company(n):
            continue
        where = _where(group, qualified, raw)
        if qualified is None or (not _starts_sentence(raw, n.start) and stands_to_be_watched(group, qualified, raw)):
            if qualified and not any(pattern.search(qualified) for pattern, _ in keyword_table()):
                notes.unclear(f"{where!r}: {n.phrase!r} read as {n.ref.name} ({n.ref.ticker}), where a company "
                              f"stands, though {word!r} is also an ordinary word; if you meant the word, write it in "
                              "lower case")
            continue
        _set_aside(text, found, n)
        aside.append(replace(n, said=(
            f"company {n.phrase!r} not watched: in {where!r} it is the word {word!r} or context, not a company to "
            f"watch ({n.ref.ticker}, {n.ref.name}); an ordinary word names a company only where one stands (after "
            f"'watch', 'track', 'monitor'..., in a list of companies, before its filings, with 's, or as "
            f"${n.ref.ticker})"
        )))
    return aside


def ordinary_word(n: Named) -> str | None:
    """The ordinary word a company's name is ("target" for "Target", "the Target"), or None."""
    word = re.sub(r"^the\s+|'s$", "", n.phrase, flags=re.IGNORECASE).lower()
    return word if is_ordinary(word) else None


def is_ordinary(word: str) -> bool:
    """Is `word` an ordinary English word ("target", "shell", "gold"), whatever company has it for a name?"""
    return word.lower() in ORDINARY_ALIASES or word.lower() in common_words() or word.lower() in PLACES


def _written_as_a_company(n: Named) -> bool:
    """ "$TGT", "TGT", "BP", "Target's": no ordinary word."""
    return n.phrase.startswith("$") or n.phrase.endswith("'s") or n.phrase == n.ref.ticker


def _starts_sentence(raw: str, start: int) -> bool:
    return bool(re.search(r"(?:^|[.!?\n:])[\s\"'(\[]*$", raw[:start]))


def _where(group: list[Named], qualified: str | None, raw: str) -> str:
    """The words that place the list: "Apple demand", "about Apple", "Shell"."""
    before = _CONTEXT_BEFORE.search(raw, 0, group[0].start)
    start = before.start() if before and not qualified else group[0].start
    return raw[start : group[-1].end] + (f" {qualified}" if qualified else "")


def _set_aside(text: Text, found: Found, n: Named) -> None:
    """Not watched: its words go back to the parsers that come after (topics), and are not reported as unread."""
    found.named.remove(n)
    if (n.start, n.end) in found.spans:  # a group's companies ("Mag 7") share one
        found.spans.remove((n.start, n.end))
        found.as_words.append((n.start, n.end))
    text.release(n.start, n.end)


def place_context(text: Text, found: Found) -> list[Named]:
    """Leave out of the watch the companies named only as context ("for Apple demand"), where another company stands
    where a company to watch does; their words go back to the other parsers (topics). Returns them, each with what
    to say of it."""
    raw, starts = text.raw, {n.start for n in found.named}
    lists = company_lists(found.named, raw, left_out=found.left_out)
    qualified = [qualified_words(group, raw, starts) for group in lists]
    standing = [stands_to_be_watched(group, q, raw) for group, q in zip(lists, qualified, strict=True)]
    for i in range(1, len(lists)):  # "track TSMC's capex and NVIDIA's datacenter revenue": one watched as the other
        standing[i] = standing[i] or (standing[i - 1] and parallel_possessive(lists[i - 1][0], lists[i][0], raw))
    watched_for = _watched_for(lists, qualified, standing, raw)
    if not any(standing):
        return []  # every company qualifies a word ("Flag Target and Walmart margins"): they are the goal's companies
    watched = [n for group, stands in zip(lists, standing, strict=True) if stands for n in group]
    symbols, first = {n.ref.ticker for n in watched}, re.sub(r"'s$", "", watched[0].phrase)
    context: list[Named] = []
    grouped: dict[int, list[str]] = {}  # a group's companies by where its name stands
    for n in (n for group in lists for n in group if n.group):
        grouped.setdefault(n.start, []).append(n.ref.ticker)
    for group, stands, q in zip(lists, standing, qualified, strict=True):
        if stands:
            continue
        where = watched_for.get(group[0].start) or _where(group, q, raw)
        if q:  # "Llama and Robotaxi demand": the words the last one qualifies are the others' too
            at = raw.index(q, group[-1].end)
            found.sharing.update((n.end, (at, at + len(q))) for n in group[:-1])
        for n in group:
            if n.group:  # "for Mag 7 demand": one line for the seven, none of them watched as one of the group
                _set_aside(text, found, n)
                if n.ref.ticker not in symbols:
                    context.append(replace(n, said=_group_as_context(n, where, grouped[n.start], symbols, first)))
                continue
            if n.ref.ticker in symbols:
                continue  # "Watch Apple for Apple demand": watched anyway
            _set_aside(text, found, n)
            name = re.sub(r"'s$", "", n.phrase)
            product = products().get(name_key(name))  # "for robotaxi competition": Tesla's, or anyone's
            context.append(replace(n, said=(
                f"company {n.phrase!r} read as context in {where!r}, "
                f"not as a company to watch: {n.ref.ticker} ({n.ref.name}) is not watched; to watch it too, list it "
                f"with the companies ('{first} and {name}')" if product is None else
                _product_as_context(n, f"in {where!r}", product, first)
            )))
    return context


def products_beside_others(text: Text, found: Found) -> list[Named]:
    """A product named with other companies but not its maker ("watch uber, lyft for robotaxi") is what they are
    watched for, not its maker to watch: set aside, its words left to the topics. Alone ("Watch Llama") it stays."""
    makers = [n for n in found.named if name_key(re.sub(r"'s$", "", n.phrase)) not in products()]
    watched = {n.ref.ticker for n in makers}
    context: list[Named] = []
    for n in list(found.named):
        product = products().get(name_key(re.sub(r"'s$", "", n.phrase)))
        if product is None or not makers or n.ref.ticker in watched:
            continue
        _set_aside(text, found, n)
        first = re.sub(r"'s$", "", makers[0].phrase)
        context.append(replace(n, said=_product_as_context(n, "beside the companies named", product, first)))
    return context


def _product_as_context(n: Named, where: str, product: str, first: str) -> str:
    return (f"company {n.phrase!r} read as context {where}: if it means {product}, a product, {n.ref.ticker} "
            f"({n.ref.name}) is not watched; to watch it too, list it with the companies ('{first} and "
            f"{n.ref.ticker}')")


def _group_as_context(n: Named, where: str, members: list[str], watched: set[str], first: str) -> str:
    others = ", ".join(t for t in members if t not in watched)
    both = [t for t in members if t in watched]
    also = f" ({', '.join(both)} watched as named on its own)" if both else ""
    return (f"company {n.phrase!r} read as context in {where!r}, not as companies to watch: {others} are not "
            f"watched{also}; to watch them too, list them with the companies ('{first} and {n.phrase}')")


def parallel_possessive(before: Named, n: Named, raw: str) -> bool:
    """Is `n` ("NVIDIA's") a company's own, as `before` is ("TSMC's"), after "and" or a comma: its words what is
    watched, as those of `before` are ("TSMC's capex and NVIDIA's datacenter revenue")?"""
    own = re.compile(r".+['’]s$")
    return bool(own.match(before.phrase) and own.match(n.phrase) and _NEW_ITEM.search(raw, 0, n.start))


_NEW_ITEM = re.compile(r"(?:,|&|\band\b)\s*$", re.IGNORECASE)


def _watched_for(
    lists: list[list[Named]], qualified: list[str | None], standing: list[bool], raw: str
) -> dict[int, str]:
    """Lists standing alone right after "for" and a list to watch ("Watch NVIDIA for Apple", "Track TSMC filings for
    Apple and AMD"), or after what that list is watched for, in the same sentence ("Watch NVIDIA for AMD for Apple",
    "for inventory for Apple"): what it is watched for, so context. Marked so in `standing`; returns where each is
    read ("for Apple"), by its start."""
    where: dict[int, str] = {}
    for i in range(1, len(lists)):
        group, watched = lists[i], [lists[j] for j in range(i) if standing[j]]
        gap = _WATCHED_FOR.fullmatch(raw, watched[-1][-1].end, group[0].start) if watched else None
        alone = standing[i] and qualified[i] == "" and not any(n.phrase.startswith("$") for n in group) and \
            not after_watch_verb(group[0].start, raw)
        if gap and alone:
            standing[i] = False
            where[group[0].start] = raw[gap.start(1) : group[-1].end]
        elif alone and watched and _joined_to_context(lists[i - 1], qualified[i - 1], standing[i - 1], group, raw):
            # "Watch NVDA for Apple demand and Tesla": Tesla's demand too, as in "for Apple and Tesla demand"
            standing[i] = False
            where[group[0].start] = raw[lists[i - 1][0].start : group[-1].end]
    return where


def _joined_to_context(before: list[Named], qualified: str | None, stands: bool, group: list[Named], raw: str) -> bool:
    """Is `group` joined ("and", "or", a comma) right after the words a context list qualifies ("Apple demand and
    Tesla"), so that it shares them?"""
    if stands or not qualified:
        return False
    joint = rf"\s+{re.escape(qualified)}\s*(?:,\s*)?(?:and|or|&|,)\s+"
    return bool(re.fullmatch(joint, raw[before[-1].end : group[0].start], re.IGNORECASE))
