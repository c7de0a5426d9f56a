"""What in a filing only looks like a supply-chain or geopolitical statement, and a plan that claims no result: stock's
charges and liquidity read as supply, a country's own rules and compliance with the law read as geopolitics, a cost
line's bare definition, and a plan to mend the supply chain read as good news. filing_reading.read_in_filing drops the
first three in a filing's items and reads the last as neutral outside risk factors (the filings' reading choices,
tests/labels/filings/README.md)."""

from __future__ import annotations

import re

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.sentences import list_lead

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


# An amount the accounts allocate, not supply on allocation: Apple's 10-K "Revenue allocated to product-related bundled
# services is deferred and recognized on a straight-line basis over the estimated period they are expected to be
# provided." was a sure supply-chain warning (-0.99) through topics.toml's "allocated ... products" (scarce supply
# rationed to customers); revenue, a price or a cost allocated to a performance obligation or a product is accounting
# (flagging v0.48). A sentence that also names suppliers, capacity, components or the like is still read.
ALLOCATED_AMOUNT = re.compile(
    r"\b(?:revenues?|(?:transaction |sales |selling |purchase )?prices?|consideration|costs?|expenses?|goodwill|"
    r"amounts?|fair values?)\b(?: [\w-]+){0,3}? allocated (?:to|among|between)\b",
    re.IGNORECASE,
)


def allocates_an_amount(flag: Flag) -> bool:
    """Whether a filing's supply-chain flag is on an amount the accounts allocate only (ALLOCATED_AMOUNT)."""
    return _only(flag, "supply_chain", ALLOCATED_AMOUNT, OTHER_SUPPLY)


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
# named there ("charges to write down the carrying value of our inventory") was left to the accounts' reading until
# v0.46, which read Tesla's four such definitions as warnings (labelled `{}`): now no inventory flag either.
DEFINES_A_COST = re.compile(
    r"^\W*(?:\d{1,2}\)\s*)?(?:(?:total )?costs? of (?:[\w,&-]+ ){0,6}?(?:revenues?|sales|goods sold|products|services)"
    r"\b[^.;]{0,40}?"
    # flagging v0.46: a segment line's, "(1)Other segment items for the Compute & Networking and Graphics reportable
    # segments primarily include product costs and inventory provisions, compensation and benefits ..." (NVIDIA's 10-Q
    # and FY2025 10-K notes, an inventory warning)
    r"|(?:other )?segment (?:items|expenses|costs)\b[^.;]{0,100}?)\b"
    r"(?:consists?|includes?|comprises?|(?:is|are) comprised)\b",
    re.IGNORECASE,
)


# A definition states no change, amount, effect or supposed harm: "Cost of revenue increased 12% and includes $300
# million of tariffs", "Cost of sales includes tariffs and freight, which could increase ..." are statements.
_STATES_MORE = (
    r"\d|\$|%|\b(?:increas\w*|decreas\w*|rose|rises?|rising|risen|fell|falls?|falling|fallen|reduc\w*|rais\w*|higher|"
    r"lower|effects?|impacts?|shortages?|disrupt\w*|could|may|might|would|which|(?<!compensation and )benefit\w*|"
    r"offset|due to{})\b"
)
STATES_MORE = re.compile(_STATES_MORE.format("|charges?"), re.IGNORECASE)
# Stock's charges are what a cost line's definition names for stock (Tesla's "Cost of automotive sales revenues also
# includes ... charges to write down the carrying value of our inventory when it exceeds its estimated net realizable
# value ...", `{}` in tests/labels/filings/): a figure, a change or a supposed harm still makes it a statement.
STATES_MORE_OF_STOCK = re.compile(_STATES_MORE.format(""), re.IGNORECASE)


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
    """Whether a filing's flag is on the bare definition of a cost or segment line (no statement); since v0.46 an
    inventory flag too (the reading choices: cost-line definitions listing "inventory provisions" are `{}`)."""
    if flag.topic not in ("supply_chain", "geopolitical", "inventory"):
        return False
    definition = DEFINES_A_COST.search(flag.sentence)
    more = STATES_MORE_OF_STOCK if flag.topic == "inventory" else STATES_MORE
    return definition is not None and more.search(flag.sentence, definition.end()) is None


# What a forward-looking statement is about, as a list: "These forward-looking statements include, but are not limited
# to, statements about:" over "our expectations regarding our relationships with distributors, customers, component
# suppliers, ...; and" (Plymouth Rock's 20-F). Each item is a subject of statements, as "statements regarding ...
# tariffs ... are forward-looking statements" is (flagging v0.40; `{}` in tests/labels/filings/), not a statement. A
# list of the factors that could make results differ ("Known and unknown risks, uncertainties and other factors
# include:") names risks, and is read.
STATEMENTS_LEAD = re.compile(
    r"forward-looking statements? (?:[\w,]+ ){0,8}?statements (?:about|regarding|concerning|relating to|"
    r"with respect to)\s*:$|forward-looking statements (?:include|relate to|concern)\b[^:]{0,60}:$",
    re.IGNORECASE,
)


def outside_statements_lists(flags: list[Flag], text: str) -> list[Flag]:
    """A filing's `flags` but those on an item of a list of what its forward-looking statements are about."""
    return [f for f in flags if (lead := list_lead(text, f.start)) is None or not STATEMENTS_LEAD.search(lead)]
