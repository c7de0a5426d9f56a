"""Bug: words deleted from a reworded sentence were never reported. Tesla's FY2024 10-K kept its supplier factor's
sentence "Unexpected changes in business conditions, materials pricing, ..." but dropped "such as the global COVID-19
pandemic" from it; `edgar diff`, `watchdesk changes` and the briefing showed words a sentence gained, never those it
lost, so the dropped risk went unseen. Words a light rewording of a changed risk factor deleted are now shown, as
inserted words are, when they say something of their own (three content words, not a list's item), on a watched topic
or not (no shipped topic names a pandemic), and not when the newer sentence writes their initials instead ("cloud
service providers" -> "CSPs"): stored as kind "deleted", quoted from the older filing, in terminal, md and HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import shot
from tests.integration.test_filing_changes_run import settings, ten_k_watchlist
from tests.unit.test_risk_factors import parsed
from watchdesk.agents.filing_changes import markdown, report
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.sources.edgar_parse import TICKERS_URL, archive_url, submissions_url
from watchdesk.sources.filing_diff import compare
from watchdesk.sources.replay import PackWriter
from watchdesk.store import explore

COVID = "such as the global COVID-19 pandemic"
SUPPLIERS = "Unexpected changes in business conditions, materials pricing"
SUPPLY_FACTOR = ("Our suppliers may fail to deliver components according to schedules, prices, quality and volumes "
                 "that are acceptable to us, or we may be unable to manage these components effectively.")  # fmt: skip
CIK = 1318605
FY2023 = archive_url(CIK, "0001628280-24-002390", "tsla-20231231.htm")
FY2024 = archive_url(CIK, "0001628280-25-003063", "tsla-20241231.htm")
WATCHLIST = ten_k_watchlist("TSLA", "2025-01-25", "2025-02-05")


def test_the_words_tesla_deleted_are_found_and_reported(edgar_fixtures: Path) -> None:
    risk, _ = compare(parsed(edgar_fixtures, "TSLA FY2023"), parsed(edgar_fixtures, "TSLA FY2024")).sections
    deleted = {d.part.text: d for c in risk.changes for d in c.deleted}
    assert COVID in deleted and deleted[COVID].sentence.text.startswith(SUPPLIERS)
    assert COVID not in deleted[COVID].sentence.text.replace(COVID, "", 1)  # quoted from the older sentence
    data = report(compare(parsed(edgar_fixtures, "TSLA FY2023"), parsed(edgar_fixtures, "TSLA FY2024")),
                  topics=load_topics(["inventory", "supply_chain", "geopolitical"]))  # fmt: skip
    removed = [r for c in data["sections"][0]["changed"] for r in c["removed_sentences"] if r["in_sentence"]]
    assert [r["text"] for r in removed] == [COVID, "As we grow our manufacturing operations in additional regions, we"]
    text = markdown(data, old_name="FY2023", new_name="FY2024")
    assert "  - **words deleted**: … such as the global COVID-19 pandemic …" in text


def test_a_name_written_as_its_initials_is_no_deletion(edgar_fixtures: Path) -> None:
    risk, _ = compare(parsed(edgar_fixtures, "NVDA FY2024"), parsed(edgar_fixtures, "NVDA FY2025")).sections
    assert "cloud service providers" not in [d.part.text for c in risk.changes for d in c.deleted]


@pytest.fixture(scope="module")
def tesla_store(edgar_fixtures: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tsla-changes")
    writer = PackWriter(tmp / "pack")
    for url, kind, rel in [(TICKERS_URL, "application/json", "tickers/company_tickers.json"),
                           (submissions_url(CIK), "application/json", "submissions/CIK0001318605_TESLA.json"),
                           (FY2024, "text/html", "filings/TSLA_10-K_FY2024_filed-2025-01-30.html"),
                           (FY2023, "text/html", "filings/TSLA_10-K_FY2023_filed-2024-01-29.html")]:  # fmt: skip
        if not (edgar_fixtures / rel).exists():
            pytest.skip(f"{rel} is not in the fixtures")
        writer.add(url, 200, {"content-type": kind}, (edgar_fixtures / rel).read_bytes(), source=rel)
    writer.save()
    outcome = runner.start_run(WATCHLIST, settings(tmp, tmp / "pack"))
    assert outcome.status == "done" and not outcome.gaps, outcome.gaps
    return tmp / "w.duckdb"


def test_changes_lists_them_in_the_terminal(tesla_store: Path) -> None:
    rows = explore.changes(tesla_store, ticker="TSLA", change="removed")
    (row,) = [r for r in rows if r["text"] == COVID]
    assert row["change"] == "words removed from a sentence" and row["in_sentence"].startswith(SUPPLIERS)
    assert str(row["compared_with"]) == "2024-01-29" and row["source"] == FY2023  # cited to the filing that said it
    table = CliRunner().invoke(cli, ["changes", "--db", str(tesla_store), "--format", "table"],
                               env={"COLUMNS": "160"}).stdout  # fmt: skip
    # the factor's heading on its own lines, wrapped under itself, then the words and the sentence they left
    shown = re.search(r"  words removed from a sentence\n    under: (.+?)\n    (\S[^\n]*)\n    in: ([^\n]*)\n",
                      table, re.S)  # fmt: skip
    assert shown and shown[1].count("\n           ") == 1 and " ".join(shown[1].split()) == SUPPLY_FACTOR
    assert shown[2] == COVID and shown[3].startswith(SUPPLIERS)


def test_the_briefing_shows_them_in_md_and_html(tesla_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    done = CliRunner().invoke(cli, ["brief", "--db", str(tesla_store), "--since", "2025-01-25", "--until",
                                    "2025-02-05", "--format", "md,html", "--out", str(out)])  # fmt: skip
    assert done.exit_code == 0, done.output
    (md,), (html,) = out.glob("*.md"), out.glob("*.html")
    part = md.read_text().split("## What changed in filings", 1)[1].split("\n## ", 1)[0]
    line = next(x for x in part.splitlines() if COVID in x)
    assert line.startswith(f"- words deleted from a sentence: “{COVID}” [10-K filed 2024-01-29](<{FY2023}>)")
    assert "Sentences rewritten, or moved between risk factors and MD&A, that mention watched topics" in part
    assert COVID in html.read_text()
    shot(html, png := tmp_path / "brief-390.png", width=390, height=9000)  # this process's Chromium: none started
    assert png.stat().st_size, "the briefing did not render at a phone's width"
