"""A user review (session 45): a finding of an 8-K's exhibit was labelled "NVDA EX-10.1, filed 2026-03-06" in the
briefing (its findings, its table of documents, its sources) and "EX-10.1" in `watchdesk findings`: opaque to anyone
who does not know Regulation S-K Item 601's exhibit table. An exhibit's kind now stands beside its number where the
number says it ("EX-10.1 (material contract), filed 2026-03-06"); csv and jsonl keep the type as stored."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.graph.cli import cli
from watchdesk.sources.exhibit_kinds import exhibit_kind
from watchdesk.store.records import DocumentRecord, FindingRecord
from watchdesk.store.store import Store

FILED = date(2026, 3, 6)


def _contract(store: Store) -> None:
    """An 8-K and its EX-10.1 (a compensation plan, as NVIDIA's of 2026-03-06), which mentions supply once."""
    fetched = datetime(2026, 3, 6, tzinfo=UTC)
    cover = DocumentRecord(url="https://www.sec.gov/Archives/nvda-8k.htm", source="edgar", text="Item 5.02.",
                           form="8-K", doc_type="8-K", fetched_at=fetched, ticker="NVDA", filed_at=FILED)  # fmt: skip
    store.upsert_document(cover)
    text = "The plan pays out when supply constraints ease. Other text."
    exhibit = DocumentRecord(url="https://www.sec.gov/Archives/nvda-ex101.htm", source="edgar", text=text, form="8-K",
                             doc_type="EX-10.1", parent_doc_id=cover.doc_id, fetched_at=fetched, ticker="NVDA",
                             filed_at=FILED)  # fmt: skip
    store.upsert_document(exhibit)
    end = text.index(".") + 1
    finding = FindingRecord(doc_id=exhibit.doc_id, topic="supply_chain", polarity="negative", score=-0.5, start=0,
                            end=end, sentence=text[:end], method="rules", method_version="0.33", ticker="NVDA",
                            created_at=fetched)  # fmt: skip
    store.replace_findings(exhibit.doc_id, [finding], method="rules", method_version="0.33")
    store.replace_findings(cover.doc_id, [], method="rules", method_version="0.33")


def test_a_briefing_says_what_an_exhibit_is() -> None:
    with Store.open(":memory:") as store:
        _contract(store)
        request = BriefingRequest(run_id="-", watchlist_name="w", tickers=["NVDA"], topics=["supply_chain"],
                                  period=Period(date(2026, 3, 2), date(2026, 3, 8)), out_dir=Path("."))  # fmt: skip
        text = render_markdown(gather(store, request))
    assert "EX-10.1 (material contract), filed 2026-03-06" in text, text
    assert "EX-10.1, filed" not in text, text


def test_findings_say_it_to_a_reader_and_keep_the_type_in_data(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    with Store.open(db) as store:
        _contract(store)
    said = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", "md"])
    assert said.exit_code == 0 and "| EX-10.1 (material contract) |" in said.stdout, said.output
    data = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", "jsonl"])
    assert [json.loads(line)["document"] for line in data.stdout.splitlines()] == ["EX-10.1"], data.output


@pytest.mark.parametrize(("doc_type", "kind"), [
    ("EX-10.1", "material contract"), ("EX-99.1", "press release or other"), ("ex-99", "press release or other"),
    ("EX-31.2", "officers' certification (SOX 302)"), ("EX-32.1", "officers' certification (SOX 906)"),
    ("EX-21.1", "subsidiaries"), ("EX-23.1", "consent of experts"), ("EX-3.1(i)", "charter or bylaws"),
    ("EX-101.INS", "XBRL data"), ("EX-104", "cover page XBRL"),
    ("EX-6", None), ("EX-1000", None), ("8-K", None), ("10-K", None), ("earnings call", None), (None, None),
])  # fmt: skip
def test_the_kind_is_item_601s_for_its_number_alone(doc_type: str | None, kind: str | None) -> None:
    assert exhibit_kind(doc_type) == kind
