"""Bug: the filings agent caught only watchdesk's own errors per filing, so a parser bug on one odd document (a
ValueError or KeyError) ended the whole ticker's filings step: the filings after it were never fetched. Now the bug
is a gap for that one filing, naming it and the exception (secrets redacted), audited as a failure (the run exits 1),
it is not stored (so the next run fetches it again), and the other filings are stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import TEN_Q, WATCHLIST, nvidia_pack
from watchdesk.agents import filing_spans, filings
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.graph.demo import demo_pack
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

NVIDIA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
TEN_K, TEN_Q_ACC, EIGHT_K = "0001045810-25-000023", "0001045810-25-000209", "0001045810-26-000024"
real_sections = filing_spans.extract_sections


def _request(*accessions: str, compare_previous: bool = True) -> filings.FilingsRequest:
    return filings.FilingsRequest(
        company=NVIDIA,
        forms=(),
        since=date(2024, 1, 1),
        until=date(2026, 9, 1),
        limit_per_form=None,
        accessions=accessions,
        compare_previous=compare_previous,
    )


def _broken(*_args: object, **_kw: object) -> None:
    raise KeyError("1A")


def _replay() -> GatewayConfig:
    return GatewayConfig(mode="replay", replay_dir=demo_pack(), allowed_domains=("sec.gov",))


def sections_with_a_bug(text: str, *, form: str):  # type: ignore[no-untyped-def]
    if form == "10-Q":  # one odd document trips the parser
        raise ValueError("no item after https://feeds.example.com/x?token=s3cr3t")
    return real_sections(text, form=form)


def test_a_parser_bug_in_one_filing_is_its_gap_and_the_others_are_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filing_spans, "extract_sections", sections_with_a_bug)
    req = _request(TEN_K, TEN_Q_ACC, EIGHT_K, compare_previous=False)
    config = _replay()
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        result = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        stored = {r[0] for r in store.query("SELECT DISTINCT accession FROM documents")}
        gaps = store.query("SELECT target, reason FROM gaps")
        failures = store.query("SELECT agent, target, outcome FROM actions WHERE outcome = 'error'")
    assert stored == {TEN_K, EIGHT_K}, "the filings after the odd one are still stored"
    ((target, reason),) = gaps
    assert target == f"10-Q {TEN_Q_ACC}"
    assert reason.startswith("unexpected ValueError in test_a_parser_bug_is_a_gap_for_its_filing.py:"), reason
    assert "reading nvda-20250727.htm: no item after" in reason and reason.endswith("; please report it")
    assert "s3cr3t" not in reason and "token=REDACTED" in reason
    assert result.gaps == [f"{target}: {reason}"]
    assert failures == [("filings", f"10-Q {TEN_Q_ACC}", "error")]


def test_the_run_exits_1_naming_the_filing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filing_spans, "extract_sections", sections_with_a_bug)
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    pack = nvidia_pack(tmp_path / "pack")
    args = ["run", str(wl), "--replay", str(pack), "--db", str(tmp_path / "w.duckdb"), "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == EXIT_ERROR, result.output
    said = " ".join(result.stderr.split())
    assert f"a source failed on a bug: filings (10-Q {TEN_Q_ACC}: unexpected ValueError in " in said, said
    assert "s3cr3t" not in said and TEN_Q.rsplit("/", 1)[1] in said
    assert list((tmp_path / "out").glob("*.md")), "the briefing is still written"
    with Store.open(tmp_path / "w.duckdb", read_only=True) as store:
        assert not store.known_accessions([TEN_Q_ACC]), "not stored: the next run fetches it again"


def test_a_bug_comparing_a_filing_is_that_comparisons_gap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filings, "compare_stored", _broken)
    req = _request(TEN_K, EIGHT_K)
    config = _replay()
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        result = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        stored = {r[0] for r in store.query("SELECT DISTINCT accession FROM documents WHERE run_id = 'r1'")}
        monkeypatch.undo()  # the bug fixed: the next run compares the filing (reviews: a bug's gap was for good)
        fixed = filings.collect(req, fetcher=gw, store=store, run_id="r2")
    assert stored == {TEN_K, EIGHT_K}
    assert len(fixed.compared) == 1 and not fixed.gaps, fixed
    (gap,) = result.gaps
    assert gap.startswith(f"compare 10-K {TEN_K}: "), gap
    assert "unexpected KeyError in test_a_parser_bug_is_a_gap_for_its_filing.py:" in gap
    assert "comparing nvda-20250126.htm: '1A'; please report it" in gap


def test_a_bug_reading_a_stored_filing_again_to_compare_it_is_its_gap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Filings stored uncompared (a run killed before it compared them, or compare_previous = false) are read again to
    compare them; a bug reading one ended the whole filings step, as the catch there took only watchdesk's errors."""
    real_check = filings._check_whole

    def check_with_a_bug(body: bytes, *, origin: str) -> None:
        if origin == TEN_Q.rsplit("/", 1)[1]:
            raise IndexError("list index out of range")
        real_check(body, origin=origin)

    req = _request(TEN_Q_ACC, TEN_K, compare_previous=False)
    config = _replay()
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        filings.collect(req, fetcher=gw, store=store, run_id="r1")  # stored, not compared
        monkeypatch.setattr(filings, "_check_whole", check_with_a_bug)
        resumed = filings.collect(replace(req, compare_previous=True), fetcher=gw, store=store, run_id="r1")
        gaps = store.query("SELECT target, reason FROM gaps")
        failures = store.query("SELECT agent, target FROM actions WHERE outcome = 'error'")
        monkeypatch.setattr(filings, "_check_whole", real_check)
        again = filings.collect(replace(req, compare_previous=True), fetcher=gw, store=store, run_id="r1")
    assert len(resumed.compared) == 1, "the 10-K is compared all the same"
    # read again and compared by the next run (the 10-Q before it is not in the demo's recording: a gap of its own)
    assert [g.split(":")[0] for g in again.gaps] == [f"compare 10-Q {TEN_Q_ACC} with 0001045810-25-000116"]
    ((target, reason),) = gaps
    assert target == f"compare 10-Q {TEN_Q_ACC}", "no 'with': the next run reads it again to compare it"
    assert reason.startswith(f"unexpected IndexError in {Path(__file__).name}:"), reason
    assert reason.endswith("reading nvda-20250727.htm again to compare it: list index out of range; please report it")
    assert resumed.gaps == [f"{target}: {reason}"] and failures == [("filings", target)]


def test_a_comparison_a_bug_stopped_is_tried_again_when_a_newer_filing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: a bug's comparison gap was retried only for the newest stored filing of its form; a run that was
    done (partial) and had stored a newer 10-K left the older one uncompared for good."""
    from datetime import UTC, datetime

    real = filings.compare_stored
    monkeypatch.setattr(filings, "compare_stored", _broken)
    req = _request(TEN_K)  # fmt: skip
    config = _replay()
    with Store.open(tmp_path / "db.duckdb") as store, Gateway(config, audit=AuditBuffer()) as gw:
        first = filings.collect(req, fetcher=gw, store=store, run_id="r1")
        store.con.execute(
            "INSERT INTO runs (run_id, watchlist, watchlist_hash, watchlist_json, mode, status, plan, "
            "started_at) VALUES ('r1', 'w', 'h', '{}', 'replay', 'done', '[]', ?)",
            [datetime.now(UTC)],
        )
        store.con.execute("INSERT INTO documents SELECT * REPLACE ('newer-10k' AS doc_id, '0001045810-26-000021' AS "
                          "accession, DATE '2026-02-25' AS filed_at, 'https://x/newer' AS url) FROM documents "
                          "WHERE accession = ? AND parent_doc_id IS NULL", [TEN_K])  # fmt: skip
        monkeypatch.setattr(filings, "compare_stored", real)  # the bug fixed
        second = filings.collect(req, fetcher=gw, store=store, run_id="r2")
    assert [g.split(":")[0] for g in first.gaps] == [f"compare 10-K {TEN_K}"]
    assert len(second.compared) == 1 and not second.gaps, second
