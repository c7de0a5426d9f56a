"""Bug: a watchlist's own topics ([[topics.custom]]) never tagged what changed between its filings. The comparison's
topic library dropped the custom names from those it picked, so load_topics compiled the specs and left them out: a
watchlist watching "inventory" plus a custom "ai_diffusion" got NVIDIA's FY2025 10-K's AI Diffusion sentences with no
topic, and one watching custom topics only ("watch = []") got them tagged with every shipped topic instead (an empty
library read as none given). The comparison now reads the same topics as flagging: the watched names and the custom
ones."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.agents.filing_changes import report
from watchdesk.agents.filings_compare import watched_topics
from watchdesk.sources.filing_diff import compare

RULE = {"name": "ai_diffusion", "label": "AI Diffusion rule", "phrases": ["AI Diffusion"]}


def test_a_custom_topic_tags_what_a_factor_gained(edgar_fixtures: Path) -> None:
    library = watched_topics(["inventory"], [RULE])
    assert library.names == ("inventory", "ai_diffusion")
    assert watched_topics([], [RULE]).names == ("ai_diffusion",)
    diff = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025"), items=("1A",))
    rows = report(diff, topics=library)["sections"][0]["changed"]
    tagged = [a["text"] for r in rows for a in r["added_sentences"] if "ai_diffusion" in a["topics"]]
    assert len(tagged) >= 10 and all("AI Diffusion" in t for t in tagged), tagged
