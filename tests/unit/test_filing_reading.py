"""filing_reading.py: an inventory mention in a filing's notes, MD&A or Business is read by its accounts, as the
filings' reading choices say (tests/labels/filings/README.md). Sentences from NVIDIA's and Tesla's filings in
fixtures/edgar/filings/ (public domain), each with its label in tests/labels/filings/."""

from __future__ import annotations

from dataclasses import replace

import pytest

from watchdesk.agents.flagging.filing_reading import accounts_verdict, in_filing, read_in_filing
from watchdesk.agents.flagging.flag import Flag

LABELLED = [
    # harms that may come
    ("Cancellation or deferral of customer purchase orders could result in our holding excess inventory.", "negative"),
    ("Our expanding product portfolio and varying component compatibility and quality may lead to increased "
     "inventory levels.", "negative"),
    ("Should our estimates of future selling prices or production costs change, additional and potentially material "
     "write-downs may be required.", "negative"),
    # the net effect on margin
    ("The net effect on our gross margin from inventory provisions and sales of items previously written down was an "
     "unfavorable impact of 2.3% in fiscal year 2025 and 2.7% in fiscal year 2024.", "negative"),
    # releases and lower provisions
    ("Sales of previously reserved inventory and settlements of excess inventory purchase obligations resulted in a "
     "provision release of $689 million and $540 million for fiscal years 2025 and 2024, respectively.", "positive"),
    ("We benefited from a $180 million release of previously reserved H20 inventory related to the sale of "
     "approximately $650 million of H20 to an unrestricted customer outside of China.", "positive"),
    ("Gross margin increased in fiscal year 2024, primarily driven by Data Center revenue growth and lower net "
     "inventory provisions as a percentage of revenue.", "positive"),
    # provisions and charges recorded
    ("Provisions for inventory and excess inventory purchase obligations totaled $3.7 billion and $2.2 billion for "
     "fiscal years 2025 and 2024, respectively.", "negative"),
    ("Gross margin for the first half of fiscal year 2026 was also impacted by a $4.5 billion charge associated with "
     "H20 excess inventory and purchase obligations.", "negative"),
    # accounting policy
    ("Inventories are stated at the lower of cost or net realizable value.", "neutral"),
    ("We record inventory write-downs for excess or obsolete inventories based upon assumptions about current and "
     "future demand forecasts.", "neutral"),
    ("We charge cost of sales for inventory provisions to write-down our inventory to the lower of cost or net "
     "realizable value or for obsolete or excess inventory, and for excess product purchase commitments.", "neutral"),
    ("Once inventory is written-down, a new, lower cost basis for that inventory is established and subsequent "
     "changes in facts and circumstances do not result in the restoration or increase in that newly established cost "
     "basis.", "neutral"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "label"), LABELLED, ids=[s[:40] for s, _ in LABELLED])
def test_the_accounts_reading_gives_the_labels_verdict(sentence: str, label: str) -> None:
    assert accounts_verdict(sentence) == label


def test_a_sentence_the_choices_do_not_settle_keeps_its_reading() -> None:
    sentence = "We build finished products and maintain inventory in advance of anticipated demand."
    assert accounts_verdict(sentence) is None
    flag = Flag("inventory", "neutral", 0.0, sentence, 0, len(sentence))
    assert read_in_filing(flag, "7 Management's Discussion and Analysis") is flag


@pytest.mark.parametrize(
    ("section", "filing"),
    [("7 Management's Discussion", True), ("15 Exhibits", True), ("I-2 Management's", True), ("II-1A Risk", True),
     ("5.A Operating Results", True), ("16F Change in Accountant", True), ("2.02 Results of Operations", True),
     ("1 Philips presents its results", True), ("prepared", False), ("qa", False), (None, False), ("Q&A", False)],
)  # fmt: skip
def test_which_section_labels_are_a_filings_items(section: str | None, filing: bool) -> None:
    assert in_filing(section) is filing


def test_only_inventory_in_a_filings_other_items_is_read_by_the_accounts() -> None:
    sentence = LABELLED[4][0]  # a provision release: good news
    flag = Flag("inventory", "negative", -0.64, sentence, 0, len(sentence), sure=True)
    read = read_in_filing(flag, "7 Management's Discussion and Analysis")
    # the refiner was sure of its own verdict, not of the rule's: turned, the flag is unsure (SURE_AFTER_FLIP)
    assert (read.polarity, read.score, read.sure) == ("positive", 0.64, False)
    assert read_in_filing(flag, "qa") is flag and read_in_filing(flag, None) is flag  # a call's answer
    # a supply-chain flag on stock's charges is not one (not_supply), but a judge's verdict on it stays
    supply = replace(flag, topic="supply_chain")
    assert read_in_filing(supply, "7 Management's") is None
    assert read_in_filing(supply, "7 Management's", drop=False) == supply
    assert read_in_filing(supply, "qa") is supply  # calls: "excess inventory" beside supply and demand is read as is
    capacity = (
        "We have increased our supply and capacity purchases with existing suppliers, added new vendors and entered "
        "into prepaid manufacturing and capacity agreements."
    )
    kept = Flag("supply_chain", "positive", 1.0, capacity, 0, len(capacity))
    assert read_in_filing(kept, "7 Management's") is kept
    # in risk factors the risk reading applies instead (risk_reading.py): a neutral mention becomes a warning
    neutral = replace(flag, polarity="neutral", score=0.1)
    assert read_in_filing(neutral, "1A Risk Factors").polarity == "negative"


WRITTEN = [  # written to probe each rule's edges (a review's cases): what the choices do not settle keeps its reading
    ("Inventory decreased to $5.3 billion, and restructuring charges of $50 million were recorded.", None),
    ("Inventory days improved to 80, while other charges were $12 million.", None),
    ("We do not expect that changes in demand could result in material excess inventory.", None),
    ("The change did not have a material unfavorable impact on gross margin from inventory.", None),
    ("We hold excess inventory related to lower demand for our gaming products.", None),
    ("We estimate that channel inventory remains elevated.", None),
    ("Sales of previously reserved inventory could increase provision releases in future quarters.", "positive"),
    ("The sale of previously reserved inventory benefited gross margin by 1.2%.", "positive"),
]


@pytest.mark.parametrize(("sentence", "verdict"), WRITTEN, ids=[s[:40] for s, _ in WRITTEN])
def test_other_charges_denials_and_loose_policy_words_do_not_decide(sentence: str, verdict: str | None) -> None:
    assert accounts_verdict(sentence) == verdict


NOT_SUPPLY = [  # NVIDIA's 10-K FY2025 MD&A and 10-K FY2024 MD&A, labelled without supply chain in tests/labels/filings/
    "Provisions for inventory and excess inventory purchase obligations totaled $3.7 billion and $2.2 billion for "
    "fiscal years 2025 and 2024, respectively.",
    "We believe that we have sufficient liquidity to meet our operating requirements for at least the next twelve "
    "months, and for the foreseeable future, including our future supply obligations and $1.3 billion of debt "
    "repayment due in fiscal year 2025 and share purchases.",
]


@pytest.mark.parametrize("sentence", NOT_SUPPLY, ids=["provisions", "liquidity"])
def test_stocks_charges_and_liquidity_are_not_supply_chain_statements(sentence: str) -> None:
    from watchdesk.agents.flagging.filing_lookalikes import not_supply

    flag = Flag("supply_chain", "negative", -0.6, sentence, 0, len(sentence))
    assert not_supply(flag) and read_in_filing(flag, "7 Management's Discussion and Analysis") is None
    assert not not_supply(replace(flag, topic="inventory"))


COST_LINES = [  # NVIDIA's 10-K FY2025 MD&A and Tesla's 10-K FY2023 MD&A: definitions, `{}` by the reading choices
    ("Cost of revenue consists primarily of the cost of semiconductors, including wafer fabrication, assembly, "
     "testing and packaging, board and device costs, manufacturing support costs, including labor and overhead "
     "associated with such purchases, final test yield fallout, inventory and warranty provisions, memory and "
     "component costs, tariffs, and shipping costs.", "geopolitical"),
    ("Cost of energy generation and storage revenue includes direct and indirect material and labor costs, warehouse "
     "rent, freight, warranty expense, other overhead costs and amortization of certain acquired intangible assets.",
     "supply_chain"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "topic"), COST_LINES, ids=["nvidia", "tesla"])
def test_a_cost_lines_definition_is_no_supply_or_geopolitical_flag(sentence: str, topic: str) -> None:
    flag = Flag(topic, "neutral", 0.0, sentence, 0, len(sentence))
    assert read_in_filing(flag, "7 Management's Discussion and Analysis") is None
    assert read_in_filing(flag, "7 Management's", drop=False) == flag  # a judge's verdict stays
    assert read_in_filing(flag, "qa") is flag  # a call is read as it is
    # since flagging v0.46 stock named in a bare definition is no inventory flag either (the reading choices: cost-line
    # definitions listing "inventory provisions" are `{}`)
    assert read_in_filing(replace(flag, topic="inventory"), "7 Management's") is None
    # a definition that also states a change, an amount, an effect or a supposed harm is a statement (a review's
    # probes), and so is one in risk factors, read as a risk there
    for said in (
        "Cost of revenue increased due to tariffs on imported components.",
        "Cost of revenue increased 12% in fiscal 2025 and includes $300 million of tariffs on imported components.",
        "Cost of sales includes a $200 million charge related to supply disruptions at our contract manufacturer.",
        "Costs of products sold include the effect of tariffs, which reduced gross margin by 150 basis points.",
        "Cost of goods sold comprises raw materials, freight and labor; component shortages raised it by 4%.",
    ):
        assert read_in_filing(Flag(topic, "negative", -0.9, said, 0, len(said)), "7 Management's") is not None, said
    risk = "Cost of sales includes tariffs and freight."
    assert read_in_filing(Flag(topic, "neutral", 0.0, risk, 0, len(risk)), "1A Risk Factors") is not None


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [("Supply Chain", True), ("Global Trade", True), ("Israel and Hamas Conflict", True),
     ("Sources and Availability of Raw Materials", True),
     ("Supply chain constraints eased.", False), ("Fiscal 2025 Supply", False), ("Supply constraints eased", False),
     ("Tariffs reduced gross margin", False), ("Component shortages worsened", False),
     ("shortages of key components, and", False),
     ("We rely on a limited number of suppliers for our wafers and components", False)],
)  # fmt: skip
def test_a_heading_naming_a_topic_is_a_neutral_mention_outside_risk_factors(sentence: str, heading: bool) -> None:
    """Tesla's 10-K Business item: "Supply Chain" read as a warning (tests/labels/filings_other/, TUNE part)."""
    from watchdesk.agents.flagging.filing_reading import is_heading

    assert is_heading(sentence) is heading
    flag = Flag("supply_chain", "negative", -0.7, sentence, 0, len(sentence), sure=True)
    read = read_in_filing(flag, "1 Business")
    assert read is not None and read.polarity == ("neutral" if heading else "negative")
    assert read_in_filing(flag, "qa") is flag
    # in risk factors the risk reading applies, not this: a topic named there is a warning
    assert read_in_filing(flag, "1A Risk Factors").polarity == "negative"
