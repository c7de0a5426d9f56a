"""Full-submission .txt (SGML) and -index.html parsing on real EDGAR files."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.sgml import parse_full_submission, parse_index_html, parse_index_items

ADBE_TXT = "ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt"
NVDA_TXT = "NVDA_8-K_2026-03_0001045810-26-000024.txt"


def _read(edgar_fixtures: Path, name: str) -> bytes:
    return (edgar_fixtures / "filings" / name).read_bytes()


def test_adbe_header_fields(edgar_fixtures: Path) -> None:
    header, _ = parse_full_submission(_read(edgar_fixtures, ADBE_TXT))
    assert header["ACCESSION NUMBER"] == "0000796343-23-000044"
    assert header["CONFORMED SUBMISSION TYPE"] == "8-K"
    assert header["FILED AS OF DATE"] == "20230315"
    assert header["CENTRAL INDEX KEY"] == "0000796343"
    assert header["COMPANY CONFORMED NAME"] == "ADOBE INC."
    assert header["ACCEPTANCE-DATETIME"] == "20230315160636"
    assert header["ITEM INFORMATION"] == [
        "Results of Operations and Financial Condition", "Financial Statements and Exhibits"]
    # A repeated key keeps its first value: the business address, not the mail address.
    assert header["STREET 1"] == "345 PARK AVE"


def test_adbe_documents_include_the_press_release(edgar_fixtures: Path) -> None:
    _, docs = parse_full_submission(_read(edgar_fixtures, ADBE_TXT))
    assert [d.sequence for d in docs][:3] == [1, 2, 3]
    ex99 = next(d for d in docs if d.type == "EX-99.1")
    assert (ex99.sequence, ex99.filename, ex99.description) == (2, "adbeex991q123.htm", "EX-99.1")
    assert ex99.body.startswith(b"<!DOCTYPE html")
    assert b"Adobe" in ex99.body and b"</TEXT>" not in ex99.body


def test_xbrl_wrapper_is_removed_and_primary_document_is_byte_exact(edgar_fixtures: Path) -> None:
    for txt, htm in [(ADBE_TXT, "ADBE_8-K_2023-03_adbe-20230315.htm"),
                     (NVDA_TXT, "NVDA_8-K_2026-03_nvda-20260302.htm")]:
        _, docs = parse_full_submission(_read(edgar_fixtures, txt))
        assert docs[0].body == _read(edgar_fixtures, htm)
        assert b"<XBRL>" not in docs[0].body[:100]


def test_nvda_header_items_and_document_list(edgar_fixtures: Path) -> None:
    header, docs = parse_full_submission(_read(edgar_fixtures, NVDA_TXT))
    items = header["ITEM INFORMATION"]
    assert isinstance(items, list) and len(items) == 2
    assert items[0].startswith("Departure of Directors or Certain Officers")
    assert header["COMPANY CONFORMED NAME"] == "NVIDIA CORP"
    assert [(d.type, d.filename) for d in docs[:2]] == [
        ("8-K", "nvda-20260302.htm"), ("EX-10.1", "formxex101xfy27variablecom.htm")]


def test_abvc_lists_four_items(edgar_fixtures: Path) -> None:
    data = _read(edgar_fixtures, "ABVC_8-K_2025-04-15_0001213900-25-032135.txt")
    header, docs = parse_full_submission(data)
    assert len(header["ITEM INFORMATION"]) == 4
    assert next(d for d in docs if d.type == "EX-99.1").description == "PRESS RELEASE"


def test_not_a_submission_raises() -> None:
    with pytest.raises(ParsingError, match="not an EDGAR full-submission"):
        parse_full_submission(b"<html><body>Too Many Requests</body></html>")


def test_truncated_document_raises() -> None:
    with pytest.raises(ParsingError, match="never closed"):
        parse_full_submission(b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html>cut here")


def test_minimal_document_without_header() -> None:
    data = b"<DOCUMENT>\n<TYPE>EX-99.1\n<FILENAME>pr.htm\n<TEXT>\n<p>Hello</p>\n</TEXT>\n</DOCUMENT>\n"
    header, (doc,) = parse_full_submission(data)
    assert header == {}
    assert (doc.type, doc.sequence, doc.filename, doc.description, doc.body) == (
        "EX-99.1", 1, "pr.htm", "", b"<p>Hello</p>\n")


# --- -index.html ------------------------------------------------------------------------------


def test_adbe_index_document_table(edgar_fixtures: Path) -> None:
    rows = parse_index_html(_read(edgar_fixtures, "ADBE_8-K_2023-03_0000796343-23-000044-index.html"))
    folder = "https://www.sec.gov/Archives/edgar/data/796343/000079634323000044"
    assert rows[0] == {"seq": 1, "description": "8-K", "filename": "adbe-20230315.htm", "type": "8-K",
                       "size": 40091, "url": f"{folder}/adbe-20230315.htm", "table": "Document Format Files"}
    assert rows[1]["filename"] == "adbeex991q123.htm" and rows[1]["type"] == "EX-99.1"
    full = next(r for r in rows if r["description"] == "Complete submission text file")
    assert (full["seq"], full["type"], full["filename"]) == (None, "", "0000796343-23-000044.txt")
    assert {r["table"] for r in rows} == {"Document Format Files", "Data Files"}
    assert len(rows) == 9


def test_index_items(edgar_fixtures: Path) -> None:
    adbe = parse_index_items(_read(edgar_fixtures, "ADBE_8-K_2023-03_0000796343-23-000044-index.html"))
    assert adbe == {"2.02": "Results of Operations and Financial Condition",
                    "9.01": "Financial Statements and Exhibits"}
    nvda = parse_index_items(_read(edgar_fixtures, "NVDA_8-K_2026-03_0001045810-26-000024-index.html"))
    assert list(nvda) == ["5.02", "9.01"]


def test_nvda_index_document_table(edgar_fixtures: Path) -> None:
    rows = parse_index_html(_read(edgar_fixtures, "NVDA_8-K_2026-03_0001045810-26-000024-index.html"))
    assert [(r["seq"], r["type"]) for r in rows[:2]] == [(1, "8-K"), (2, "EX-10.1")]
    assert rows[1]["filename"] == "formxex101xfy27variablecom.htm"


def test_page_without_document_table_raises() -> None:
    with pytest.raises(ParsingError, match="no document table"):
        parse_index_html(b"<html><body><p>Not an index</p></body></html>")
    assert parse_index_items(b"<html><body><p>no items</p></body></html>") == {}
