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

Otherwise the flag keeps its reading. Risk factors are read by risk_reading.py; transcripts are untouched. Like
the risk reading it holds after an LLM judge too (document.relabelled, agent.SpanIndex.read_by_filings). The
rules were written from the labelled MD&A sentences of tests/labels/filings/ (whose inventory polarity the refiner
is not trained on), where inventory polarity goes 0.65 -> 0.96, in sample. On 164 sentences of notes, MD&A and
Business labelled afterwards and held out (tests/labels/filings_notes/, `python -m tests.labels.sureness notes`):
0.60 -> 0.77 (21 -> 27 of 35 inventory mentions), precision and recall unchanged.
"""

from __future__ import annotations

import re

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity
from watchdesk.agents.flagging.risk_reading import in_risk_factors, read_as_risk, with_polarity

# A filing item as the section label's first word: "7", "1A", "15", "I-2", "II-1A", a 20-F's "5.A", an 8-K's "2.02"
# (its press release exhibits speak of stock as a 6-K's do, and 6-K parts are numbered "1", "2", ...).
FILING_ITEM = re.compile(r"(?:(?:I|II)-)?\d{1,2}[A-K]?|\d{1,2}\.[A-Z]|\d\.\d\d")

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


# Stock's charges and a liquidity statement, not a statement about supply: "Provisions for inventory and excess
# inventory purchase obligations totaled $3.7 billion", "a provision release of $540 million", "sufficient liquidity to
# meet our operating requirements ..., including our supply obligations". The purchase obligations are the stock's
# (the reading choices: charges for excess inventory and purchase obligations are inventory, not also supply chain);
# a sentence that also names suppliers, capacity, components, a shortage or the like is still read.
STOCK_CHARGE = re.compile(
    r"inventory provisions?|provisions? for (?:excess )?inventor|excess (?:or obsolete )?inventor(?:y|ies)|"
    r"write-?downs?|written[- ]down|previously reserved|sufficient liquidity",
    re.IGNORECASE,
)
OTHER_SUPPLY = re.compile(
    r"supplier|shortage|capacity|constrain|lead[- ]times?|manufactur|supply chain|components?|foundr|wafer|"
    r"logistic|freight|tariff|sourcing|allocation",
    re.IGNORECASE,
)


def not_supply(flag: Flag) -> bool:
    """Whether a filing's supply-chain flag is on a sentence about stock's charges or liquidity only."""
    return _only(flag, "supply_chain", STOCK_CHARGE, OTHER_SUPPLY)


def _only(flag: Flag, topic: str, about: re.Pattern[str], unless: re.Pattern[str]) -> bool:
    """Whether `flag` is of `topic` and on a sentence that `about` finds and `unless` does not."""
    return flag.topic == topic and about.search(flag.sentence) is not None and unless.search(flag.sentence) is None


# A country's own rules for AI, privacy and data, competition or taxes, not its trade with others: "Complying with
# multiple regulations from different jurisdictions related to AI could increase our cost of doing business",
# "regulation adopted in response to the Executive Order on AI could require us to notify the USG of certain safety
# test results", "certain privacy laws, such as the GDPR and the CCPA, require our customers to impose specific
# contractual restrictions". The reading choices make state AI laws, antitrust, competition inquiries and tax
# regulations `{}` (tests/labels/filings/README.md); NVIDIA's 10-Ks and 10-Q had them as geopolitical warnings through
# the words they share with export rules ("comply with regulations", "administration", "USG", flagging v0.36). A
# sentence that also names a trade measure, exports, sanctions, a war or China is still read.
DOMESTIC_RULES = re.compile(
    r"\b(?:regulations?|laws?|legislation|rules?|executive order) (?:[\w-]+ ){0,6}?(?:of|on|related to|relating to|"
    r"regarding|governing|for) (?:the (?:use|development|deployment) of )?(?:general purpose )?(?:AI|artificial "
    r"intelligence)\b|\bAI[- ]related (?:regulation|laws?|legislation)|\b(?:antitrust|competition law|"
    r"privacy|data protection|GDPR|CCPA|tax|taxes|taxation)\b",
    re.IGNORECASE,
)
TRADE_OR_WAR = re.compile(
    r"export|\bimport(?!an)|tariff|sanction|embargo|\btrade\b|retaliat|geopolit|national security|\bwars?\b|conflict|"
    r"\bChin(?:a|ese)\b|Taiwan|Russia|Ukrain|Israel|diffusion|entity list|licen[cs]|foreign (?:government|countr)",
    re.IGNORECASE,
)


# A country's own rules on data and games, which name the country whose rules they are, China too: "Data broadly
# defined as important under China's law, including personal data, may not be transferable outside of China without
# prior assessment and approval by the Cyberspace Administration of China", "restrictions imposed by the Chinese
# government on the duration of gaming activities and access to games", Apple's "if health data or financial data is
# handled in a manner not permitted by law" and the EU AI Act. The filing labels make every such sentence `{}`
# (tests/labels/filings_risk/, filings/: China's data localisation law, cross-border data transfer laws, the gaming
# rules; flagging v0.37); only a trade measure, a war or a licence makes them geopolitics, not the country's name.
OWN_RULES = re.compile(
    r"\b(?:personal (?:data|information)|(?:health|financial|biometric) data|data (?:transfers?|localization|"
    r"localisation|processing|residency)|transfer(?:s|red|ring|able)? (?:of )?(?:\w+ ){0,2}?data\b|data collected in|"
    r"data\b[^.;]{0,80}?\btransfer(?:red|able)\b|"
    r"gaming activities|access to (?:online )?games|AI Act)",
    re.IGNORECASE,
)
TRADE_MEASURE = re.compile(
    r"\bexport(?!s? (?:of )?(?:personal )?data)|\bimport(?!an|s? (?:of )?(?:personal )?data)|tariff|sanction|embargo|"
    r"\btrade\b|retaliat|geopolit|national security|\bwars?\b|conflict|diffusion|entity list|licen[cs]",
    re.IGNORECASE,
)


# Compliance with the law in general: Plymouth Rock's "Failure to comply with regulations may result in additional
# costs for corrective measures, penalties or in restrictions of our operations" was a geopolitical warning only because
# "comply with regulations" counts in a document with four or more geopolitical hits (topics.toml's document patterns:
# "we will comply with any regulation that comes along" answering a question on tariffs in a call), and every filing
# has them, most far from the sentence (NVIDIA's 10-K over a hundred). The filing labels make it `{}`
# (tests/labels/filings_other/); compliance with export controls, sanctions, a licence or China's law is still read
# (flagging v0.38).
COMPLIANCE = re.compile(r"\b(?:non-?)?complian(?:ce|t)\b|\bcompl(?:y|ies|ied|ying)\b", re.IGNORECASE)
# Compliance with trade rules named only by their office or act is still read: "comply with OFAC regulations", ITAR,
# the Bureau of Industry and Security, CFIUS
TRADE_OFFICE = re.compile(
    rf"{TRADE_OR_WAR.pattern}|\bOFAC\b|Foreign Assets Control|\bITAR\b|Traffic in Arms|Bureau of Industry|"
    r"\bCommerce Department\b|Department of Commerce|\bCFIUS\b|Foreign Investment",
    re.IGNORECASE,
)


def domestic_rules(flag: Flag) -> bool:
    """Whether a filing's geopolitical flag is on a country's own rules for AI, privacy, competition or taxes only, on
    its rules for data or games (OWN_RULES), which may name the country, or on compliance with the law in general."""
    return (
        _only(flag, "geopolitical", DOMESTIC_RULES, TRADE_OR_WAR)
        or _only(flag, "geopolitical", OWN_RULES, TRADE_MEASURE)
        or _only(flag, "geopolitical", COMPLIANCE, TRADE_OFFICE)
    )


# A cost line's definition: "Cost of revenue consists primarily of the cost of semiconductors, ... inventory and
# warranty provisions, memory and component costs, tariffs, and shipping costs.", "Cost of energy generation and
# storage revenue includes direct and indirect material and labor costs, warehouse rent, freight, ...". The reading
# choices make such a definition `{}` (an accounting definition, not a statement); NVIDIA's MD&A repeats it in every
# 10-K and 10-Q, where its "tariffs" was a neutral geopolitical flag, and Tesla's "freight" a supply-chain one (flagging
# v0.21; two training rows of tests/labels/filings/ and one of the TUNE part of tests/labels/filings_other/). Stock
# named there ("charges to write down the carrying value of our inventory") is left to the accounts' reading.
DEFINES_A_COST = re.compile(
    r"^\W*(?:total )?costs? of (?:[\w,&-]+ ){0,6}?(?:revenues?|sales|goods sold|products|services)\b[^.;]{0,40}?\b"
    r"(?:consists?|includes?|comprises?|(?:is|are) comprised)\b",
    re.IGNORECASE,
)


# A definition states no change, amount, effect or supposed harm: "Cost of revenue increased 12% and includes $300
# million of tariffs", "Cost of sales includes tariffs and freight, which could increase ..." are statements.
STATES_MORE = re.compile(
    r"\d|\$|%|\b(?:increas\w*|decreas\w*|rose|rises?|rising|risen|fell|falls?|falling|fallen|reduc\w*|rais\w*|higher|"
    r"lower|charges?|effects?|impacts?|shortages?|disrupt\w*|could|may|might|would|which|benefit\w*|offset|due to)\b",
    re.IGNORECASE,
)


# A plan to mend the supply chain, no result claimed: Philips's 6-K "Philips is changing its supply chain to a dedicated
# end-to-end set-up by business to better manage and improve supply chain reliability and agility." (+0.92, sure) and
# "We will also urgently enhance the supply chain reliability to improve performance ..." (+0.67), written while its
# supply problems weighed on sales. The rubric: mitigation work without a claimed result is neutral, a result or an
# easing positive (flagging v0.41). A result named ("improved reliability", "has strengthened") keeps the reading.
PLAN_TO_MEND = re.compile(
    r"\b(?:to (?:better )?(?:\w+ and )?|will (?:also )?(?:\w+ly )?)(?:improve|enhance|strengthen|restore)\b[^.;]{0,40}?"
    r"\b(?:reliability|resilience|agility|robustness|predictability)\b",
    re.IGNORECASE,
)
MENDED = re.compile(
    r"\b(?:improved|enhanced|strengthened|restored|eased|recovered|normali[sz]ed|resolved|better than)\b", re.IGNORECASE
)


def plans_to_mend(flag: Flag) -> bool:
    """Whether a supply-chain flag read as good news states only a plan to mend the chain (PLAN_TO_MEND), no result."""
    return (
        flag.topic == "supply_chain"
        and flag.polarity == "positive"
        and PLAN_TO_MEND.search(flag.sentence) is not None
        and MENDED.search(flag.sentence) is None
    )


def defines_a_cost(flag: Flag) -> bool:
    """Whether a filing's supply-chain or geopolitical flag is on the bare definition of a cost line (no statement)."""
    definition = DEFINES_A_COST.search(flag.sentence) if flag.topic in ("supply_chain", "geopolitical") else None
    return definition is not None and STATES_MORE.search(flag.sentence, definition.end()) is None


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
    """`flag` read by the filings' choices: None for a supply-chain flag on stock's charges (not_supply()) or a
    geopolitical one on a country's own rules for AI, privacy, competition or taxes (domestic_rules()) and, outside
    risk factors, for a supply-chain or geopolitical flag on a cost line's bare definition (defines_a_cost()), unless
    not `drop` (an LLM judge's verdicts: it read the sentence); in risk factors as a risk (risk_reading.py); in the
    filing's other items, a heading and a plan to mend the supply chain (plans_to_mend()) as neutral and an inventory
    mention by accounts_verdict(); anything else as it is."""
    if not in_filing(section):  # a call's flag, or one outside every item (risk factors are a filing item too)
        return flag
    if drop and (not_supply(flag) or domestic_rules(flag)):
        return None
    if in_risk_factors(section):
        return read_as_risk(flag, section)
    if drop and defines_a_cost(flag):
        return None
    if is_heading(flag.sentence):
        return flag if flag.polarity == "neutral" else with_polarity(flag, "neutral")
    if plans_to_mend(flag):
        return with_polarity(flag, "neutral")
    if flag.topic != "inventory":
        return flag
    verdict = accounts_verdict(flag.sentence)
    return flag if verdict is None or verdict == flag.polarity else with_polarity(flag, verdict)
