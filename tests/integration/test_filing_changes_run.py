"""Acceptance 4: a replayed run that stores NVIDIA's FY2025 10-K, with the FY2024 10-K available, compares
the two and its briefing leads the filings part with what changed, every quote checked against the store.

The replay pack is built here from the real recorded responses in ../shared/fixtures (the NVIDIA
submissions listing names the FY2024 10-K, accession 0001045810-24-000029, nvda-20240128.htm).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.graph import runner
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.edgar_parse import TICKERS_URL, archive_url, submissions_url
from watchdesk.sources.errors import StoreError
from watchdesk.sources.replay import PackWriter
from watchdesk.store.changes import change_quote_mismatches, period_changes
from watchdesk.store.store import Store

CIK = 1045810
FY2024 = archive_url(CIK, "0001045810-24-000029", "nvda-20240128.htm")
FY2025 = archive_url(CIK, "0001045810-25-000023", "nvda-20250126.htm")


def ten_k_watchlist(symbol: str, since: str, until: str) -> Watchlist:
    """One company's newest 10-K filed in the window, the demo's topics watched."""
    return parse_watchlist(
        f'[[tickers]]\nsymbol = "{symbol}"\nsources = ["edgar"]\n'
        '[topics]\nwatch = ["geopolitical", "supply_chain", "inventory"]\n'
        f'[filings]\nforms = ["10-K"]\nsince = {since}\nuntil = {until}\nlimit_per_form = 1\n'
    )


WATCHLIST = ten_k_watchlist("NVDA", "2025-02-20", "2025-03-01")


def nvidia_pack(root: Path, edgar: Path, *, with_fy2024: bool = True) -> Path:
    responses = [
        (TICKERS_URL, "application/json", "tickers/company_tickers.json"),
        (submissions_url(CIK), "application/json", "submissions/CIK0001045810_NVIDIA.json"),
        (FY2025, "text/html", "filings/NVDA_10-K_FY2025_filed-2025-02-26.html"),
    ]
    if with_fy2024:
        responses.append((FY2024, "text/html", "filings/NVDA_10-K_FY2024_filed-2024-02-21.html"))
    writer = PackWriter(root)
    for url, kind, rel in responses:
        if not (edgar / rel).exists():
            pytest.skip(f"{rel} is not in the fixtures")
        writer.add(url, 200, {"content-type": kind}, (edgar / rel).read_bytes(), source=f"shared/fixtures/edgar/{rel}")
    writer.save()
    return root


def settings(tmp: Path, pack: Path) -> Settings:
    return Settings(db_path=tmp / "w.duckdb", mode="replay", replay_dir=pack, as_of=date(2025, 3, 1), out_dir=tmp)


@pytest.fixture(scope="module")
def nvidia_run(edgar_fixtures: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, runner.RunOutcome]:
    tmp = tmp_path_factory.mktemp("nvda-changes")
    outcome = runner.start_run(WATCHLIST, settings(tmp, nvidia_pack(tmp / "pack", edgar_fixtures)))
    return tmp, outcome


def test_run_stores_both_filings_and_the_comparison(nvidia_run: tuple[Path, runner.RunOutcome]) -> None:
    tmp, outcome = nvidia_run
    assert outcome.status == "done" and not outcome.gaps, outcome.gaps
    con = duckdb.connect(str(tmp / "w.duckdb"), read_only=True)
    try:
        urls = [
            r[0] for r in con.execute("SELECT target FROM actions WHERE target LIKE '%Archives%' ORDER BY 1").fetchall()
        ]
        kinds = dict(con.execute("SELECT kind, count(*) FROM filing_changes WHERE item = '1A' GROUP BY 1").fetchall())
        sims = con.execute("SELECT item, n_old, n_new, similarity FROM filing_comparisons ORDER BY item").fetchall()
        removed = con.execute("SELECT old_heading, topics FROM filing_changes WHERE kind = 'removed'").fetchall()
    finally:
        con.close()
    assert urls == sorted([FY2024, FY2025])  # one more fetch: the previous 10-K
    gained = kinds.pop("added", 0) + kinds.pop("inserted", 0)  # text changed factors gained
    lost = kinds.pop("dropped", 0) + kinds.pop("deleted", 0)  # sentences (and words) changed factors no longer say
    paired = kinds.pop("rewritten", 0), kinds.pop("moved", 0)  # one statement rewritten; a sentence moved to MD&A
    assert kinds.get("removed") == 1 and "new" not in kinds and sum(kinds.values()) == 24 and gained > 80
    assert lost == 66 + 1 and paired == (23, 1)  # 90 sentences before rewritten and moved ones were told apart
    assert [(item, n_old, n_new) for item, n_old, n_new, _ in sims] == [("1A", 24, 23), ("7", None, None)]
    assert all(0.9 < s < 1.0 for *_, s in sims)
    assert removed[0][0].startswith("Our indebtedness could adversely affect")


def test_briefing_part_cites_both_documents(nvidia_run: tuple[Path, runner.RunOutcome]) -> None:
    _, outcome = nvidia_run
    text = Path(outcome.briefing_path or "").read_text()
    part = text.split("## What changed in filings", 1)[1].split("\n## ", 1)[0]
    assert "### NVDA: 10-K filed 2025-02-26 compared with 10-K filed 2024-02-21" in part
    removed = next(line for line in part.splitlines() if line.startswith("- **removed**"))
    assert "Our indebtedness could adversely affect" in removed
    assert FY2024 in removed and "not in 10-K filed 2025-02-26" in removed
    assert "Biggest rewordings" in part and "MD&A sentences added (18) and words inserted into sentences (2)" in part
    assert "| NVDA | 10-K | 2025-02-26 | 2024-02-21 | Risk factors |" in part
    assert part.index("**removed**") < part.index("Biggest rewordings") < part.index("Similarity against")
    assert FY2024 not in text.split("## Sources", 1)[1]  # the older 10-K is a reference, not this week's news


def test_every_quoted_change_is_the_stored_text(nvidia_run: tuple[Path, runner.RunOutcome], tmp_path: Path) -> None:
    tmp, _ = nvidia_run
    with Store.open(tmp / "w.duckdb", read_only=True) as store:
        rows = period_changes(store, tickers=["NVDA"], start=date(2025, 2, 1), end=date(2025, 3, 1))
        assert rows and change_quote_mismatches(store, rows) == []
    # A quote that differs from the stored text is caught, as it is for findings, and stops the briefing.
    shutil.copy(tmp / "w.duckdb", tmp_path / "copy.duckdb")
    with Store.open(tmp_path / "copy.duckdb") as store:
        store.query("UPDATE filing_changes SET old_heading = old_heading || ' (edited)' WHERE kind = 'removed'")
        rows = period_changes(store, tickers=["NVDA"], start=date(2025, 2, 1), end=date(2025, 3, 1))
        assert [key[3] for key in change_quote_mismatches(store, rows)] == [
            r["seq"] for r in rows if r["kind"] == "removed"
        ]
        request = BriefingRequest(
            run_id="-",
            watchlist_name="w",
            tickers=["NVDA"],
            topics=["geopolitical"],
            period=Period(date(2025, 2, 1), date(2025, 3, 1)),
            out_dir=tmp_path,
        )
        with pytest.raises(StoreError, match="citation check failed for filing changes"):
            gather(store, request)


def test_a_period_before_a_comparison_does_not_list_it_as_earlier(nvidia_run: tuple[Path, runner.RunOutcome]) -> None:
    """A review: `brief --week 2024-W21` listed the 10-K filed 2025-02-26 under "the companies' earlier
    comparisons"; the history holds only comparisons whose newer filing is filed by the period's end."""
    from watchdesk.agents.briefing.changes_part import gather as changes_gather

    tmp, _ = nvidia_run
    with Store.open(tmp / "w.duckdb", read_only=True) as store:

        def history(start: date, end: date) -> list[str]:
            request = BriefingRequest(
                run_id="-",
                watchlist_name="w",
                tickers=["NVDA"],
                topics=["geopolitical"],
                period=Period(start, end),
                out_dir=tmp,
            )
            return sorted({str(h["new_filed_at"]) for h in changes_gather(store, request)["history"]})

        assert history(date(2024, 5, 20), date(2024, 5, 26)) == []
        assert history(date(2025, 2, 24), date(2025, 3, 2)) == ["2025-02-26"]
        assert history(date(2026, 1, 5), date(2026, 1, 11)) == ["2025-02-26"]


def test_without_the_previous_filing_the_comparison_is_a_gap(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures, with_fy2024=False)
    outcome = runner.start_run(WATCHLIST, settings(tmp_path, pack))
    assert outcome.status == "done"
    assert any("compare 10-K 0001045810-25-000023 with 0001045810-24-000029" in g for g in outcome.gaps), outcome.gaps
    text = Path(outcome.briefing_path or "").read_text()
    assert "No new 10-K, 10-Q or 20-F in this period was compared" in text


def test_watchlist_can_turn_the_comparison_off(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures, with_fy2024=False)
    off = WATCHLIST.model_copy(update={"filings": WATCHLIST.filings.model_copy(update={"compare_previous": False})})
    outcome = runner.start_run(off, settings(tmp_path, pack))
    assert outcome.status == "done" and not outcome.gaps, outcome.gaps


def test_a_period_without_a_compared_filing_says_so_before_the_history() -> None:
    """A review: every --week briefing showed NVIDIA's 2025 10-K comparison under 'What changed in filings' with no
    word that it was not this week's."""
    from watchdesk.agents.briefing.changes_part import changes_part

    history = [
        {
            "ticker": "NVDA",
            "form": "10-K",
            "new_filed_at": None,
            "old_filed_at": None,
            "item": "1A",
            "similarity": 0.999,
            "jaccard": 0.889,
            "n_old": 24,
            "n_new": 23,
        }
    ]
    body = changes_part([], history)
    assert body.startswith(
        "No new 10-K, 10-Q or 20-F in this period was compared with an earlier one. The table is "
        "the companies' earlier comparisons, for reference.\n\nSimilarity against"
    )
    assert changes_part([], []) == "No new 10-K, 10-Q or 20-F in this period was compared with an earlier one."


def test_the_largest_change_leads_the_rewordings(nvidia_run: tuple[Path, runner.RunOutcome]) -> None:
    """A review: ranked by cosine, the export-controls factor (+6,773 characters, the AI Diffusion rule) came 9th
    and was not shown; the lists now end with how many more there are."""
    _, outcome = nvidia_run
    part = Path(outcome.briefing_path or "").read_text().split("## What changed in filings", 1)[1]
    rewordings = part.split("Biggest rewordings", 1)[1].split("\n\n", 2)[1].splitlines()
    assert rewordings[0].startswith(
        "- **expanded** (similarity 0.993, 19,255 → 26,028 characters): “We are subject "
        "to complex laws, rules, regulations, and political and other actions"
    )
    more = "more (`watchdesk changes --ticker NVDA --since 2025-02-26 --until 2025-02-26` lists them all)"
    assert rewordings[-1] == f"- … and 16 {more}"  # a dropped comma is no rewording
    # 39 before light rewordings went, 24 before 6 of them were told apart as sentences rewritten
    # 18 sentences, and words put into 2 (before: "MD&A sentences added that mention watched topics (20):", which
    # counted the 2 as sentences)
    assert "MD&A sentences added (18) and words inserted into sentences (2) that mention watched topics (20):" in part
    assert f"- … and 15 {more.replace('` lists', ' --change added` lists')}" in part  # the MD&A's additions alone


def test_what_changed_factors_gained_is_stored_and_briefed(nvidia_run: tuple[Path, runner.RunOutcome]) -> None:
    """A review: rows and briefing quoted a changed risk factor's heading only; the tariffs clause added to the
    economic-conditions factor and the AI Diffusion sentences of the export-controls factor had no quote and no
    topic there. They are stored as rows of item 1A (the older factor's heading on the old side) and quoted."""
    tmp, outcome = nvidia_run
    with Store.open(tmp / "w.duckdb", read_only=True) as store:
        rows = store.query(
            "SELECT kind, old_heading, new_heading, topics FROM filing_changes "
            "WHERE item = '1A' AND kind IN ('added', 'inserted') ORDER BY seq"
        )
    tariffs = [r for r in rows if "tariffs by the USG" in r[2]]
    assert tariffs == [("inserted", "Adverse economic conditions may harm our business.",
                        "including the implementation of tariffs by the USG or other governments", ["geopolitical"])]
    diffusion = [r for r in rows if "AI Diffusion" in r[2]]
    assert len(diffusion) >= 10 and all(r[0] == "added" or "Tier 2" in r[2] for r in diffusion)
    assert all("geopolitical" in r[3] for r in diffusion)
    # the old side is FY2024's heading of the factor
    assert {r[1][:52] for r in diffusion} == {"Our operations could be affected by the complex laws"}
    part = Path(outcome.briefing_path or "").read_text().split("## What changed in filings", 1)[1]
    gained = part.split("Sentences added to changed risk factors (", 1)[1].split("\n\n", 2)[1].splitlines()
    assert len(gained) == 6 and gained[-1].startswith("- … and ") and all("topics: " in g for g in gained[:5])
    assert all(FY2025 in g and " · in “" in g for g in gained[:5])
    # the most changed factor's strongest-toned gain first (before: "We have also received ... broad requests for
    # information from competition regulators", first in the text), then the next factor's
    assert gained[0].startswith("- “After a 120-day delayed compliance period, the IFR will")
    assert gained[0].endswith(" · topics: Geopolitical")
    assert " · in “Long manufacturing lead times" in gained[1]
    assert part.index("Biggest rewordings") < part.index("Sentences added to changed") < part.index("MD&A sentences")
    assert "MD&A sentences added (18) and words inserted into sentences (2) that mention watched topics (20):" in part


def test_turning_the_comparison_on_compares_the_newest_filing_stored_while_it_was_off(
    edgar_fixtures: Path, tmp_path: Path
) -> None:
    """Noticed in session 21: a 10-K stored by a run with compare_previous = false was never compared later, since
    a finished run's filings were not looked at again. Now the newest stored filing of each form is."""
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures)
    off = WATCHLIST.model_copy(update={"filings": WATCHLIST.filings.model_copy(update={"compare_previous": False})})
    first = runner.start_run(off, settings(tmp_path, pack))
    assert first.status == "done" and not first.gaps, first.gaps
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT count(*) FROM filing_comparisons") == [(0,)]
    second = runner.start_run(WATCHLIST, settings(tmp_path, pack))
    assert second.status == "done" and not second.gaps, second.gaps
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        pairs = store.query("SELECT DISTINCT old_doc_id, new_doc_id, run_id FROM filing_comparisons")
        assert len(pairs) == 1 and pairs[0][2] == second.run_id, pairs
        assert store.query("SELECT count(*) FROM filing_changes")[0][0] > 10
    third = runner.start_run(WATCHLIST, settings(tmp_path, pack))  # compared once, never again
    assert third.status == "done"
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert store.query("SELECT DISTINCT old_doc_id, new_doc_id, run_id FROM filing_comparisons") == pairs


def test_a_comparison_with_no_common_section_is_said_once_and_not_fetched_again(
    edgar_fixtures: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code review (session 22): a comparison storing no row (no section found in both filings) left the newest
    filing 'uncompared', so every later run would fetch both filings and compare them again. It is now a gap, once."""
    from watchdesk.agents import filings
    from watchdesk.sources.filing_diff import FilingDiff

    monkeypatch.setattr(filings, "compare_stored", lambda *_a, **_k: FilingDiff(()))
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures)
    first = runner.start_run(WATCHLIST, settings(tmp_path, pack))
    assert any("no section (risk factors, MD&A) was found in both filings" in g for g in first.gaps), first.gaps
    again = runner.start_run(WATCHLIST, settings(tmp_path, pack))
    assert not [u for u in again.requested if "/Archives/" in u], again.requested
