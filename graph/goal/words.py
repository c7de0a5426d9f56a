"""The shipped list of common words: what a goal's lone word is when it is not a company."""

from __future__ import annotations

import gzip
import re
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
# Acronyms that are a well-known company's ticker where a company stands: after a watch verb ("watch GM for EV
# losses") or listed with companies ("Ford and GM", "Ford vs GM", "ford, gm, stellantis"), but before what a margin
# does ("GM compression"). Elsewhere the acronym ("NVIDIA GM"): General Motors is written so far more often there than
# gross margin, which an analyst writes as a word's qualifier. ("AI" in "MSFT, GOOGL and AI" is more often the topic
# than C3.ai: said, not read.)
COMPANY_FIRST = words("GM")
# What gross margin does, after "GM": "NVDA and GM compression" is gross margin; "Ford and GM EV losses" General Motors
MARGIN_MOVES = words(
    "compression expansion contraction erosion pressure pressures trend trends guidance decline declines improvement "
    "improvements outlook headwinds tailwinds dilution accretion uplift mix bps percent"
)
# Bloomberg's exchange codes, written after a ticker in capitals ("ASML NA", "TSM US", "NVDA US Equity"): where it
# trades, not a word the ticker qualifies. Codes that are English words in capitals ("IN", "NO", "ID") are left out.
EXCHANGE_SUFFIX = re.compile(
    r"[ \t]+(US|UN|UW|UQ|UA|UR|UP|NA|LN|TT|JP|JT|HK|GR|GY|FP|SW|SE|CN|CT|AU|KS|IM|SM|SS|CH|BB|DC|FH|SP|AV|LI)"
    r"(?:[ \t]+Equity)?\b(?![-'’.]\w)"
)
# Places where a company builds or sells ("capacity expansion in Arizona"): alone, no misspelt company to stop on (as
# one word of a name they still name it: "Washington Trust"). States whose name alone is a well-known company's
# (Alaska, Illinois, Louisiana, Texas) are left out; common_words.txt holds Japan, Germany, India and others.
PLACES = words(
    "alabama arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho indiana iowa "
    "kansas kentucky maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada "
    "hampshire jersey carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee utah vermont virginia "
    "washington wisconsin wyoming vietnam malaysia singapore thailand indonesia philippines netherlands italy spain "
    "poland ireland switzerland sweden norway denmark finland austria belgium brazil argentina chile peru colombia "
    "australia zealand nigeria egypt saudi arabia emirates qatar turkey iraq"
)


@cache
def common_words() -> frozenset[str]:
    text = (resources.files("watchdesk.graph.goal") / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def english_words() -> frozenset[str]:
    """English words of 2-5 letters (english_words.txt, from SCOWL): a lower-case ticker that is one is the word where
    it qualifies the next ("low margins", "fast growth"), whatever the ticker map; "tsm", "nvda", "mu" are none."""
    text = (resources.files("watchdesk.graph.goal") / "english_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def _long_english_words() -> frozenset[str]:
    raw = (resources.files("watchdesk.graph.goal") / "english_long_words.txt.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def is_english(phrase: str) -> bool:
    """Is every word of `phrase` in lower case an English word ("slowing", "supply chain"), by the shipped lists
    (english_words.txt, english_long_words.txt.gz, common_words.txt)? Such a phrase is no misspelt company."""
    terms = phrase.split()
    return bool(terms) and all(w.islower() and (w in english_words() or w in _long_english_words()
                                                or w in common_words()) for w in terms)  # fmt: skip


@cache
def english_by_initial(initial: str) -> tuple[str, ...]:
    """The shipped English words (both lists) that start with `initial`."""
    return tuple(sorted(w for w in english_words() | _long_english_words() if w.startswith(initial)))
