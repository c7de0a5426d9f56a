"""The offline demo: a real watchlist run over recorded SEC responses bundled with the package."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from watchdesk.graph.watchlist import Watchlist, parse_watchlist

# The recorded responses end in 2025; pinning "today" keeps the demo's window on them.
DEMO_AS_OF = date(2025, 9, 1)
DEMO_RUN_ID = "demo-2025-09-01"

DEMO_WATCHLIST = """
name = "demo: NVIDIA and Apple, semis supply chain"

[[tickers]]
symbol = "NVDA"
sources = ["edgar", "transcripts"]
accessions = ["0001045810-26-000024"]   # an 8-K with its exhibit, fetched whatever the window says

# Transcript text belongs to its publisher, so none ships with watchdesk: the demo reads the team's
# fixtures when they sit beside the checkout, and shows a gap when they do not.
[[tickers.transcripts]]
kind = "folder"
path = "{transcripts}"

[[tickers]]
symbol = "AAPL"

[[tickers]]
symbol = "TSM"        # not in the recorded pack: the briefing shows the gap instead of hiding it

[topics]
watch = ["inventory", "supply_chain", "geopolitical", "demand", "ai_demand"]

[filings]
forms = ["10-K", "10-Q"]
since = 2024-10-01
until = 2025-08-31
limit_per_form = 1

[policy]
allowed_domains = ["sec.gov"]
approval = "never"
"""


def demo_pack() -> Path:
    return Path(str(resources.files("watchdesk.sources.packs") / "demo"))


def demo_transcripts_folder() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "transcripts" / "nvda_motley_fool_text"


def demo_watchlist() -> Watchlist:
    text = DEMO_WATCHLIST.replace("{transcripts}", demo_transcripts_folder().as_posix())
    return parse_watchlist(text, origin="<demo watchlist>")
