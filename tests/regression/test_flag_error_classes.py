"""Issue 10's error classes, on real sentences, each with its verdict by the rubric (fixtures/labels/README.md).

Each sentence is flagged the way `watchdesk flag` reads its whole document (read from ../shared/fixtures at test
time; skipped when absent). The classes: good inventory news read as neutral; neutral supply and geopolitical
statements read as warnings; tight supply ("sold out", "demand well above supply") and questions built on it
(the rubric: negative, even when it helps pricing, section 6.1); China as a revenue geography and currency moves
read as geopolitics; "no bottleneck" and "not in shortage" read as warnings. Flagging v0.7 adds: tight markets and
demand over supply missed or misread, a CHIPS award read as geopolitics, look-alikes of supply chain and pull-ins,
the supply-demand balance read as good news, own stock drawn down read as neutral. Flagging v0.8 adds: a
counterfactual cost ("would have been higher without the challenges") and relief not expected read as good news,
praise of the supply chain read as neutral, cost pass-through and either-or questions read as warnings, our own
buffer stock read as a build-up, our shipments paused by new rules read as relief, customers still improving their
inventory read as good news, and a healthy supply-demand environment read as good news (a market state: neutral).
Flagging v0.9 adds: stock expected to improve or coming down to target read as neutral, a build-up looked for and
not found, a fading benefit of written-down stock read as good news, customers' extra stock and "tight supply" read
as lean stock, supply squeezes, suppliers' price increases and supply that cannot keep up missed, and plain
questions read as warnings. Flagging v0.10 adds whose stock and which way: customers' stock built or in excess and
customers still adjusting theirs read as neutral, stock come down read as neutral or a warning, our own stock managed
or invested in read as good news, a written-down benefit cleared read as good news, and stock run out (out-of-stocks,
less replenishment) read as good news. Flagging v0.34 adds: the government as a debtor or issuer ("a downgrade of
the USG credit rating", "USG securities") and its fiscal or crypto policy read as geopolitics (macro, not the rubric's
export controls, tariffs and trade policy). Flagging v0.35 adds: supply-chain questions asking how long, why or where
of a supply problem read as neutral, and costs passed on in pricing read as warnings (a "why" asked of a relief,
"why ... should abate?", is left to the weights). Flagging v0.36 adds: a filing's "political risk", antitrust, AI,
privacy and tax rules, insurance and compliance "policies", "beyond our control", penalties by regulators and state
dealer licences read as geopolitics. Flagging v0.37 adds: restrictions imposed on personal data or tax losses, China's
data-transfer and gaming rules and Apple's health-data laws read as geopolitics. Flagging v0.38 adds: licences to
another company's IP, "regulatory compliance" and compliance with the law in general, and a state's licensing agencies
read as geopolitics. Flagging v0.39 adds: an electricity tariff, a director's biography, the government as a customer,
licences for an acquisition or of no export sense, and where the suppliers are read as geopolitics. Flagging v0.40
adds: a takeover's review by foreign-investment rules and what a forward-looking statement is read as geopolitics,
"required licenses" for exports missed, currency hedging, a cost line and purchase commitments that name inventory
read as stock, and a court's "expedited basis" read as supply chain. Flagging v0.41 adds: stock filled and drained in
turn (channel fill) read as a warning, a plan to mend the supply chain read as good news, a risk factor's "could also
affect" our suppliers read as good news, and a customer's procurement, data supplied and funding's availability read
as supply chain.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import Flag, flag_text
from watchdesk.agents.flagging.polarity import judge
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.settled import rubric_verdict
from watchdesk.agents.flagging.topics import load_topics

T = "transcripts/plaintext_2023_2025/"
J = "transcripts/motley_fool_json/"
TSMC = "transcripts/tsmc/TSM_Q2_2026_earnings_call_2026-07-16.txt"
AAPL_10Q = "edgar/filings/AAPL_10-Q_Q2FY2025_aapl-20250329.htm"

# (document, a piece of the sentence, topic, the rubric's verdict: a polarity, or None for "not this topic")
CASES: list = [
    # good inventory news
    (T + "MU_2025_Q4.txt", "Our inventory levels are low below targets", "inventory", "positive"),
    (J + "CTS_q2_2021.json", "not seeing any signs of inventory buildup in the second half", "inventory", "positive"),
    (T + "MU_2024_Q4.txt", "we expect healthier inventories at PC OEMs", "inventory", "positive"),
    (T + "NVDA_2025_Q1.txt", "on lower inventory charges", "inventory", "positive"),
    # neutral supply and geopolitical statements: plain questions, topic openers, compliance without an outcome
    pytest.param(
        T + "MU_2024_Q4.txt", "Is the 25 number a supply constraint number?", "supply_chain", "neutral",
        marks=pytest.mark.xfail(
            strict=True,
            reason="still read as a warning: on our calls, questions naming a constraint without a presupposing "
            "word are labelled 27 neutral / 22 negative, so neither the weights nor a rule separate them",
        ),
    ),
    pytest.param(
        T + "MU_2024_Q4.txt", "Any color on where that inventory level is going up?", "inventory", "negative",
        marks=pytest.mark.xfail(
            strict=True,
            reason="a question built on a direction without a listed premise word is read as plain (neutral); "
            "adding 'going up', 'because', 'as you' to the premises left leave-companies-out polarity unchanged",
        ),
    ),
    (J + "KO_q4_2021.json", "talk a little bit about North America supply chain", "supply_chain", "neutral"),
    (T + "NVDA_2025_Q3.txt", "We will continue to comply with export controls", "geopolitical", "neutral"),
    (T + "NVDA_2024_Q4.txt", "within the specifications of the restriction", "geopolitical", "neutral"),
    # tight supply is a supply warning, and a question built on it takes its direction (rubric 5 and 6.1)
    (T + "NVDA_2026_Q2.txt", "the buzz is everything's sold out", "supply_chain", "negative"),
    (T + "NVDA_2025_Q2.txt", "Demand for Blackwell platforms is well above supply", "supply_chain", "negative"),
    (T + "NVDA_2025_Q3.txt", "Is it because of the supply constraints?", "supply_chain", "negative"),
    # China as a revenue geography, and the renminbi, are not geopolitics
    (AAPL_10Q, "Greater China net sales decreased during the first six months", "geopolitical", None),
    (AAPL_10Q, "The weakness in the renminbi relative to the U.S. dollar", "geopolitical", None),
    # a constraint denied is good news (rubric: "nothing to do with supply availability" is positive)
    (TSMC, "we do not foresee any bottlenecks to our capacity expansion plans", "supply_chain", "positive"),
    (TSMC, "it's not so much of, say, in a lot of shortage, not at all", "supply_chain", "positive"),
    # flagging v0.7 (refine-3). Tight markets, nodes and industries are a supply constraint (rubric 6.1)
    (T + "MU_2025_Q4.txt", "DRAM is tight already today and getting even tighter", "supply_chain", "negative"),
    (T + "MU_2024_Q3.txt", "the industry is in a tight place today", "supply_chain", "negative"),
    (T + "MU_2024_Q1.txt", "Our leading edge DRAM and NAND nodes are oversubscribed", "supply_chain", "negative"),
    (T + "NVDA_2024_Q4.txt", "demand is greater than supply", "supply_chain", "negative"),
    (T + "NVDA_2024_Q4.txt", "We expect the demand will continue to be stronger than our supply provides",
     "supply_chain", "negative"),
    # a CHIPS award for new US fabs is onshoring (supply chain, good news), not trade policy
    (T + "MU_2025_Q1.txt", "under the CHIPS and Science Act to support advanced DRAM", "supply_chain", "positive"),
    (T + "MU_2025_Q1.txt", "under the CHIPS and Science Act to support advanced DRAM", "geopolitical", None),
    # supply chain as a consulting line or one business function, labour cost inflation, supply discipline
    (J + "ACN_q1_2022.json", "the digital supply chain work is very, very early innings", "supply_chain", None),
    (J + "IT_q1_2021.json", "This includes HR, supply chain, finance, marketing", "supply_chain", None),
    (J + "ACN_q1_2022.json", "pass through labor cost inflation on to clients", "supply_chain", None),
    (T + "MU_2025_Q1.txt", "taking actions to align our NAND supply with industry demand", "supply_chain", None),
    (J + "VMW_q4_2021.json", "it pulls in the rest of our platform", "inventory", None),
    # the supply-demand balance as a market state is neutral; the shortage picked up in its own words is a mention
    (T + "MU_2024_Q4.txt", "The supply-demand setup is quite good", "supply_chain", "neutral"),
    (T + "MU_2024_Q4.txt", "our guide also contemplates a healthy supply-demand environment", "supply_chain",
     "neutral"),
    (J + "CTS_q2_2021.json", "But it's still pretty challenging out there", "supply_chain", "negative"),
    # our own stock drawn down, low against target or at historic lows, a correction done: good news;
    # customers that built inventory will buy less: a warning
    (T + "MU_2024_Q4.txt", "We intend to draw down our inventory", "inventory", "positive"),
    (J + "CTS_q2_2021.json", "On-hand days of supply are between 25 and 30 days, the lowest", "inventory", "positive"),
    (T + "MU_2024_Q3.txt", "it looks like the inventory correction is mostly done", "inventory", "positive"),
    (T + "MU_2025_Q1.txt", "It's more that they have built inventory", "inventory", "negative"),
    # flagging v0.8. A problem's cost counted against what would have been is a warning, not a problem denied
    (J + "GE_q3_2021.json", "Without the delivery challenges, Military revenue growth would have been", "supply_chain",
     "negative"),
    (J + "TGT_q3_2021.json", "we don't expect those supply chain challenges to go away", "supply_chain", "negative"),
    # the supply chain praised as an advantage is good news (rubric: "a strong, large ... supply chain")
    (T + "NVDA_2024_Q4.txt", "Our supply chain is just doing an incredible job for us", "supply_chain", "positive"),
    (J + "JBL_q3_2021.json", "I think we have the best supply chain team in the industry", "supply_chain",
     "positive"),
    # costs passed on to customers (pass-through, rubric 6.11) and a question weighing two answers are neutral
    (J + "CTS_q2_2021.json", "working with our customers to pass on some of those cost increases", "supply_chain",
     "neutral"),
    (T + "AMD_2024_Q1.txt", "a supply-constrained number, or is it a demand-constrained number?", "supply_chain",
     "neutral"),
    # whose inventory: our own stock carried on purpose against supply risk is a fact, not a build-up warning
    (J + "CTS_q2_2021.json", "we anticipate carrying some excess inventory where possible", "inventory", "neutral"),
    # whose inventory and which way: customers still working their stock into shape buy less (a warning)
    (T + "MU_2025_Q1.txt", "As our mobile customers focused on improving their inventory health", "inventory",
     "negative"),
    # our shipments halted by new rules: a warning ("pause" is relief only when the tariffs are paused)
    (T + "NVDA_2024_Q4.txt", "And so we had to pause when the new restrictions came out", "geopolitical", "negative"),
]

# flagging v0.9's inventory reading, checked on the flagger (above) and on the rules alone (below): the refiner's
# weights were trained on these calls, so the flagger's verdicts pass with or without the rules' change
RULES_V09: list = [
    # stock expected to get healthier, or our own coming down to its target, is good news
    (T + "MU_2025_Q1.txt", "customer inventories in the consumer-oriented markets will improve", "inventory",
     "positive"),
    (T + "MU_2024_Q4.txt", "we expect to be approaching our target inventory levels", "inventory", "positive"),
    (T + "MU_2025_Q1.txt", "DRAM inventories total to be below our target levels", "inventory", "positive"),
    # a build-up looked for and not found is good news (rubric: "no substantial inventory buildup")
    (J + "CTS_q2_2021.json", "cautious about inventory buildup but we haven't seen any", "inventory", "positive"),
    # a past benefit fading (rubric: neutral), not good news because the stock was written down
    (T + "MU_2024_Q1.txt", "lower benefits from the low-cost inventory clearing", "inventory", "neutral"),
    (T + "MU_2024_Q1.txt", "previously written down inventories to clear in fiscal Q2", "inventory", "neutral"),
    # whose inventory: customers carrying extra stock buy less (a warning); "tight supply" and "tight nodes" are
    # about supply, not lean stock
    (T + "MU_2024_Q3.txt", "they're carrying some extra inventory to guard against that", "inventory", "negative"),
    (T + "MU_2024_Q4.txt", "PC customers have built inventories due to the rising memory price", "inventory",
     "negative"),
    (T + "MU_2024_Q4.txt", "we're going to need these inventories to bridge us", "inventory", "neutral"),
    # supply warnings the cues missed: growth praised beside a headwind ("healthy growth" is not about supply),
    # squeezes and crunches, suppliers raising prices
    (J + "FN_q1_2022.json", "healthy overall growth despite persisting supply chain headwinds", "supply_chain",
     "negative"),
    (J + "CTS_q2_2021.json", "Getting semiconductors is the real crunch point", "supply_chain", "negative"),
    (J + "KO_q4_2021.json", "a long-term squeeze on the availability of trucking", "supply_chain", "negative"),
    (J + "TDY_q3_2021.json", "our suppliers more recently have come out with 20%, 25% price increases", "supply_chain",
     "negative"),
]
CASES += RULES_V09
# flagging v0.10 (issue 10, inventory polarity on unseen companies): whose stock and which way, read by the refiner's
# reading features (reading.py) and checked on the flagger
READING_V010: list = [
    # customers' or the channel's stock built, carried or in excess: they will buy less (a warning for a supplier)
    (T + "MU_2024_Q3.txt", "those customers have purchased and built some inventory", "inventory", "negative"),
    (T + "MU_2024_Q3.txt", "they're carrying some extra inventory to guard against that", "inventory", "negative"),
    (T + "MU_2025_Q1.txt", "there's excess inventory out there", "inventory", "negative"),
    # customers still adjusting their stock cut what they buy now
    (T + "MU_2025_Q1.txt", "Our FQ2 outlook is impacted by inventory adjustments", "inventory", "negative"),
    # stock that has come down, or is expected back to earlier levels, is good news after a glut
    (T + "MU_2024_Q1.txt", "result in a contraction of industry inventory levels", "inventory", "positive"),
    (T + "MU_2024_Q4.txt", "get to earlier levels", "inventory", "positive"),
    (T + "MU_2025_Q3.txt", "due to reduced customer inventories and strong demand", "inventory", "positive"),
    # our own stock managed or invested in, without a result: neutral (not the lean, lower stock it aims at)
    (J + "GE_q3_2021.json", "deploy lean to decrease inventory", "inventory", "neutral"),
    (J + "TGT_q3_2021.json", "investments in our inventory position", "inventory", "neutral"),
]
CASES += READING_V010
# ... and by the rules (polarity.toml): a written-down benefit cleared is neutral (rubric 5: a past benefit that has
# cleared), "hamper" a warning
RULES_V010: list = [
    (T + "MU_2024_Q2.txt", "which have cleared completely in fiscal Q2", "inventory", "neutral"),
    (T + "MU_2024_Q2.txt", "the inventory previously written down now behind us", "inventory", "neutral"),
    (J + "GE_q3_2021.json", "hamper both on the profitability but also on inventory", "inventory", "negative"),
]
CASES += RULES_V010
# a plain question, naming neither a problem nor a premise, is neutral (rubric 5.3), whatever the weights say
PLAIN = (J + "RTX_q4_2021.json", "give us some more color on the supply chain situation", "supply_chain", "neutral")
CASES.append(PLAIN)
# flagging v0.34: the government as a debtor and its fiscal or crypto policy are macro, not geopolitics (the rubric's
# geopolitics is export controls, licences, tariffs, trade policy, sanctions, wars); NVIDIA's USG, the government
# whose export controls it reports, still is in the same 10-K
NVDA_10K = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"
NVDA_10Q = "edgar/filings/NVDA_10-Q_Q2FY2026_filed-2025-08-27.html"
MACRO_V034: list = [
    (NVDA_10K, "a downgrade of the USG credit rating due to an actual or threatened default on government debt",
     "geopolitical", None),
    (NVDA_10K, "A majority of our investment portfolio comprises USG securities.", "geopolitical", None),
    (NVDA_10K, "government cryptocurrency policies and regulations", "geopolitical", None),
    (NVDA_10Q, "debt securities issued by the USG and its agencies", "geopolitical", None),
    (NVDA_10K, "the USG announced export restrictions and export licensing requirements targeting China",
     "geopolitical", "negative"),
    (NVDA_10K, "Economic and industry uncertainty or changes, including recession or slowing growth", "geopolitical",
     "negative"),
]  # fmt: skip
CASES += MACRO_V034

# flagging v0.36: a filing's look-alikes of geopolitics, as the demo's briefing quoted them. A country's general
# "political risk" or "political uncertainty", antitrust, AI, privacy and tax rules, insurance and compliance
# "policies", what is "beyond our control", penalties and "sanctions" by regulators, and a state's dealer licences are
# no geopolitics (tests/labels/filings/README.md: antitrust, state AI laws and tax regulations are `{}`); export
# controls, tariffs, trade disputes, sanctions of the U.S., the AI export rules, political instability and a war still
# are, in the same filings
AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
NVDA_10K_FY24 = "edgar/filings/NVDA_10-K_FY2024_filed-2024-02-21.html"
TSLA_10K = "edgar/filings/TSLA_10-K_FY2024_filed-2025-01-30.html"
LOOKALIKES_V036: list = [
    (AAPL_10K, "market and economic conditions, political risk, sovereign risk, interest rate fluctuations",
     "geopolitical", None),
    (AAPL_10K, "the value and liquidity of the Company", "geopolitical", None),
    (NVDA_10K, "changes or increases in antitrust legislation, regulation, administrative rule making", "geopolitical",
     None),
    (NVDA_10K, "Complying with multiple regulations from different jurisdictions related to AI", "geopolitical", None),
    (NVDA_10K_FY24, "Compliance with existing and proposed government regulation of AI", "geopolitical", None),
    (NVDA_10K_FY24, "regulation adopted in response to the Executive Order on AI could require us to notify the USG",
     "geopolitical", None),
    (NVDA_10K, "certain privacy laws, such as the GDPR and the CCPA", "geopolitical", None),
    (NVDA_10K, "if these policies, materials or statements are found to be deficient", "geopolitical", None),
    (NVDA_10K, "Some of our policies have large deductibles and broad exclusions", "geopolitical", None),
    (NVDA_10K, "the policies, controls, and procedures that we have designed", "geopolitical", None),
    (NVDA_10K, "and workforce participation rates", "geopolitical", None),
    (NVDA_10K, "we may be subject to sanctions or investigation by regulatory authorities", "geopolitical", None),
    (TSLA_10K, "limit our ability to obtain dealer licenses from state motor vehicle regulators", "geopolitical", None),
    (TSLA_10K, "would prevent us from obtaining dealer licenses", "geopolitical", None),
    (TSLA_10K, "we may not be able to sell our vehicles through our own stores", "geopolitical", None),
    (TSLA_10K, "liability, penalties and other restrictive sanctions and adverse consequences arising out of",
     "geopolitical", None),
    (TSLA_10K, "legal and regulatory requirements, political uncertainty and social", "geopolitical", None),
    (TSLA_10K, "we monitor tax legislation changes on a global basis", "geopolitical", None),
    (TSLA_10K, "impose substantial restrictions on the utilization of net operating loss", "geopolitical", None),
    # still geopolitics
    (AAPL_10K, "impacted by political events, trade and other international disputes, geopolitical tensions",
     "geopolitical", "negative"),
    (NVDA_10K, "Political instability, changes in government or adverse political developments", "geopolitical",
     "negative"),
    (NVDA_10K, "Government actions, including trade protection and national and economic security policies",
     "geopolitical", "negative"),
    (NVDA_10K, "If we were ever found to have violated export control laws or sanctions of the U.S.", "geopolitical",
     "negative"),
    (NVDA_10K, "Concerns regarding third-party use of AI for purposes contrary to local governmental interests",
     "geopolitical", "negative"),
    (TSLA_10K, "the current conflict between Russia and Ukraine, which may include further embargoes", "geopolitical",
     "negative"),
]  # fmt: skip
CASES += LOOKALIKES_V036

# flagging v0.37: a jurisdiction's own rules on personal data and games, and restrictions imposed on what is not
# traded, are no geopolitics; the filing labels make each `{}` (tests/labels/filings_risk/, filings/)
LOOKALIKES_V037: list = [
    (AAPL_10K, "additional jurisdictions are considering imposing additional restrictions", "geopolitical", None),
    (AAPL_10K, "or if health data or financial data is handled in a manner not permitted by law", "geopolitical",
     None),
    (NVDA_10K, "Data broadly defined as important under China", "geopolitical", None),
    (NVDA_10K, "including CAC assessments and any deemed failures of such assessments", "geopolitical", None),
    (NVDA_10K_FY24, "Data broadly defined as important under China", "geopolitical", None),
    (NVDA_10K, "restrictions imposed by the Chinese government on the duration of gaming activities",
     "geopolitical", None),
    # still geopolitics: restrictions imposed on what is traded, by the USG or the Chinese government
    (NVDA_10K, "the USG may impose restrictions on the import and sale of products", "geopolitical", "negative"),
    (NVDA_10K, "or impose restrictions on the sale to certain customers of our products", "geopolitical",
     "negative"),
    (NVDA_10K, "have imposed restrictions on the hardware, software, and systems used to develop frontier",
     "geopolitical", "negative"),
]  # fmt: skip
CASES += LOOKALIKES_V037

# flagging v0.38: licences to another company's IP, compliance with the law in general ("regulatory compliance",
# "comply with regulations" far from any trade measure) and a state's licensing agencies are no geopolitics; the filing
# labels make each `{}` (tests/labels/filings_risk/, filings_other/)
PLYMOUTH_20F = "edgar/filings/PlymouthRock_20-F_0001062993-21-003193.html"
LOOKALIKES_V038: list = [
    (AAPL_10K, "which requires licenses from those third parties", "geopolitical", None),
    (AAPL_10K, "generally been able to obtain such licenses on commercially reasonable terms", "geopolitical", None),
    (NVDA_10K, "unable to obtain such a license on acceptable terms or at all", "geopolitical", None),
    (NVDA_10K_FY24, "unable to obtain such a license on acceptable terms or at all", "geopolitical", None),
    (TSLA_10K, "we are required to meet standards relating to vehicle safety, fuel economy and emissions",
     "geopolitical", None),
    (PLYMOUTH_20F, "We will incur ongoing costs and obligations related to regulatory compliance.", "geopolitical",
     None),
    (PLYMOUTH_20F, "Failure to comply with regulations may result in additional costs", "geopolitical", None),
    (PLYMOUTH_20F, "Failure to comply with the requirements of the State licensing agencies", "geopolitical", None),
    # still geopolitics in the same filings and calls: sanctions, licences for exports, export controls complied
    # with, tariffs, war, and products made to the export rules
    (PLYMOUTH_20F, "changes in economic sanctions laws in the future could adversely impact our business",
     "geopolitical", "negative"),
    (NVDA_10K, "The USG evaluates license requests in a closed process", "geopolitical", "negative"),
    (NVDA_10Q, "While we seek to strictly comply with all applicable export control regulators", "geopolitical",
     "negative"),
    (NVDA_10K, "We will continue to comply with export controls while serving our customers", "geopolitical",
     "neutral"),
    (AAPL_10K, "such as tariffs and other controls on imports or exports of goods", "geopolitical", "negative"),
    (TSLA_10K, "the current conflict between Russia and Ukraine", "geopolitical", "negative"),
    (T + "NVDA_2024_Q3.txt", "you'll be introducing regulation-compliant products over the next couple of months",
     "geopolitical", "negative"),
    (T + "NVDA_2024_Q3.txt", "to possibly offer new regulation compliance solutions that do not require a license",
     "geopolitical", "neutral"),
    (T + "NVDA_2025_Q3.txt", "comply with any regulation that comes along fully", "geopolitical", "neutral"),
    # kept on purpose (flagging v0.38, QUALITY.md): China's inquiry into the Mellanox commitments stands in the export
    # controls risk factor as one of China's "responses" to them, before "regulators in China are investigating whether
    # complying with applicable U.S. export controls discriminates unfairly"; labelled negative in ../filings/ and
    # filings_risk_prior/, `{}` in filings_risk/
    (NVDA_10K, "Regulators in China have inquired about our sales and efforts to supply the China market",
     "geopolitical", "negative"),
    (NVDA_10Q, "we could be subject to financial penalties, restrictions on our ability to conduct our business",
     "geopolitical", "negative"),
]  # fmt: skip
CASES += LOOKALIKES_V038

# flagging v0.39: an electricity tariff, a director's background, the government as a customer, licences for an
# acquisition or of no export sense, and where the suppliers are are no geopolitics; each `{}` where labelled
# (tests/labels/filings_other/, filings_risk/, filings/), the rest read in place
TSLA_10K_FY23 = "edgar/filings/TSLA_10-K_FY2023_filed-2024-01-29.html"
GOOG_10Q = "edgar/filings/GOOG_10-Q_Q2-2023_0001652044-23-000070.html"
LOOKALIKES_V039: list = [
    (TSLA_10K, "discounts to the base tariff energy rates", "geopolitical", None),
    (TSLA_10K_FY23, "discounts to the base tariff energy rates", "geopolitical", None),
    (PLYMOUTH_20F, "regularly appears on national television as an expert on national security", "geopolitical",
     None),
    (PLYMOUTH_20F, "within the U.S. Government's Department of Defense and Department of Homeland Security",
     "geopolitical", None),
    (PLYMOUTH_20F, "radar components to well-known US government agencies and prime contractors", "geopolitical",
     None),
    (PLYMOUTH_20F, "obtain approvals and licenses from relevant government authorities for the acquisitions",
     "geopolitical", None),
    (PLYMOUTH_20F, "the time required to obtain required licenses", "geopolitical", None),
    (PLYMOUTH_20F, "without special license or regulatory approval", "geopolitical", None),
    (AAPL_10K, "outsourcing partners located primarily in China mainland, India, Japan", "geopolitical", None),
    (NVDA_10K, "The market in China for datacenter solutions remains competitive.", "geopolitical", None),
    # still geopolitics, and warnings where they harm: sanctions on Russia acting on the company (Alphabet terminated
    # the accounts of sanctioned parties and Russia's courts fined it: "We have ongoing legal matters relating to
    # Russia."), trade tariffs beside the electricity one, licences for exports, sanctions complied with, the trade
    # paragraph that names where Apple's suppliers are, and onshoring framed as national security
    (GOOG_10Q, "disputes regarding the termination of accounts, including those of sanctioned parties",
     "geopolitical", "negative"),
    (AAPL_10Q, "including additional tariffs on imports from China, India, Japan", "geopolitical", "negative"),
    (TSLA_10K, "Changes in government and economic policies, incentives or tariffs may also impact our production",
     "geopolitical", "negative"),
    (TSLA_10K, "eliminating the impact of unfavorable tariffs", "geopolitical", "positive"),
    (NVDA_10K_FY24, "we may seek a license for the customer", "geopolitical", "negative"),
    (NVDA_10K_FY24, "We have not received licenses to ship these restricted products to China", "geopolitical",
     "negative"),
    (PLYMOUTH_20F, "implementing policies and procedures designed to ensure compliance by us and our directors",
     "geopolitical", "neutral"),
    (T + "NVDA_2026_Q1.txt", "create jobs and strengthen national security", "geopolitical", "neutral"),
]  # fmt: skip
CASES += LOOKALIKES_V039

# flagging v0.40: the rules on who may take control of the company (a takeover's review, which the rubric leaves out
# as a merger approval; Plymouth Rock's Investment Canada Act, Item 10, unlabelled) are no geopolitics; and a filing's
# sentence ends at a new clause after "U.S.", so Apple's 10-Q sentence on where its suppliers are no longer runs on
# into its trade restrictions (v0.39 kept it as a warning for them)
AAPL_10Q_Q3 = "edgar/filings/AAPL_10-Q_Q3FY2025_filed-2025-08-01.html"
LOOKALIKES_V040: list = [
    (PLYMOUTH_20F, "review of investments in Canada by non-Canadians that could be injurious to national security",
     "geopolitical", None),
    (PLYMOUTH_20F, "from a country considered a \"Trade Agreement Investor\" under the Investment Act", "geopolitical",
     None),
    (PLYMOUTH_20F, "the WTO member is a party to one of a list of certain free trade agreements", "geopolitical", None),
    (AAPL_10Q, "outsourcing partners located primarily in China mainland, India, Japan", "geopolitical", None),
    # still geopolitics: the trade restrictions now a sentence of their own, sanctions laws in the same 20-F
    (AAPL_10Q, "Restrictions on international trade, such as tariffs and other controls on imports", "geopolitical",
     "negative"),
    (PLYMOUTH_20F, "changes in economic sanctions laws in the future could adversely impact our business",
     "geopolitical", "negative"),
    # read in three filings not read before (Apple's Q3 FY2025 10-Q, Alphabet's two 10-Qs): what a forward-looking
    # statement is (labelled `{}` in tests/labels/filings/), currency hedging of "inventory purchases", a cost line's
    # definition, purchase commitments that list inventory (`{}` or supply chain only in tests/labels/filings_notes/), a
    # court's "expedited basis" (unlabelled)
    (AAPL_10Q_Q3, "regarding the potential future impact of macroeconomic conditions and tariffs", "geopolitical",
     None),
    (AAPL_10Q_Q3, "foreign currency exposure associated with revenue and inventory purchases", "inventory", None),
    (AAPL_10K, "foreign currency exposure associated with revenue and inventory purchases", "inventory", None),
    (GOOG_10Q, "Inventory and other costs related to the hardware we sell.", "inventory", None),
    (GOOG_10Q, "commitments to purchase licenses, including content licenses, inventory and network capacity",
     "inventory", None),
    (AAPL_10Q_Q3, "agreed to consider the Company’s appeal on an expedited basis", "supply_chain", None),
    # still mentions, in the same filings: tariffs offsetting the margin, purchase obligations, stock written down
    (AAPL_10Q_Q3, "partially offset by tariffs.", "geopolitical", "negative"),
    (AAPL_10Q_Q3, "the Company had manufacturing purchase obligations of $44.1 billion", "supply_chain", "neutral"),
    (GOOG_10Q, "the expected timing of order fulfillment from our suppliers", "supply_chain", "neutral"),
]  # fmt: skip
CASES += LOOKALIKES_V040
PHILIPS_6K = "edgar/filings/PHILIPS_6-K_2023-01-30_phg-20230130.html"
# flagging v0.41: three filings not read before (Apple's Q2 FY2025 10-Q, Philips's 6-K, Plymouth Rock's 20-F for its
# supply-chain and inventory flags) and the channel-fill sentence v0.40 left, each class named, then decided by the
# rubric: stock filled and drained in turn, in general terms (labelled neutral in tests/labels/filings/); a plan to mend
# the supply chain, no result claimed (mitigation without an outcome: neutral); a risk factor's "could also affect our
# suppliers' ability to deliver" read as good news; a customer's procurement, information supplied and funding's
# availability read as supply chain (unlabelled)
LOOKALIKES_V041: list = [
    (AAPL_10Q, "as these channels are filled with new inventory following a product launch", "inventory", "neutral"),
    (AAPL_10Q_Q3, "as these channels are filled with new inventory following a product launch", "inventory",
     "neutral"),
    (AAPL_10K, "as these channels are filled with new inventory following a product launch", "inventory", "neutral"),
    (PHILIPS_6K, "to better manage and improve supply chain reliability and agility", "supply_chain", "neutral"),
    (PHILIPS_6K, "We will also urgently enhance the supply chain reliability", "supply_chain", "neutral"),
    (PLYMOUTH_20F, "could also affect our suppliers' ability to deliver components to us", "supply_chain", "negative"),
    (PLYMOUTH_20F, "to position X1 for procurement-focused evaluations", "supply_chain", None),
    (PLYMOUTH_20F, "for procurement focused evaluations following initial consultation with member", "supply_chain",
     None),
    (PLYMOUTH_20F, "have agreed to supply the recorded flight data and witness statements", "supply_chain", None),
    (PLYMOUTH_20F, "impacted the availability of external funding sources", "supply_chain", None),
    # still read as they were, in the same filings: mitigation without a result, a supply chain hit, a plain metric,
    # stock written off
    (PHILIPS_6K, "stepping up its strategic supplier management to materially de-risk supplies", "supply_chain",
     "neutral"),
    (PLYMOUTH_20F, "will and has impacted the Company's supply chains", "supply_chain", "negative"),
    (PLYMOUTH_20F, "inventories of $19,695", "inventory", "neutral"),
    (PLYMOUTH_20F, "the entire amount has been expensed during the year", "inventory", "negative"),
]  # fmt: skip
CASES += LOOKALIKES_V041


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Changes in U.S. fiscal or monetary policy could reduce demand for our products.", False),
    ("Washington's fiscal policy is adding to inflation.", False),
    ("Changes in U.S. tax policy could increase our effective tax rate.", False),
    ("A downgrade of the USG credit rating could result in higher interest rates.", False),
    ("US trade policy has become much more protectionist.", True),
    ("The U.S. government's policies on chip exports to China remain uncertain.", True),
    ("The USG announced new export controls on our products to China.", True),
    ("Changes in government and economic policies, incentives or tariffs may also impact our production.", True),
])  # fmt: skip
def test_macro_policy_is_no_geopolitics_and_trade_policy_still_is(sentence: str, flagged: bool) -> None:
    flags = flag_text(sentence, topics=load_topics(["geopolitical"]))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("text", "flagged"), [
    ("Our investments can be affected by political risk, sovereign risk and interest rate fluctuations.", False),
    ("We face political uncertainty in many of the jurisdictions where we sell.", False),
    ("Political instability in the region may disrupt our operations.", True),
    ("Rising political tensions between the U.S. and China could hurt demand.", True),
    ("Export controls cut our China sales. Labor is subject to factors beyond our control.", False),
    ("Export controls cut our China sales. Some of our policies have large deductibles.", False),
    ("Export controls cut our China sales. Our own compliance policies may be found deficient.", False),
    # the company's stance on China or trade is no house rule (the exclude above skips these words)
    ("Changes to our China policy could hurt our sales there.", True),
    ("The Company's trade policies may have to change.", True),
    ("Export controls cut our China sales. We may face costs as a result of new antitrust rules.", False),
    ("Export controls cut our China sales. As a result, we wrote down our H20 inventory.", True),
    ("We could be subject to fines, penalties and other sanctions if the SEC finds against us.", False),
    ("Some states limit our ability to obtain dealer licenses.", False),
    ("New trade sanctions on Russia closed the market to us.", True),
])  # fmt: skip
def test_a_filings_look_alikes_of_geopolitics_are_none_and_trade_and_war_still_are(text: str, flagged: bool) -> None:
    """flagging v0.36, written probes of the real sentences' kinds (the second of two sentences is the one asked
    about where there are two: a follow-up needs the mention before it)."""
    flags = flag_text(text, topics=load_topics(["geopolitical"]))
    last = split_sentences(text)[-1][0]
    assert any(f.start >= last for f in flags) is flagged, flags


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Complying with regulations related to AI in the European Union may increase our costs.", False),
    ("Changes in privacy laws and tax legislation could increase our costs of compliance.", False),
    ("New rules on the export of AI chips to China could reduce our revenue.", True),
    ("Tax and trade policies, such as tariffs, may raise our costs.", True),
])  # fmt: skip
def test_a_countrys_own_rules_for_ai_privacy_or_taxes_are_no_geopolitics_in_a_filing(
    sentence: str, flagged: bool
) -> None:
    """In a filing (its risk factors here) a geopolitical flag on a country's own rules for AI, privacy, competition or
    taxes that names no trade measure, export, sanction, war or China is dropped (filing_lookalikes.domestic_rules)."""
    flag = Flag("geopolitical", "negative", -0.9, sentence, 0, len(sentence), "1A Risk Factors", None, True)
    assert (read_in_filing(flag, flag.section) is not None) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # a jurisdiction's own rules, wherever they are read: no trade measure is imposed
    ("Several jurisdictions are considering imposing additional restrictions on personal information.", False),
    ("Federal and state laws can impose substantial restrictions on the utilization of net operating loss "
     "carry-forwards.", False),
    ("EU AI Act takes effect, imposing new restrictions on general-purpose AI models", False),
    ("EU regulators impose new restrictions on AI chatbots under the AI Act", False),
    ("Data may not leave China without approval by the Cyberspace Administration of China.", False),
    # ... and what a government imposes on trade, still a warning
    ("China imposes new restrictions on exports of rare earths", True),
    ("Washington imposed new restrictions on chip sales to China", True),
    ("The replacement rule may impose new restrictions on our products or operations.", True),
    ("US threatens tariffs in retaliation for the EU AI Act", True),
    ("The Cyberspace Administration of China banned our products from critical infrastructure.", True),
    ("This mix is impacted by the China CAC actions announced in May 2023.", True),
    ("So on the China impact, what should we expect next quarter?", True),
])  # fmt: skip
def test_restrictions_imposed_on_no_trade_are_no_geopolitics_in_any_text(text: str, flagged: bool) -> None:
    """flagging v0.37, written probes as a call or news item reads them (no filing section): "impose ...
    restrictions" counts only of restrictions on what is traded, and China's cyberspace regulator only as it acts."""
    flags = flag_text(text, topics=load_topics(["geopolitical"]))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Data defined as important under China's law may not be transferable outside of China without approval.",
     False),
    ("Restrictions imposed by the Chinese government on the duration of gaming activities may hurt our revenue.",
     False),
    ("The EU AI Act may restrict how our customers deploy AI models in Europe.", False),
    ("Export controls may restrict the transfer of our technology and data to China.", True),
    ("China retaliated against U.S. export controls by restricting the transfer of personal data.", True),
])  # fmt: skip
def test_a_countrys_own_rules_for_data_and_games_are_no_geopolitics_in_a_filing_though_they_name_it(
    sentence: str, flagged: bool
) -> None:
    """In a filing a geopolitical flag on a country's own rules for personal data, data transfer or games, or the
    EU AI Act, is dropped even when it names China, unless a trade measure, war or licence is named
    (filing_lookalikes.domestic_rules, OWN_RULES)."""
    flag = Flag("geopolitical", "negative", -0.9, sentence, 0, len(sentence), "1A Risk Factors", None, True)
    assert (read_in_filing(flag, flag.section) is not None) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # compliance with the law in general, and another company's IP licensed: no trade measure
    ("We will incur ongoing costs and obligations related to regulatory compliance.", False),
    ("Banks face rising costs of regulatory compliance this year.", False),
    ("Our products include intellectual property owned by third parties, which requires licenses from those third "
     "parties.", False),
    ("We may be unable to obtain such licenses on commercially reasonable terms.", False),
    ("Failure to comply with the requirements of the State licensing agencies would hurt our business.", False),
    # ... and export rules, licences for exports, tariffs, still geopolitics
    ("We plan to ship regulation-compliant products to China next quarter.", True),
    ("Sales of our GPUs to China require licenses from the Commerce Department.", True),
    ("The USG evaluates license requests in a closed process.", True),
    ("We have applied for export licenses on commercially reasonable terms.", True),
    ("New tariffs raise our compliance costs.", True),
])  # fmt: skip
def test_compliance_and_licences_of_no_trade_are_no_geopolitics_in_any_text(text: str, flagged: bool) -> None:
    """flagging v0.38, written probes as a call or news item reads them: "regulatory compliance" counts only of
    products made to the export rules, and a licence from a third party or on commercial terms is no export licence."""
    flags = flag_text(text, topics=load_topics(["geopolitical"]))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("text", "flagged"), [
    ("Higher electricity tariffs raised our operating costs.", False),
    ("The utility agreed to discounts to the base tariff energy rates for the plant.", False),
    ("She is a frequent commentator on national security and crisis management.", False),
    ("We may need approvals and licenses from government authorities for the acquisitions.", False),
    ("Our risks include the time required to obtain required licenses.", False),
    ("The device may be used without special license or regulatory approval.", False),
    # ... still geopolitics: trade tariffs, export licences (the exclusions' look-behinds), sanctions, onshoring for
    # national security
    ("A 10% base tariff now applies to all imports from the EU.", True),
    ("China imposed tariffs on U.S. energy imports.", True),
    ("We may need export licenses for the acquisition of these tools.", True),
    ("We may be unable to obtain export licenses or regulatory approvals for our products.", True),
    ("We were unable to obtain the required licenses to ship H20 to China.", True),
    ("We terminated the accounts of sanctioned parties in Russia.", True),
    ("The plan to reshore chip manufacturing will strengthen national security.", True),
    ("New tariffs on parts from our suppliers located in China raise our costs.", True),
])  # fmt: skip
def test_electricity_tariffs_biographies_and_licences_of_no_export_are_no_geopolitics_in_any_text(
    text: str, flagged: bool
) -> None:
    """flagging v0.39, written probes as a call or news item reads them (topics.toml exclude): a utility's tariff, a
    person's background, the government as a customer, licences for an acquisition or a domestic permit, and where
    the suppliers are, are no geopolitics; a trade tariff, an export licence and sanctions still are. (The government
    as a customer or employer and the suppliers' location count only as follow-ups of a mention nearby, which a lone
    sentence lacks: LOOKALIKES_V039 holds them as the filings read them.)"""
    flags = flag_text(text, topics=load_topics(["geopolitical"]))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("text", "flagged"), [
    ("Our risks include the time required to obtain required licenses.", False),
    ("Delays in obtaining required licenses and permits for our new stores could slow our growth.", False),
    ("We must obtain required licenses from state aviation authorities to operate our drones.", False),
    ("The Investment Act provides for the review of investments by non-Canadians that could be injurious to national "
     "security.", False),
    # ... a licence in the export sense anywhere in the sentence is still read: "licenses" gave back its "s" before, so
    # "obtain required licenses to export" was excluded ("s to export" is no " to export")
    ("We may not obtain required licenses to export our products.", True),
    ("We may be unable to obtain all required licenses for exports of our products.", True),
    ("We may be unable to obtain required licenses in a timely manner, which would prevent us from shipping to "
     "customers in China.", True),
    ("If we cannot obtain required licenses, we may be unable to ship our products to certain customers outside the "
     "United States.", True),
    ("We may be unable to obtain required licenses from BIS for shipments of our accelerators.", True),
    ("The acquisition is subject to review by CFIUS on national security grounds.", True),
])  # fmt: skip
def test_required_licences_of_no_export_sense_and_a_takeovers_review_are_no_geopolitics_in_any_text(
    text: str, flagged: bool
) -> None:
    """flagging v0.40 (topics.toml exclude): "required licenses" are no geopolitics only when the sentence names no
    export, shipment, sale, foreign country or the U.S. government anywhere (v0.39 looked three words on, and not even
    there); the review of a takeover by foreigners is none, CFIUS named so still is."""
    flags = flag_text(text, topics=load_topics(["geopolitical"]))
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("text", "topic", "flagged"), [
    ("We hedge our foreign currency exposure on revenue and inventory purchases.", "inventory", False),
    ("Inventory and other costs related to the devices we sell rose.", "inventory", False),
    ("We have commitments to purchase components, inventory and capacity.", "inventory", False),
    ("The court agreed to hear the appeal on an expedited basis.", "supply_chain", False),
    ("Statements regarding the impact of tariffs on our business are forward-looking statements.", "geopolitical",
     False),
    # ... the same words still mentions where they say something of stock, shipments or tariffs
    ("Inventory purchases rose as we built stock ahead of the launch.", "inventory", True),
    ("Excess inventory and other costs related to the transition hurt margins.", "inventory", True),
    ("We recorded charges for commitments to purchase inventory in excess of demand.", "inventory", True),
    ("We expedited shipments by air to meet demand.", "supply_chain", True),
    ("Tariffs on our imports will hurt margins, and statements about them are forward-looking.", "geopolitical", True),
])  # fmt: skip
def test_accounts_naming_stock_a_courts_schedule_and_a_safe_harbour_are_no_mentions_in_any_text(
    text: str, topic: str, flagged: bool
) -> None:
    """flagging v0.40 (topics.toml excludes), written probes as a call or news item reads them: currency hedging of
    "inventory purchases", a cost line's definition, purchase commitments listing inventory, an appeal heard "on an
    expedited basis" and what a forward-looking statement is state nothing of the topic they name."""
    flags = flag_text(text, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    assert (topic in {f.topic for f in flags}) is flagged, flags


@pytest.mark.parametrize(("sentence", "section", "topic", "polarity", "want"), [
    # stock filled and drained in turn, in general terms: neutral; with a period, or one way only, the reading stays
    ("Distribution channels are typically filled with new inventory after a launch, and channel inventory of older "
     "products often declines before one.", "7 MD&A", "inventory", "negative", "neutral"),
    ("Channel inventory declined as we filled the pipeline for the launch in fiscal 2025.", "7 MD&A", "inventory",
     "negative", "negative"),
    ("Channel inventory often declines ahead of a launch.", "7 MD&A", "inventory", "negative", "negative"),
    # a plan to mend the supply chain: neutral; a result claimed keeps good news; risk factors are read as risks
    ("We are redesigning our sourcing to improve supply chain resilience.", "1 Business", "supply_chain", "positive",
     "neutral"),
    ("We will strengthen supply chain reliability across our plants.", "7 MD&A", "supply_chain", "positive",
     "neutral"),
    ("Our work to improve supply chain reliability has improved on-time delivery.", "7 MD&A", "supply_chain",
     "positive", "positive"),
    ("We added a second supplier to improve supply chain resilience, which restored full output.", "7 MD&A",
     "supply_chain", "positive", "positive"),
    # a risk factor's supposed harm
    ("Governmental changes could also affect our suppliers' ability to deliver components on time.",
     "1A Risk Factors", "supply_chain", "positive", "negative"),
    ("Weather may disrupt our logistics providers.", "1A Risk Factors", "supply_chain", "positive", "negative"),
])  # fmt: skip
def test_a_pattern_of_stock_and_a_plan_to_mend_supply_are_neutral_and_a_supposed_harm_a_warning_in_a_filing(
    sentence: str, section: str, topic: str, polarity: str, want: str
) -> None:
    """flagging v0.41 (filing_reading, risk_reading.HYPOTHETICAL), written probes as a filing's reading takes a flag:
    a balanced pattern of the business and mitigation without an outcome are neutral by the rubric, a harm a risk
    factor supposes is a warning."""
    flag = Flag(topic, polarity, 0.9 if polarity == "positive" else -0.9, sentence, 0, len(sentence), section, None,
                True)  # fmt: skip
    read = read_in_filing(flag, section)
    assert read is not None and read.polarity == want


@pytest.mark.parametrize(("text", "flagged"), [
    ("The drones will be positioned for procurement-focused evaluations by the Australian Government.", False),
    ("Delays in government procurement could slow orders for our systems.", False),
    ("Officials have agreed to supply the recorded flight data to the adjudicators.", False),
    # ... and after a supply sentence, where "availability" carries the topic on
    ("The pandemic disrupted our supply chains. It also reduced the availability of external funding sources.", False),
    ("The pandemic disrupted our supply chains. It also affected labor availability at our plants.", False),
    # the supply base still: procurement of parts, supply agreed, parts' availability
    ("Our procurement of chips and batteries was delayed by shortages.", True),
    ("Our partner has agreed to supply the batteries for the new model.", True),
    ("The availability of components remains tight.", True),
    ("The pandemic disrupted our supply chains. It also reduced the availability of chips.", True),
])  # fmt: skip
def test_a_customers_procurement_data_supplied_and_funding_are_no_supply_mentions_in_any_text(
    text: str, flagged: bool
) -> None:
    """flagging v0.41 (topics.toml supply-chain excludes), written probes as a call or news item reads them: the last
    sentence is a mention or not."""
    last = split_sentences(text)[-1][0]
    flags = [f for f in flag_text(text, topics=load_topics(["supply_chain"])) if f.start == last]
    assert bool(flags) is flagged, flags


@pytest.mark.parametrize(("sentence", "flagged"), [
    ("Failure to comply with regulations may result in additional costs for corrective measures, penalties or in "
     "restrictions of our operations.", False),
    ("We must comply with the laws and regulations of every state in which we operate.", False),
    ("Non-compliance with environmental regulations could result in fines.", False),
    ("Failure to comply with export control regulations could subject us to penalties.", True),
    ("Compliance with sanctions laws may require us to stop sales in certain countries.", True),
    ("We comply with all licensing requirements for shipments of our products to China.", True),
    ("Compliance with new tariffs and trade rules may raise our costs.", True),
    # trade rules named only by their office or act
    ("Failure to comply with OFAC regulations could result in penalties.", True),
    ("We must comply with ITAR in our defense business.", True),
])  # fmt: skip
def test_compliance_with_the_law_in_general_is_no_geopolitics_in_a_filing(sentence: str, flagged: bool) -> None:
    """In a filing, whose geopolitical hits are everywhere (so "comply with regulations", a document pattern, counts
    anywhere in it), a geopolitical flag on compliance with the law that names no export, import, tariff, sanction,
    trade, war, licence or China is dropped (filing_lookalikes.COMPLIANCE)."""
    flag = Flag("geopolitical", "negative", -0.9, sentence, 0, len(sentence), "3.D Risk Factors", None, True)
    assert (read_in_filing(flag, flag.section) is not None) is flagged


def _id(case: object) -> str:
    _name, piece, topic, want = case.values if hasattr(case, "values") else case  # type: ignore[attr-defined,misc]
    return f"{topic}-{want}-{piece[:30]}"


@cache
def _flags(root: Path, name: str) -> tuple[str, tuple[Flag, ...]]:
    document = load_document((root / name).read_bytes(), origin=name)
    flags = flag_document(document, topics=load_topics(("inventory", "supply_chain", "geopolitical")))
    return document.text, tuple(flags)


def _sentence(root: Path, name: str, piece: str) -> str:
    """The first sentence of `name`, as the splitter cuts it, that holds `piece` (whitespace collapsed)."""
    text, _ = _flags(root, name)
    found = [text[a:b] for a, b in split_sentences(text) if piece in " ".join(text[a:b].split())]
    assert found, f"{piece!r} is not in {name}"
    return found[0]


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "topic", "want"), CASES, ids=[_id(c) for c in CASES])
def test_the_rubrics_verdict(shared_fixtures: Path, name: str, piece: str, topic: str, want: str | None) -> None:
    text, flags = _flags(shared_fixtures, name)
    at = " ".join(text.split()).find(piece)
    assert at >= 0, f"{piece!r} is not in {name}"
    hits = [f for f in flags if piece in " ".join(f.sentence.split()) and f.topic == topic]
    got = hits[0].polarity if hits else None
    assert got == want, f"{name}: {piece!r} {topic}: got {got}, the rubric says {want}"


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "topic", "want"), RULES_V09, ids=[_id(c) for c in RULES_V09])
def test_the_rules_verdict(shared_fixtures: Path, name: str, piece: str, topic: str, want: str) -> None:
    assert judge(_sentence(shared_fixtures, name, piece), topic=topic)[0] == want


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "topic", "want"), RULES_V010, ids=[_id(c) for c in RULES_V010])
def test_the_v010_rules_verdict(shared_fixtures: Path, name: str, piece: str, topic: str, want: str) -> None:
    assert judge(_sentence(shared_fixtures, name, piece), topic=topic)[0] == want


def test_stock_run_out_is_a_warning_though_replenish_and_depleted_read_well() -> None:
    """A retailer's own out-of-stocks and "less replenishment" (the fresh calls' README names the class; no call we
    may read holds such a sentence, so these are written): warnings for the rules; dealer lots depleted stays good."""
    assert judge("We had out-of-stocks across several categories.", topic="inventory")[0] == "negative"
    assert judge("Retailers saw less replenishment of our products.", topic="inventory")[0] == "negative"
    assert judge("Our inventory was depleted by the surge in demand.", topic="inventory")[0] == "negative"
    assert judge("Inventory on dealer lots is depleted.", topic="inventory")[0] == "positive"


# flagging v0.35, the largest class of supply-chain polarity misses leaving companies out: a question asking how long,
# why, where or how fast of a supply problem presupposes it (a warning, rubric 3), and costs passed on, shared or
# offset in pricing are mitigation without a result (neutral, rubric 2 and 6.11); settled whatever the weights say
SETTLED_V035: list = [
    (T + "NVDA_2024_Q4.txt", "And how long do you expect that to be constrained?", "negative"),
    (T + "NVDA_2024_Q4.txt", "Why does that get constrained as Hopper is easing up?", "negative"),
    (J + "FN_q1_2022.json", "about where the exact bottleneck might be?", "negative"),
    (T + "NVDA_2024_Q2.txt", "when you'll see supply demand equilibrium here?", "negative"),
    (J + "CTS_q2_2021.json", "working closely with our customer base to offset or share these cost increases",
     "neutral"),
    (J + "CTS_q2_2021.json", "working with our customers to pass on some of those cost increases", "neutral"),
    (J + "NCR_q3_2021.json", "initiating price increases to cover the costs that we're seeing on the supply chain",
     "neutral"),
    (J + "GLW_q2_2021.json", "pricing action to more equitably share some of these supply chain pressures", "neutral"),
]  # fmt: skip


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "want"), SETTLED_V035, ids=[f"{w}-{p[:30]}" for _n, p, w in SETTLED_V035])
def test_supply_questions_built_on_a_problem_and_costs_passed_on_are_settled(
    shared_fixtures: Path, name: str, piece: str, want: str
) -> None:
    sentence = _sentence(shared_fixtures, name, piece).lower()
    for weights_say in ("positive", "neutral", "negative"):
        settled = rubric_verdict(sentence, weights_say, topic="supply_chain")
        assert settled == (None if weights_say == want else want), (piece, weights_say, settled)


def test_questions_that_only_ask_and_costs_not_passed_on_are_left_to_the_weights() -> None:
    """A yes-no question only asks (labelled 8 neutral / 8 negative on the training calls); a cost that offsets
    something is a headwind, one that cannot be passed on a harm, one offset already a result claimed."""
    for sentence in (
        "Is the 25 number a supply constraint number?",
        "How long is your lead time on new capacity?",
        "These benefits were partially offset by higher transportation costs.",
        "Productivity savings partially offset higher freight costs.",
        "We may not be able to pass on cost increases to our customers.",
        "We were able to offset the cost increases with pricing.",
    ):
        for weights_say in ("positive", "negative"):
            assert rubric_verdict(sentence.lower(), weights_say, topic="supply_chain") is None, sentence
    # stock and geopolitics are not read so: a tariff passed on is still the tariff's cost
    assert rubric_verdict("we plan to pass on the tariff costs to customers.", "negative", topic="geopolitical") is None


def test_a_why_asked_of_a_relief_is_left_to_the_weights_and_one_asked_of_the_problem_is_a_warning() -> None:
    """A "why" asked of a relief presupposes the relief, not the problem (rubric 3: a question mixing a problem with
    a hoped-for fix is neutral), so the weights keep their verdict; asked of the problem itself (in its own clause,
    or of a relief denied) it is a warning. Written probes: no training call holds a why asked of a relief."""
    for sentence in (
        "Why do you feel so confident that these supply pressures should abate next year?",
        "Why are you expecting the component shortages to ease in the second half?",
        "Why do you think the bottlenecks will be resolved by the summer?",
        "Why is the constraint going away so quickly?",
        "So why should the tightness in substrates normalize by the end of the year?",
        "Why do you believe the logistics disruptions are now behind you?",
    ):
        for weights_say in ("positive", "neutral", "negative"):
            assert rubric_verdict(sentence.lower(), weights_say, topic="supply_chain") is None, (sentence, weights_say)
    for sentence in (
        "Why are the supply constraints lasting longer than you expected?",
        "Why haven't the supply constraints eased yet?",
        "Why has there been no improvement in the component shortages?",
        "Why would the constraints not ease until next year?",
        "Why does that get constrained as Hopper is easing up?",  # the easing is Hopper's, in another clause
        "Why is supply still constrained, and when will it ease?",
    ):
        assert rubric_verdict(sentence.lower(), "positive", topic="supply_chain") == "negative", sentence


@pytest.mark.fixtures
def test_plain_questions_and_demand_over_supply_whatever_the_weights_say(shared_fixtures: Path) -> None:
    name, piece, topic, _ = PLAIN
    assert rubric_verdict(_sentence(shared_fixtures, name, piece).lower(), "negative", topic=topic) == "neutral"
    # supply that cannot keep up with demand is a constraint (rubric 6.1), though the sentence also says "ramping"
    keep_up = "there's no way we can reasonably keep up on demand in the short term as we ramp."
    assert rubric_verdict(keep_up, "positive", topic=topic) == "negative"
    # a question built on a problem keeps the weights' verdict
    assert rubric_verdict("can you explain the supply constraint situation in gaming?", "negative", topic=topic) is None
