"""The offline demo end to end: the canonical job (NVIDIA, TSMC, ASML; calls, filings, news) replayed from
real recordings into a real DuckDB file."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from watchdesk.graph import demo, runner
from watchdesk.graph.demo import DEMO_RUN_ID, demo_watchlist
from watchdesk.graph.settings import Settings


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchall()[0][0] for t in tables}
    finally:
        con.close()


@pytest.fixture(scope="module")
def first_run(
    tmp_path_factory: pytest.TempPathFactory, demo_outcome: Callable[[Path], runner.RunOutcome]
) -> tuple[Settings, runner.RunOutcome]:
    """The demo's run as `watchdesk demo --db FOLDER/demo.duckdb --out FOLDER/b1` made it (once per test process,
    tests/conftest.py), its store copied here, and the settings of a demo into this folder, as that command's."""
    folder = tmp_path_factory.mktemp("demo")
    outcome = demo_outcome(folder)
    base = Settings(db_path=folder / "demo.duckdb", out_dir=folder / "b1")
    return demo.demo_settings(base, work=folder / ".watchdesk"), outcome


def test_demo_leaves_briefing_and_nvidia_findings(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    settings, outcome = first_run
    assert outcome.status == "done"
    assert outcome.briefing_path and Path(outcome.briefing_path).is_file()
    con = duckdb.connect(str(settings.db_path), read_only=True)
    docs = con.execute(
        "SELECT form, doc_type, url FROM documents WHERE ticker = 'NVDA' ORDER BY url"
    ).fetchall()
    by_topic = dict(
        con.execute("SELECT topic, count(*) FROM findings WHERE ticker = 'NVDA' GROUP BY 1").fetchall()
    )
    con.close()
    forms = {d[1] for d in docs}
    assert {"10-K", "10-Q", "8-K", "EX-10.1"} <= forms, forms
    assert by_topic.get("supply_chain", 0) > 5 and by_topic.get("inventory", 0) > 5, by_topic
    text = Path(outcome.briefing_path).read_text()
    assert "NVDA" in text and "https://www.sec.gov/Archives/edgar/data/1045810/" in text
    # a review: "this run: 24 documents" while 25 were stored and flagged (last year's 10-K, kept for comparison)
    mine = outcome.this_run
    assert mine["documents"] + mine.get("earlier filings stored for comparison", 0) == outcome.counts["documents"]
    assert mine.get("earlier filings stored for comparison") == 1


def test_findings_say_whether_the_flagger_was_sure(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    """The learned pass marks each core-topic finding sure or not (refine.is_sure); the briefing shows the
    unsure ones as such, and only those."""
    settings, outcome = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    marks = dict(con.execute("SELECT coalesce(sure::VARCHAR, 'none'), count(*) FROM findings GROUP BY 1").fetchall())
    unsure = {r[0][:8] for r in con.execute("SELECT finding_id FROM current_findings WHERE NOT sure").fetchall()}
    con.close()
    assert marks.get("true", 0) > marks.get("false", 0) > 0, marks
    lines = [line for line in Path(outcome.briefing_path or "").read_text().splitlines() if line.startswith("- **")]
    marked = [line for line in lines if ", unsure) “" in line]
    assert marked and len(marked) < len(lines)
    for line in lines:
        cite = line.split("[F-", 1)[1][:8] if "[F-" in line else None
        if cite is not None:
            assert (", unsure) “" in line) == (cite in unsure), line


def test_no_stored_finding_is_a_row_of_figures(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    """table_rows.py: the 10-K's statements ("Inventories | 10,080 | 5,282") are stored as text, but no finding."""
    from watchdesk.agents.flagging.table_rows import is_figures_row

    settings, _ = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    sentences = [s for (s,) in con.execute("SELECT sentence FROM current_findings").fetchall()]
    rows = con.execute("SELECT count(*) FROM documents WHERE text LIKE '%Inventories | 10,080 | 5,282%'").fetchall()
    con.close()
    assert rows == [(1,)] and len(sentences) > 500
    assert [s for s in sentences if is_figures_row(s)] == []


def test_stored_stock_in_a_filings_accounts_is_read_by_the_filings_choices(
    first_run: tuple[Settings, runner.RunOutcome],
) -> None:
    """The pipeline reads a 10-Q's MD&A as `watchdesk flag` does (filing_reading.py): provision releases are good
    news, provisions totalled a warning."""
    settings, _ = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    rows = con.execute(
        "SELECT polarity, sentence FROM current_findings WHERE topic = 'inventory' AND section LIKE 'I-2 %'"
    ).fetchall()
    con.close()
    release = {p for p, s in rows if "resulted in a provision release" in s}
    totalled = {p for p, s in rows if s.startswith("Provisions for inventory and excess inventory purchase")}
    assert (release, totalled) == ({"positive"}, {"negative"}), rows


def test_stored_risk_factor_mentions_of_stock_and_supply_are_never_neutral(
    first_run: tuple[Settings, runner.RunOutcome],
) -> None:
    """The pipeline reads risk factors as the filings' rubric does (risk_reading.py), as `watchdesk flag` does:
    no neutral inventory or supply-chain finding in a 10-K's or 10-Q's risk factors, while MD&A keeps its neutral
    ones (plain metrics)."""
    from watchdesk.agents.flagging.risk_reading import in_risk_factors

    settings, _ = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    rows = con.execute(
        "SELECT section, polarity, count(*) FROM current_findings WHERE topic IN ('inventory', 'supply_chain') "
        "AND section IS NOT NULL GROUP BY ALL"
    ).fetchall()
    con.close()
    risk: Counter[str] = Counter()
    for section, polarity, n in rows:  # the 10-K's "1A Risk Factors" and the 10-Q's "II-1A Risk Factors"
        if in_risk_factors(section):
            risk[polarity] += n
    assert risk.get("negative", 0) > 20 and "neutral" not in risk, risk
    assert any(polarity == "neutral" and "Management" in section for section, polarity, _ in rows), rows


def test_every_stored_sentence_has_a_sentiment(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    settings, _ = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    rows = dict(con.execute("SELECT coalesce(sentiment, 'none'), count(*) FROM sentences GROUP BY 1").fetchall())
    bad = con.execute("SELECT count(*) FROM sentences WHERE abs(sentiment_score) > 1").fetchall()[0][0]
    con.close()
    assert set(rows) == {"positive", "negative", "neutral"} and bad == 0, rows
    assert rows["neutral"] > rows["positive"] > 0 and rows["negative"] > 0, rows


def test_missing_sources_are_gaps_per_ticker(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    settings, outcome = first_run
    con = duckdb.connect(str(settings.db_path), read_only=True)
    gaps = con.execute("SELECT ticker, agent, target FROM gaps ORDER BY 1, 2, 3").fetchall()
    con.close()
    assert ("ASML", "filings", 'ASML (CIK 937966, "ASML HOLDING NV")') in gaps  # no ASML listing was recorded
    assert ("ASML", "transcripts", "ASML transcripts") in gaps  # no ASML call in any public snapshot
    assert ("TSM", "filings", "20-F 0001628280-26-025362") in gaps  # listed, but no TSMC document recorded
    assert ("TSM", "filings", "6-K 0001046179-26-000451") in gaps  # the Q2 2026 results 6-K
    section = Path(outcome.briefing_path or "").read_text().split("## Gaps", 1)[-1].split("## Sources")[0]
    assert all(f"**{t}**" in section for t in ("NVDA", "TSM", "ASML")) and "not in the recording" in section


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_briefing_has_every_ticker_with_call_findings_and_news(first_run: tuple[Settings, runner.RunOutcome]) -> None:
    settings, outcome = first_run
    text = Path(outcome.briefing_path or "").read_text()
    findings = text.split("## Findings", 1)[1].split("## News", 1)[0]
    assert "### NVDA" in findings and "### TSM" in findings and "### ASML" in findings
    assert "qa · C.C. Wei" in findings and "prepared · Colette Kress" in findings  # both calls cited
    news = text.split("## News", 1)[1].split("## Gaps", 1)[0]
    per_ticker = dict(zip(["NVDA", "TSM", "ASML"], news.split("### ")[1:], strict=True))
    assert "**NYT Business** (established outlet)" in per_ticker["NVDA"]
    assert "**EDGAR latest filings** (primary source) · 6-K - TAIWAN SEMICONDUCTOR" in per_ticker["TSM"]
    # ASML's one Seeking Alpha item was a fund's holdings list (21 symbol tags, the company not named): no news for it
    # since session 22, and the briefing says so
    assert "No news item in the period's feeds names this company." in per_ticker["ASML"]
    con = duckdb.connect(str(settings.db_path), read_only=True)
    calls = con.execute("SELECT ticker, count(*) FROM documents WHERE doc_type = 'earnings call' GROUP BY 1").fetchall()
    con.close()
    assert dict(calls) == {"NVDA": 4, "TSM": 1}


def test_second_run_duplicates_nothing_and_fetches_no_stored_document(
    first_run: tuple[Settings, runner.RunOutcome],
) -> None:
    settings, first = first_run
    before = counts(settings.db_path)
    second = runner.start_run(demo_watchlist(), settings, run_id=DEMO_RUN_ID)
    after = counts(settings.db_path)
    # every request the second run made is audited (one row each); nothing else is stored twice
    assert after.pop("actions") - before.pop("actions") == len(second.requested)
    assert after == before
    con = duckdb.connect(str(settings.db_path), read_only=True)
    stored = {r[0] for r in con.execute("SELECT url FROM documents WHERE source = 'edgar'").fetchall()}
    con.close()
    assert stored & set(first.requested), "first run fetched documents"
    assert not stored & set(second.requested), second.requested  # only what the recording lacks is asked again


def test_cli_demo_prints_briefing_path(demo_said: Callable[[Path], tuple[str, str]], tmp_path: Path) -> None:
    stdout, _ = demo_said(tmp_path)  # `watchdesk demo --db ... --out ... --quiet`, run once per test process
    assert Path(stdout.strip().splitlines()[-1]).is_file()


def test_two_demos_on_one_db_one_wins_one_says_in_use(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    db = tmp_path / "same.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "watchdesk.graph.cli",
        "demo",
        "--db",
        str(db),
        "--out",
        str(tmp_path / "o"),
        "--quiet",
    ]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    results = [(p.wait(timeout=240), p.communicate()) for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 3], results
    loser_err = next(err for code, (_, err) in results if code == 3)
    assert "database in use" in loser_err
    intact = counts(db)
    assert intact["documents"] > 0 and intact["findings"] > 0
    single = demo_store(tmp_path / "single")  # a demo run alone (`watchdesk demo`, once per test process)
    assert {k: v for k, v in counts(single).items()} == intact
