"""20-F sections of ASML's annual report, which maps Form 20-F items to its own sections in a reference
table instead of item headings (real excerpts of asml-20251231.htm)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.html_text import html_to_text
from watchdesk.sources.sections_xref import reference_table_sections

TABLE = "filings/ASML_20-F_FY2025_reference-table_excerpt.htm"
COVER = "filings/ASML_20-F_FY2025_excerpt_asml-20251231.htm"


def test_sections_named_by_the_table_are_cut_at_their_anchors(edgar_fixtures: Path) -> None:
    raw = (edgar_fixtures / TABLE).read_bytes()
    found = reference_table_sections(raw)
    text = html_to_text(raw)
    by_item = {(s.item, s.title): s for s in found.sections}
    risk = by_item[("3.D", "Risk Factors [Risk – Risk factors]")]
    assert risk.text.startswith("The risk factors outlined in this section are categorized into the following types")
    assert by_item[("4.B", "Business Overview [At a glance]")].text.startswith("ASML has been helping microchip")
    note = by_item[("4.D", "Property, Plant and Equipment [Note 13 Property, plant and equipment, net]")]
    assert note.text == "13. Property, plant and equipment, net"  # ends where the table starts
    assert all(text[s.start : s.end] == s.text for s in found.sections)
    assert [e.item for e in found.not_applicable] == ["1", "2"] and found.absent == []


def test_cli_prints_the_sections_and_says_what_the_file_lacks(edgar_fixtures: Path) -> None:
    result = CliRunner().invoke(cli, ["edgar", "sections", str(edgar_fixtures / TABLE)])
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)
    assert {s["item"] for s in sections} == {"3.D", "4", "4.B", "4.D"}
    text = CliRunner().invoke(cli, ["edgar", "text", str(edgar_fixtures / TABLE)]).stdout.rstrip("\n")
    assert all(text[s["start"] : s["end"]] == s["text"] for s in sections)
    assert "not applicable, as the table says: items 1, 2" in result.stderr
    assert "names no location for items 4A Unresolved Staff Comments; 5 Operating and Financial Review" in result.stderr


def test_a_location_the_file_lacks_is_named(edgar_fixtures: Path) -> None:
    raw = (edgar_fixtures / TABLE).read_text(encoding="utf-8")
    cut = raw.replace('id="i1edf02a2dc3144cf83a1843d2038ab4e_853"', 'id="elsewhere"')  # Note 13 not in this file
    found = reference_table_sections(cut)
    assert [(e.item, e.location) for e in found.absent] == [("4.D", "Note 13 Property, plant and equipment, net")]


def test_an_excerpt_with_neither_headings_nor_table_says_so(edgar_fixtures: Path) -> None:
    result = CliRunner().invoke(cli, ["edgar", "sections", str(edgar_fixtures / COVER)])
    assert result.exit_code == 2, result.output  # the README's scheme: a file that cannot be parsed is bad input
    assert result.stdout == ""
    assert "no 20-F item headings and no Form 20-F cross-reference table" in result.stderr


def test_a_stretch_cited_under_several_items_is_labelled_once_risk_factors_first(edgar_fixtures: Path) -> None:
    """The table cites the risk factors under 3.D, 4.B and 4.D: a finding there is labelled 3.D, in the pipeline
    (agents/filings.py) and in `watchdesk flag` alike, so the risk-factor reading applies to it (risk_reading.py).
    Before, the pipeline's span lookup took the last of the three (4.D) and `watchdesk flag` used no table at all."""
    from datetime import UTC, datetime

    from watchdesk.agents.filing_spans import with_spans
    from watchdesk.agents.flagging.agent import SpanIndex
    from watchdesk.agents.flagging.document import _items
    from watchdesk.agents.flagging.flag import Flag
    from watchdesk.store.records import DocumentRecord

    raw = (edgar_fixtures / TABLE).read_bytes()
    text = html_to_text(raw)
    labels = reference_table_sections(raw).labels()
    assert [(s.item, s.start) for s in labels] == [("3.D", 0), ("4", 153), ("4.D", 299)]
    parts = _items(text, "20-F", {}, raw)  # watchdesk flag
    record = DocumentRecord(url="https://example.test/asml", source="edgar", text=text, fetched_at=datetime.now(UTC),
                            doc_type="20-F")  # fmt: skip
    index = SpanIndex(with_spans(record, html=raw)[1])  # the pipeline
    assert parts[0].section == index.label(10)[0] == "3.D Risk Factors [Risk – Risk factors]"
    flag = Flag("supply_chain", "neutral", 0.0, "Our supply chain may be disrupted.", 10, 44)
    assert index.read_by_filings([flag])[0].polarity == "negative"


def test_watchdesk_flag_reads_a_table_excerpt_with_no_cover_page_as_a_20f(edgar_fixtures: Path) -> None:
    """The reference-table excerpt has inline XBRL but no cover page: `watchdesk flag` took it for a transcript page
    and failed ("transcript too short"); it is a filing now, its form taken from the table, its sections the table's."""
    from watchdesk.agents.flagging.document import load_document

    document = load_document((edgar_fixtures / TABLE).read_bytes())
    assert (document.kind, document.form) == ("filing", "20-F")
    assert [p.section.split(" ", 1)[0] for p in document.parts if p.section] == ["3.D", "4", "4.D"]
    result = CliRunner().invoke(cli, ["flag", str(edgar_fixtures / TABLE)])
    assert result.exit_code == 0, result.output
