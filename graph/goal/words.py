"""The shipped list of common words: what a goal's lone word is when it is not a company."""

from __future__ import annotations

from functools import cache
from importlib import resources


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (word lists read better as prose than as quoted items)."""
    return frozenset(text.split())


# All-caps words that look like tickers but are how analysts write everything else.
ACRONYMS = words(
    "AI US USA UK EU CEO CFO COO CTO EPS ESG HBM GPU GPUS CPU CPUS IPO FX ASP ASPS IR SEC TV EV EVS OK PC PCS "
    "ETF GDP API DRAM NAND FY YOY QOQ YTD MTD TAM SAAS DC HPC ASIC ASICS FPGA SOC IP IOT NLP LLM LLMS ML "
    "GENAI NYSE ADR ADRS PDF HTML CSV RSS URL UTC EST PST CET ET PT AM PM EOD FYI USD EUR JPY CNY RMB TWD "
    "EBIT EBITDA FCF ROI KPI KPIS PMI CPI FED FOMC ECB IMF OPEC LNG EM APAC EMEA LATAM NA M&A R&D AR VR "
    "DOJ FTC EC CHIPS RE FWD FW Q1 Q2 Q3 Q4 H1 H2 MD&A FAA FDA EPA DOD DOE NHTSA FCC FERC NRC CFIUS BIS OFAC "
    "NATO UN WTO "
    # finance shorthand that SEC also lists as tickers: "GM compression" is gross margin, "ARR" recurring revenue
    "GM ARR ROIC ROE ROA ROCE NRR GMV ARPU OEM OEMS ODM CAGR BOM WIP DSO DPO DIO NIM NII LTV CAC TCO PCB PCBS FCF "
    "OPEX CAPEX COGS SG&A BPS YOY"
)

# Tickers of SEC's first 2,000 companies (sec_tickers.tsv.gz, the ones a lower-case ticker may name) that are also
# English words, chosen by hand: "low margins", "fast growth", "cold storage" are words before a word they qualify.
# Any other lower-case ticker ("tsm", "nvda", "mu", "dell") is no word and qualifies nothing. Words the goal parser
# never reads as tickers (common_words.txt: "now", "key", "well") need no place here.
TICKER_WORDS = words(
    "ago air alit ally amp app arch ash ax axon ay bah bill boot bud bur calm car card cart cat cent coin coke cold "
    "coo coop cop cube dash deck doc docs door dorm dull eat ego elf expo fang fast fix fizz flex fold form fox fro "
    "frog fun gen gild glob golf grab halo has hi hog hood hubs hum ice ifs ions jazz keys lad lea lite lope lot low "
    "man mar mat met mod morn nice odd onto owl path pay peg pen pep pi pins play prim race ramp rare rely rig riot "
    "road rock sap shoo shop sim site sky slab snow so son spot spy stag step sum sun tap tho trip ups vale wen wing "
    "wire wit wolf yelp yeti yum zeta"
)


@cache
def common_words() -> frozenset[str]:
    text = (resources.files("watchdesk.graph.goal") / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
