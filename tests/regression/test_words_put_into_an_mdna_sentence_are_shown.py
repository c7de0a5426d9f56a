"""Bug: words put into a lightly reworded sentence were found only in changed risk factors. NVIDIA's FY2025 MD&A says
"Our competitive position has been harmed by the existing export controls, and ..." where FY2024 said "Our
competitive position has been harmed, and ...", and adds "and countries designated “Tier 2” by the AI Diffusion IFR"
to the markets export rules may close; neither sentence is new, so `edgar diff`, `watchdesk changes` and the briefing
said nothing of either. The MD&A's inserted words are now found as a factor's are: a clause on a watched topic
(four on the fixture pairs, read: NVIDIA's two above and "including potential cancellation or deferral of customer
purchase orders", Tesla's "AI-related capital expenditures"). Words the MD&A deleted are not shown: of the nine
clauses on the fixture pairs none is on a watched topic, and four of them read as noise ("for the year ended
December", "During the third quarter of fiscal year", pieces of a list of figures)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tests.unit.test_risk_factors import FILES, parsed
from watchdesk.agents.briefing.changes_part import _added_line
from watchdesk.agents.filing_changes import inserted_on_topics
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.graph.cli import cli
from watchdesk.sources.filing_diff import compare
from watchdesk.store import explore
from watchdesk.store.changes import period_changes
from watchdesk.store.store import Store

EXPORT = "by the existing export controls"
TIER_2 = "and countries designated “Tier 2” by the AI Diffusion IFR"
ORDERS = "including potential cancellation or deferral of customer purchase orders"


def test_words_put_into_an_mdna_sentence_are_found(edgar_fixtures: Path) -> None:
    _, mdna = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025")).sections
    found = {g.part.text: g for g in inserted_on_topics(mdna.inserted, load_topics())}
    assert list(found) == [EXPORT, TIER_2, ORDERS]
    assert found[EXPORT].topics == ("geopolitical",) and found[EXPORT].sentence is not None
    assert found[EXPORT].sentence.text.startswith("Our competitive position has been harmed by the existing export")
    _, tesla = compare(parsed(edgar_fixtures, "TSLA FY2023"), parsed(edgar_fixtures, "TSLA FY2024")).sections
    tesla_words = [g.part.text for g in inserted_on_topics(tesla.inserted, load_topics())]
    assert tesla_words == ["AI-related capital expenditures"]


def test_changes_edgar_diff_and_the_briefing_show_them(demo_folder: Path, edgar_fixtures: Path) -> None:
    db = demo_folder / "demo.duckdb"
    rows = [r for r in explore.changes(db, ticker="NVDA", change="added") if r["section"] == "MD&A"]
    words = {r["text"]: r for r in rows if r["change"] == "words added to a sentence"}
    assert set(words) == {EXPORT, TIER_2}  # on the demo's topics (inventory, supply chain, geopolitics)
    assert words[EXPORT]["in_sentence"].startswith("Our competitive position has been harmed by the existing")
    assert words[EXPORT]["under"] == "Global Trade"
    old, new = (str(edgar_fixtures / "filings" / FILES[name]) for name in ("NVDA FY2024", "NVDA FY2025"))
    data = json.loads(CliRunner().invoke(cli, ["edgar", "diff", old, new]).stdout)
    (listed,) = [r for r in data["sections"][1]["added"] if r["text"] == EXPORT]
    assert listed["heading"] == "geopolitical" and listed["in_sentence"].startswith("Our competitive position")
    md = CliRunner().invoke(cli, ["edgar", "diff", old, new, "--format", "md"]).stdout
    assert f"- **geopolitical**: … {EXPORT} … (under “Global Trade”)" in md
    with Store.open(db, read_only=True) as store:  # the briefing's line, past the five its part shows
        stored = period_changes(store, tickers=["NVDA"], start=date(2025, 2, 20), end=date(2025, 3, 1))
    mdna = [r for r in stored if r["kind"] == "inserted" and r["item"] == "7"]
    (line,) = [_added_line(r) for r in mdna if r["new_heading"] == EXPORT]
    assert line.startswith(f"- words inserted into a sentence: “{EXPORT}” (under “Global Trade”) [10-K filed 2025-")
