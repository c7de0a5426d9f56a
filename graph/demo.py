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
accessions = ["0001045810-26-000024"]   # an 8-K with its exhibit, fetched whatever the window says

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


def demo_watchlist() -> Watchlist:
    return parse_watchlist(DEMO_WATCHLIST, origin="<demo watchlist>")
