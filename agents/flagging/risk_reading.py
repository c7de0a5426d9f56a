"""Risk factors name risks: an inventory or supply-chain mention in a filing's risk-factor section that the
flagger reads as neutral is a warning.

The filings' reading choice (tests/labels/filings/README.md: "A risk factor that names a topic as a risk is
negative, also when it is hypothetical"). The refiner learnt inventory polarity from calls only, where inventory
mentions are mostly good news or plain metrics, so it reads "may lead to increased inventory levels" as neutral.
Geopolitics is left as read: its risk factors also describe rules, which the same reading choices make neutral
("The licensing requirements also apply to ..."). On the labelled risk-factor sentences of tests/labels/filings/ the
rule for geopolitics too turned 7 of 78 right verdicts wrong, so it stops at the two topics.

Since v0.18 a mention read as good news is a warning too when the sentence supposes a harm (HYPOTHETICAL: "If we
underestimate our customers' future demand ..., our foundry partners may not have adequate lead-time or capacity",
read +0.92). On tests/labels/filings_risk_prior/ it turns supply-chain polarity 0.85 -> 0.92 (three sentences, the
three that prompted it, all negative by the blind labels); it changes nothing on the sets below.

Measured on the held-out risk-factor sentences of tests/labels/filings_risk/ (`python -m tests.labels.sureness
risk`): inventory polarity 0.55 -> 0.82 (12 -> 18 of 22 found), supply chain 0.79 -> 0.87 (111 -> 123 of 141).
Flags in other sections, and in transcripts, are untouched. It also holds after an LLM judge, for its verdicts and the
candidates it adds.

SURE_AFTER_FLIP: a flag whose polarity a reading rule changes is marked unsure (until v0.22 it kept the refiner's
`sure` mark). The refiner was sure of the verdict it chose, not of the rule's. On the held-out filing sets
(filings_risk, filings_risk_prior, filings_notes, filings_other) the flipped flags that had been marked sure were
right 14 of 20 times (0.70) against 0.90 for the sure flags no rule changed; marked unsure they go where the
briefing asks the reader to check. An unsure flag that is flipped stays unsure: a Flag does not carry the presence
probability that refine.is_sure would need to count the rubric-settled polarity as sure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import Polarity

# The risk-factor item of each form (sources.filing_parse.RISK_ITEM's values, kept here so a call's flags do not
# import the filing parser): a flag's section label is the item, then its title ("II-1A Risk Factors").
RISK_ITEMS = frozenset({"1A", "II-1A", "3.D"})
RISK_TOPICS = frozenset({"inventory", "supply_chain"})


def in_risk_factors(section: str | None) -> bool:
    """Whether a section label ("1A Risk Factors", "II-1A Risk Factors", "3.D Risk Factors") is a filing's risk
    factors; transcript sections ("prepared", "qa") and other items are not."""
    return section is not None and section.split(" ", 1)[0] in RISK_ITEMS


# A harm the risk factor supposes ("If we underestimate our customers' future demand ..., our foundry partners may
# not have adequate lead-time or capacity", "Even if we are able to increase supply ..., we may not be able to do so
# in a timely manner"): the refiner read such sentences by their supply words as good news (+0.92, sure).
HYPOTHETICAL = re.compile(
    r"\b(?:if|unless)\b|\b(?:may|might|could) not\b|\bunable to\b|\bnot be able\b|\bfail(?:s|ed|ure)? to\b|"
    r"\binadequate\b|\binsufficient\b|"
    # flagging v0.41: "... factors beyond our control ... could also affect our suppliers' ability to deliver components
    # to us on a timely basis" (Plymouth Rock's 20-F, read +0.39)
    r"\b(?:may|might|could) (?:also )?(?:adversely |negatively |materially )?"
    r"(?:affect|impact|disrupt|interrupt|delay)\b|"
    r"(?<!not )(?<!no longer )\bsubject to (?:\S+ ){0,5}?(?:risks|uncertaint(?:y|ies))\b",
    re.IGNORECASE,
)


# The supply chain's structure stated as a fact, where the work is done and by whom ("A significant majority of the
# Company's manufacturing is performed in whole or in part by outsourcing partners located primarily in China mainland,
# India, ..."): neutral by the filings' reading choices (tests/labels/filings/README.md: "supply-chain structure
# (outsourcing partners, vendors) neutral"), as the same sentence reads in a call, though it stands in a risk factor.
# Not when the sentence names a harm or a risk of it (RISK_WORDS): that is a risk factor naming the chain as a risk.
# Since v0.46 a structure statement the refiner reads as a warning is neutral too, not only one it reads as neutral:
# Apple's 10-K "... the Company's global supply chain is large and complex and a majority of the Company's supplier
# facilities, including manufacturing and assembly sites, are located outside the U.S." (-0.49, unsure) is the same
# statement as the 10-Q's. One read as good news keeps it (the rubric: U.S. manufacturing, local sourcing presented as
# an advantage, is good news).
STRUCTURE = re.compile(
    r"\b(?:manufacturing|assembly|production|suppliers?|(?:outsourcing |manufacturing )?partners|facilities|"
    r"contract manufacturers?)\b[^.;]{0,120}?\blocated (?:primarily |principally |mainly |largely |predominantly )?"
    r"(?:in|outside|throughout)\b|\bis performed (?:in whole or in part )?by (?:\w+ ){0,3}?(?:outsourcing partners|"
    r"contract manufacturers|third parties)"
    # flagging v0.48: who makes what, and nothing more, "We utilize foundries, such as Taiwan Semiconductor
    # Manufacturing Company Limited, or TSMC, and Samsung Electronics Co., Ltd., or Samsung, to produce our
    # semiconductor wafers." (NVIDIA's 10-Ks, Business: a sure warning, -0.76). The sentence ends with what they make:
    # "We use third parties to manufacture and assemble our products, and we have long manufacturing lead times." (a
    # risk factor's title) goes on to name a problem; "rely on" names a dependence (RISK_WORDS) and stays read.
    r"|\bwe (?:utilize|use|engage|contract with|work with|partner with) (?:\w+ ){0,3}?(?:foundries|"
    r"contract manufacturers|subcontractors|outsourcing partners|third[- ]part(?:y|ies)|suppliers|vendors)\b"
    r"[^;]{0,160}?\bto (?:produce|manufacture|fabricate|assemble|test|package)\b[^,;]*$",
    re.IGNORECASE,
)
RISK_WORDS = re.compile(
    r"\b(?:risks?|disrupt\w*|interrupt\w*|shortages?|delays?|adverse\w*|harm\w*|depend\w*|reli(?:ance|es|ant)|"
    r"rely|vulnerab\w*|constrain\w*|los[st]|failures?|exposed?|subject to|could|may|might|would)\b",
    re.IGNORECASE,
)


def states_structure(sentence: str) -> bool:
    """Whether a supply-chain sentence states only the chain's structure, naming no harm or risk (STRUCTURE)."""
    return STRUCTURE.search(sentence) is not None and RISK_WORDS.search(sentence) is None


def with_polarity(flag: Flag, polarity: Polarity) -> Flag:
    """`flag` with the polarity a reading rule settles, its score that polarity's sign at the flag's strength (at
    least 0.5: the rule is sure of the direction). A changed verdict is not the one the refiner was sure of, so a
    `sure` flag becomes unsure (SURE_AFTER_FLIP)."""
    sign = {"positive": 1.0, "negative": -1.0}.get(polarity, 0.0)
    sure = flag.sure if polarity == flag.polarity or flag.sure is None else False
    return replace(flag, polarity=polarity, score=sign * max(0.5, abs(flag.score)), sure=sure)


def read_as_risk(flag: Flag, section: str | None) -> Flag:
    """`flag`, a warning when it is an inventory or supply-chain mention in a risk-factor section read as neutral,
    or as good news in a sentence that supposes a harm (HYPOTHETICAL); neutral when it only states the supply chain's
    structure (states_structure) and is not read as good news."""
    if flag.topic not in RISK_TOPICS or not in_risk_factors(section):
        return flag
    if flag.polarity != "positive" and flag.topic == "supply_chain" and states_structure(flag.sentence):
        return flag if flag.polarity == "neutral" else with_polarity(flag, "neutral")
    if flag.polarity == "neutral" or (flag.polarity == "positive" and HYPOTHETICAL.search(flag.sentence)):
        return with_polarity(flag, "negative")
    return flag
