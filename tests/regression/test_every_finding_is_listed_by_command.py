"""A user walkthrough (session 26): a briefing quotes the strongest five findings of each company and topic and says
"… and 378 more not shown (all are in the findings table)", and README promised "all mentions", but no command
listed them: only SQL or a notebook could. Nor could the filing changes a run stored be listed without the filings
on disk (`edgar diff` compares two local files). `watchdesk findings` and `watchdesk changes` list them from the
database, read-only, by ticker, topic, period and kind of document, with each finding's citation and source."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_notebooks_read_safely import writer_can_open
from watchdesk.graph.cli import cli
from watchdesk.store import explore


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_findings_lists_every_one_with_its_citation_and_source(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    code, out, err = invoke("findings", "--db", str(db), "--ticker", "nvda", "--topic", "inventory",
                            "--week", "2025-W09", "--format", "jsonl")  # fmt: skip
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    expected = explore.findings(db, ticker="NVDA", topic="inventory", start=date(2025, 2, 24), end=date(2025, 3, 2))
    assert len(rows) == len(expected) > 5  # more than a briefing quotes
    assert [r["finding_id"] for r in rows] == [r["finding_id"] for r in expected]
    assert all(r["citation"] == "F-" + r["finding_id"][:8] for r in rows)
    assert {r["document"] for r in rows} == {"10-K", "earnings call"}
    assert all(r["source"] for r in rows) and any(r["source"].startswith("https://www.sec.gov/") for r in rows)
    assert f"{len(rows)} findings" in err
    assert writer_can_open(db)  # read-only, and closed again


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_findings_of_one_kind_polarity_and_limit(demo_folder: Path) -> None:
    db = str(demo_folder / "demo.duckdb")
    code, out, err = invoke("findings", "call", "--db", db, "--polarity", "negative", "--format", "csv", "--limit", "4")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 and {r["document"] for r in rows} == {"earnings call"} and {r["polarity"] for r in rows} == {
        "negative"
    }
    assert "4 of " in err and "findings shown (--limit)" in err
    code, out, _ = invoke("findings", "news", "--db", db, "--format", "md")
    # the demo's news findings are all in items a feed tagged NVIDIA in, with no word of it in headline or summary
    assert code == 0 and out.startswith("| date | ticker | topic |") and "| news (named only in its tags) |" in out


def test_a_misspelt_ticker_topic_or_kind_is_said_with_close_matches(demo_folder: Path) -> None:
    db = str(demo_folder / "demo.duckdb")
    code, _, err = invoke("findings", "--db", db, "--ticker", "NVDAA")
    assert code == 2 and "holds no ticker 'NVDAA'; did you mean NVDA?" in err
    code, _, err = invoke("findings", "--db", db, "--topic", "supply")
    assert code == 2 and "did you mean supply_chain?" in err
    code, _, err = invoke("findings", "filling", "--db", db)
    assert code == 2 and "give filing, call or news" in err
    code, _, err = invoke("findings", "--db", db, "--week", "2025-W09", "--since", "2025-01-01")
    assert code == 2 and "not both" in err
    code, _, err = invoke("changes", "--db", str(demo_folder / "none.duckdb"))
    assert code == 2 and "no database at" in err


def test_an_empty_answer_says_what_was_asked(demo_folder: Path) -> None:
    code, out, err = invoke("findings", "--db", str(demo_folder / "demo.duckdb"), "--ticker", "NVDA",
                            "--since", "2030-01-01")  # fmt: skip
    assert code == 0 and out == "" and "No findings for NVDA from 2030-01-01." in err


def test_changes_lists_what_changed_between_filings(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    code, out, err = invoke("changes", "--db", str(db), "--ticker", "NVDA", "--topic", "geopolitical",
                            "--format", "csv")  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = explore.changes(db, ticker="NVDA", topic="geopolitical")
    assert len(rows) == len(expected) > 0
    assert all("geopolitical" in r["topics"] for r in rows)
    assert {(r["filed"], r["compared_with"], r["form"]) for r in rows} == {("2025-02-26", "2024-02-21", "10-K")}
    code, out, _ = invoke("changes", "--db", str(db), "--ticker", "NVDA", "--format", "table", "--limit", "1")
    assert code == 0 and out.startswith("2025-02-26  NVDA  10-K  vs 2024-02-21  risk factors")


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_filters_and_limit_are_asked_of_the_store(demo_folder: Path) -> None:
    """A code review: --limit 5 read every finding into Python first (194,200 rows: 1.3 s and 525 MB)."""
    db = demo_folder / "demo.duckdb"
    rows = explore.findings(db, polarity="negative", kind="call", limit=3)
    assert len(rows) == 3 and rows.total == len(explore.findings(db, polarity="negative", kind="call"))
    every = explore.findings(db)
    assert rows.total == sum(r["polarity"] == "negative" and r["document"] == "earnings call" for r in every)
    code, out, _ = invoke("findings", "--db", str(db), "--topic", "Supply chain", "--format", "jsonl", "--limit", "1")
    assert code == 0 and json.loads(out)["topic"] == "supply_chain"  # a topic as a briefing writes it
    assert len(explore.findings(db, topic="Inventory")) == len(explore.findings(db, topic="inventory")) > 0


def test_a_csv_cell_is_never_a_formula() -> None:
    """A code review: a headline opening with "=" went into the CSV as it was, a formula to a spreadsheet."""
    from watchdesk.graph.cli_rows import csv_cell as _csv_cell

    assert _csv_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _csv_cell("@SUM(A1)") == "'@SUM(A1)" and _csv_cell("-1 dead") == "'-1 dead"
    assert _csv_cell(-0.9901) == "-0.9901" and _csv_cell("Supply is tight.") == "Supply is tight."
