"""How a filing's accounts speak of stock: the polarity of an inventory mention in a filing's other sections (MD&A,
the financial statements' notes, Business), by the filings' reading choices (tests/labels/filings/README.md).

The refiner learnt inventory polarity from calls, where stock is mostly a level or a trend. A filing's notes and
MD&A speak of it in accounting terms the calls rarely use, and the refiner read them by their words: "Inventories
are stated at the lower of cost or net realizable value." as good news (+0.99), a provision release of $540 million
as a warning, "we recorded an inventory provision of $1.6 billion" as neutral. The reading choices settle these,
in this order (the first that applies):

1. an unfavourable net effect on margin: a warning; a favourable one, good news;
2. a release of reserved stock, a sale of stock previously reserved, or lower provisions: good news;
3. a harm the filing says may come ("could result in our holding excess inventory", "write-downs may be
   required", "may lead to increased inventory levels"): a warning, as in risk factors;
4. a provision, write-down or charge for stock recorded as an amount ("totaled $3.7 billion", "a $4.5 billion
   charge associated with H20 excess inventory"; a charge for something else is not one): a warning;
5. an accounting policy, in the general present with no amount or period ("We record inventory write-downs for
   excess or obsolete inventories based upon ...", "Inventory cost is computed on ..."): neutral;
6. stock filled and drained in turn, said in general terms with no amount or period (channels "filled with new
   inventory following a product launch, and channel inventory of an older product often declines"): neutral.
A harm or effect denied ("We do not expect ...", "did not have a material unfavorable impact") decides nothing.

Otherwise the flag keeps its reading. Risk factors are read by risk_reading.py; transcripts are untouched. What only
looks like a statement in a filing (stock's charges, a country's own rules, a cost or segment line's definition) is
dropped, and a plan to mend the supply chain read as neutral, by filing_lookalikes.py. Like
the risk reading it holds after an LLM judge too (document.relabelled, agent.SpanIndex.read_by_filings). The
rules were written from the labelled MD&A sentences of tests/labels/filings/ (whose inventory polarity the refiner
is not trained on), where inventory polarity goes 0.65 -> 0.96, in sample. On 164 sentences of notes, MD&A and
Business labelled afterwards and held out (tests/labels/filings_notes/, `python -m tests.labels.sureness notes`):
0.60 -> 0.77 (21 -> 27 of 35 inventory mentions), precision and recall unchanged.
"""

from __future__ import annotations

import re

from watchdesk.agents.flagging.filing_lookalikes import (
    allocates_an_amount,
    defines_a_cost,
    domestic_rules,
    not_supply,
    plans_to_mend,
)
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.risk_reading import (
    RISK_WORDS,
    in_risk_factors,
    read_as_risk,
    states_structure,
    with_polarity,
)

# A filing item as the section label's first word: "7", "1A", "15", "I-2", "II-1A", a 20-F's "5.A", an 8-K's "2.02"
# (its press release exhibits speak of stock as a 6-K's do, and 6-K parts are numbered "1", "2", ...), and since
# flagging v0.48 an 8-K's or 6-K's press release stored on its own, "EX-99.1" (agents/filing_spans.EXHIBIT).
FILING_ITEM = re.compile(r"(?:(?:I|II)-)?\d{1,2}[A-K]?|\d{1,2}\.[A-Z]|\d\.\d\d|EX-99(?:\.\d{1,2})?")

_HARM = (
    r"(?:excess|obsolete|(?<!release of )provisions?|write-?downs?|written[- ]down|impairments?|"
    r"increased inventory levels)"
)
MAY_HARM = re.compile(
    rf"\b(?:may|could|might)\b(?! not)[^.;]{{0,120}}?\b(?:result in|lead to|increase|incur|cause)\b"
    rf"[^.;]{{0,80}}?{_HARM}"
    rf"|{_HARM}[^.;]{{0,60}}?\b(?:may|could|might) (?:also )?be required"
    rf"|\bmay (?:also )?(?:incur|record|recognize)\b[^.;]{{0,40}}?{_HARM}",
    re.IGNORECASE,
)
# A harm or an effect denied: "We do not expect that ... could result in material excess inventory", "did not have a
# material unfavorable impact".
DENIED = re.compile(
    r"\b(?:do|does|did) not (?:expect|anticipate|believe|have)\b|\bnot (?:had|have) an?\b|\bno (?:material )?"
    r"(?:unfavou?rable|adverse)\b",
    re.IGNORECASE,
)
UNFAVOURABLE = re.compile(r"\bunfavou?rable (?:net )?(?:impact|effect)", re.IGNORECASE)
FAVOURABLE = re.compile(r"\bfavou?rable (?:net )?(?:impact|effect)", re.IGNORECASE)
RELEASED = re.compile(
    r"\b(?:provision )?releases? of (?:\$[\d.,]+ (?:million|billion) (?:of )?)?previously (?:reserved|written[- ]down)"
    r"|\bprovision releases?\b|\blower (?:net )?inventory provisions\b|\bsales? of (?:\w+ )?previously "
    r"(?:reserved|written[- ]down)",
    re.IGNORECASE,
)
_AMOUNT = r"\$\s?[\d.,]+ ?(?:million|billion|thousand)?"
_FOR_STOCK = (
    r"(?:inventory (?:provisions?|write-?downs?|write-?offs?|charges?)|provisions? for (?:excess )?inventor(?:y|ies)"
    r"|write-?downs?|charges? (?:for|related to|associated with) (?:\w+ ){0,2}?inventor(?:y|ies))"
)
RECORDED = re.compile(
    rf"\b{_FOR_STOCK}\b[^.;]{{0,80}}?\b(?:totaled|totalled|of|were|was) {_AMOUNT}"
    rf"|{_AMOUNT} (?:inventory )?(?:charges?|provisions?|write-?downs?)\b[^.;]{{0,40}}?"
    r"(?:inventor|purchase obligation)",
    re.IGNORECASE,
)
PERIOD = re.compile(r"\$|\d%|\bfiscal (?:years?|quarters?)\b|\b(?:19|20)\d\d\b|\bquarter\b", re.IGNORECASE)
POLICY = re.compile(
    r"\b(?:we (?:record|charge|review|write[- ]?down|write off|determine)|(?:is|are) (?:stated|computed|"
    r"established|recorded|valued|determined)|relates? to|consists? (?:primarily )?of|"
    r"(?:is|are) based (?:up)?on|requires us to)\b",
    re.IGNORECASE,
)

# Stock filled and drained in turn, a pattern of the business and no event: Apple's "The timing of product
# introductions can also impact the Company's net sales to its indirect distribution channels as these channels are
# filled with new inventory following a product launch, and channel inventory of an older product often declines as
# the launch of a newer product approaches." (MD&A of both 10-Qs, the 10-K's Business; a sure warning at v0.40,
# labelled neutral in tests/labels/filings/). The rubric makes a balanced sentence neutral (flagging v0.41). Both ways
# and in general terms: "Channel inventory declined as we filled the pipeline for the launch in fiscal 2025" names a
# period and keeps its reading.
FILLED = re.compile(r"\b(?:fill(?:s|ed|ing)?|refill\w*|replenish\w*|restock\w*)\b", re.IGNORECASE)
DRAINED = re.compile(r"\b(?:declin\w*|drain\w*|deplet\w*|runs? down|draw(?:s|n)? down)\b", re.IGNORECASE)
IN_GENERAL = re.compile(
    r"\b(?:often|typically|generally|usually|historically|tends? to|can (?:also )?(?:impact|affect))\b", re.IGNORECASE
)


# An arrangement with suppliers or the accounts' policy for purchase commitments, in general terms, and a table's
# lead-in: NVIDIA's notes "We enter into agreements with contract manufacturers that allow them to procure inventory
# based upon our defined criteria, and in certain instances, these agreements are cancellable, ..." (a sure warning),
# "Our commitments include obligations to purchase components ..., long-term supply and capacity agreements, ..."
# (+0.83) and "We record a liability for noncancelable purchase commitments with suppliers for quantities in excess of
# our future demand forecasts ..." (+0.92, sure); Apple's "Future payments under unconditional purchase obligations
# ... are as follows (in millions):" (-0.70). The reading choices make purchase obligations as amounts and the supply
# chain's structure neutral (flagging v0.46). A period or amount, a change, or a risk named keeps the reading:
# "Our purchase commitments ... at the end of fiscal year 2024 were impacted by shortening lead times" is good news.
ARRANGEMENT = re.compile(
    r"\bwe (?:enter|have entered) into (?:\w+ ){0,3}?(?:agreements|arrangements|contracts)\b"
    r"|\b(?:commitments|obligations) (?:primarily )?(?:include|reflect|consist|represent)\b|\bwe account for\b"
    rf"|{POLICY.pattern}",
    re.IGNORECASE,
)
CHANGED = re.compile(
    r"\b(?:increas\w*|decreas\w*|rose|fell|reduc\w*|higher|lower|improv\w*|impacted|shortages?|constrain\w*|"
    r"disrupt\w*)\b",
    re.IGNORECASE,
)
TABLE_LEAD = re.compile(r"\b(?:as follows|the following)\b[^.;:]{0,40}:\s*$", re.IGNORECASE)


def states_arrangement(sentence: str) -> bool:
    """Whether a supply-chain sentence of a filing's accounts only states an arrangement or policy (ARRANGEMENT, no
    period, amount, change or risk) or leads in a table's figures (TABLE_LEAD)."""
    if TABLE_LEAD.search(sentence):
        return True
    return (
        ARRANGEMENT.search(sentence) is not None
        and PERIOD.search(sentence) is None
        and RISK_WORDS.search(sentence) is None
        and CHANGED.search(sentence) is None
    )

# A heading that names a topic ("Supply Chain", "Global Trade", "Israel and Hamas Conflict"): a short line with no
# sentence's end. The reading choices make it a neutral mention (the text under it says what happened); the refiner read
# Tesla's "Supply Chain" as a warning (flagging v0.21, from the TUNE part of tests/labels/filings_other/). Title case:
# each word capitalised but the small ones ("Sources and Availability of Raw Materials"); a bullet such as "Supply
# constraints eased" or "Tariffs reduced gross margin" is a statement.
HEADING = re.compile(r"[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|and|of|the|for|in|on|to|&|or))*")


def is_heading(sentence: str) -> bool:
    """Whether a filing's sentence is a heading: at most seven title-case words, no digit, no ending punctuation."""
    text = sentence.strip()
    return len(text.split()) <= 7 and not any(c.isdigit() for c in text) and HEADING.fullmatch(text) is not None


def in_filing(section: str | None) -> bool:
    """Whether a section label names a filing's item ("7 Management's Discussion ...", "15 Exhibits ...",
    "I-1 Financial Statements", "2.02 Results of Operations"); transcripts' "prepared" and "qa", and no section,
    do not."""
    return section is not None and FILING_ITEM.fullmatch(section.split(" ", 1)[0]) is not None


# A 10-K's Item 1C (a 20-F's 16.K) says how cybersecurity risk is managed: its suppliers are named as what the company
# oversees ("A dedicated Supplier Trust team manages information security risks the Company is exposed to through its
# supplier relationships.", Apple's 10-K, -0.95; NVIDIA's "We routinely assess our high-risk suppliers' conformance to
# industry standards ...", -0.67/-0.63). The rubric: mitigation work described, no result claimed, is neutral
# (flagging v0.48).
CYBERSECURITY = re.compile(r"(?:1C|16\.K)\b|.*\bcybersecurity\b", re.IGNORECASE)


def in_cybersecurity(section: str | None) -> bool:
    """Whether a section label is a filing's cybersecurity item ("1C Cybersecurity", "16.K Cybersecurity")."""
    return section is not None and CYBERSECURITY.match(section) is not None


def accounts_verdict(sentence: str) -> Polarity | None:
    """The reading choices' polarity for an inventory mention in a filing's accounts, or None to keep the flag's."""
    denied = DENIED.search(sentence) is not None
    if UNFAVOURABLE.search(sentence) and not denied:
        return "negative"
    if FAVOURABLE.search(sentence) or RELEASED.search(sentence):
        return "positive"
    if MAY_HARM.search(sentence) and not denied:
        return "negative"
    if RECORDED.search(sentence):
        return "negative"
    if POLICY.search(sentence) and not PERIOD.search(sentence):
        return "neutral"
    if FILLED.search(sentence) and DRAINED.search(sentence) and IN_GENERAL.search(sentence):
        return None if PERIOD.search(sentence) else "neutral"
    return None


def read_in_filing(flag: Flag, section: str | None, *, drop: bool = True) -> Flag | None:
    """`flag` read by the filings' choices: None for a supply-chain flag on stock's charges (not_supply()) or on an
    amount the accounts allocate (allocates_an_amount()), a geopolitical one on a country's own rules for AI, privacy,
    competition or taxes (domestic_rules()) and, outside risk factors, for a flag on a cost or segment line's bare
    definition (defines_a_cost()), unless not `drop` (an LLM judge's verdicts: it read the sentence); in risk factors
    as a risk (risk_reading.py); in the filing's other items, a heading, a plan to mend the supply chain
    (plans_to_mend()), a supply-chain arrangement or policy (states_arrangement()), a supply-chain flag of the
    cybersecurity item (in_cybersecurity()) and a supply-chain warning on the chain's structure
    (risk_reading.states_structure()) as neutral and an inventory mention by accounts_verdict(); anything else as it
    is."""
    if not in_filing(section):  # a call's flag, or one outside every item (risk factors are a filing item too)
        return flag
    if drop and (not_supply(flag) or domestic_rules(flag) or allocates_an_amount(flag)):
        return None
    if in_risk_factors(section):
        return read_as_risk(flag, section)
    if drop and defines_a_cost(flag):
        return None
    if is_heading(flag.sentence):
        return flag if flag.polarity == "neutral" else with_polarity(flag, "neutral")
    if plans_to_mend(flag) or (flag.topic == "supply_chain" and states_arrangement(flag.sentence)):
        return flag if flag.polarity == "neutral" else with_polarity(flag, "neutral")
    if flag.topic == "supply_chain" and (
        in_cybersecurity(section) or (flag.polarity == "negative" and states_structure(flag.sentence))
    ):
        return flag if flag.polarity == "neutral" else with_polarity(flag, "neutral")
    if flag.topic != "inventory":
        return flag
    verdict = accounts_verdict(flag.sentence)
    return flag if verdict is None or verdict == flag.polarity else with_polarity(flag, verdict)
