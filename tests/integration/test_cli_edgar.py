"""`watchdesk edgar sections | items | text` on the real filings in the fixtures, and on bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.sgml import parse_full_submission, parse_index_items

TEN_K = "NVDA_10-K_FY2025_filed-2025-02-26.html"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["edgar", *map(str, args)])


def run_json(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def filing(edgar_fixtures: Path, name: str) -> Path:
    path = edgar_fixtures / "filings" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the fixtures")
    return path


def as_full_submission(tmp_path: Path, document: Path, *, form: str) -> Path:
    """The document wrapped as EDGAR's full-submission .txt wraps a primary document."""
    sgml = b"".join([
        b"<SEC-DOCUMENT>0000000000-25-000001.txt : 20250101\n<SEC-HEADER>0000000000-25-000001.hdr.sgml\n",
        f"CONFORMED SUBMISSION TYPE:\t{form}\n</SEC-HEADER>\n".encode(),
        f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>{document.name}\n<TEXT>\n".encode(),
        document.read_bytes(), b"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
    ])  # fmt: skip
    path = tmp_path / "0000000000-25-000001.txt"
    path.write_bytes(sgml)
    return path


@pytest.mark.parametrize(
    ("name", "form", "must_have"),
    [
        ("AAPL_10-K_FY2024_filed-2024-11-01.html", "10-K", ["1", "1A", "1C", "7", "7A", "8"]),
        (TEN_K, "10-K", ["1", "1A", "1C", "7", "7A", "8"]),
        ("AAPL_10-Q_Q3FY2025_filed-2025-08-01.html", "10-Q", ["I-2", "I-3", "II-1A"]),
        ("NVDA_10-Q_Q2FY2026_filed-2025-08-27.html", "10-Q", ["I-2", "I-3", "II-1A"]),
        ("PlymouthRock_20-F_0001062993-21-003193.html", "20-F", ["3.D", "4", "5"]),
    ],
)
def test_sections_detects_the_form_and_finds_the_issue_sections(
    edgar_fixtures: Path, name: str, form: str, must_have: list[str]
) -> None:
    path = filing(edgar_fixtures, name)
    sections = run_json("sections", path)
    assert set(must_have) <= {s["item"] for s in sections}
    assert sections == run_json("sections", path, "--form", form)
    text = run("text", path).stdout.removesuffix("\n")
    for section in sections:
        assert set(section) == {"item", "title", "start", "end", "text"}
        assert text[section["start"] : section["end"]] == section["text"], "offsets are into `edgar text`"
    assert [s["end"] for s in sections[:-1]] == [s["start"] for s in sections[1:]]


def test_sections_of_a_full_submission_use_its_primary_document(edgar_fixtures: Path, tmp_path: Path) -> None:
    html = filing(edgar_fixtures, TEN_K)
    assert run_json("sections", as_full_submission(tmp_path, html, form="10-K")) == run_json("sections", html)


@pytest.mark.parametrize(
    ("name", "index"),
    [
        ("ADBE_8-K_2023-03_adbe-20230315.htm", "ADBE_8-K_2023-03_0000796343-23-000044-index.html"),
        ("ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt", "ADBE_8-K_2023-03_0000796343-23-000044-index.html"),
        ("NVDA_8-K_2026-03_nvda-20260302.htm", "NVDA_8-K_2026-03_0001045810-26-000024-index.html"),
        ("NVDA_8-K_2026-03_0001045810-26-000024.txt", "NVDA_8-K_2026-03_0001045810-26-000024-index.html"),
    ],
)
def test_items_match_the_filing_index(edgar_fixtures: Path, name: str, index: str) -> None:
    indexed = parse_index_items(filing(edgar_fixtures, index).read_bytes())
    items = run_json("items", filing(edgar_fixtures, name))
    assert items == [{"item": number, "title": title} for number, title in indexed.items()]


def test_items_match_the_sgml_header(edgar_fixtures: Path) -> None:
    path = filing(edgar_fixtures, "ABVC_8-K_2025-04-15_0001213900-25-032135.txt")
    header, _ = parse_full_submission(path.read_bytes())
    items = run_json("items", path)
    assert [i["item"] for i in items] == ["2.02", "4.02", "7.01", "9.01"]
    assert [i["title"] for i in items] == header["ITEM INFORMATION"]


def test_items_of_buckle_8k_and_philips_6k(edgar_fixtures: Path) -> None:
    assert [i["item"] for i in run_json("items", filing(edgar_fixtures, "BKE_8-K.html"))] == ["2.02", "9.01"]
    assert run_json("items", filing(edgar_fixtures, "PHILIPS_6-K_2023-01-30_phg-20230130.html")) == [
        {"item": "1", "title": "Philips presents its plan to create value with sustainable impact"}
    ]


def test_text_keeps_or_drops_tables(edgar_fixtures: Path) -> None:
    path = filing(edgar_fixtures, TEN_K)
    kept, dropped = run("text", path).stdout, run("text", path, "--tables", "drop").stdout
    assert "Item 1A. Risk Factors\n" in kept and "Item 1A. Risk Factors\n" in dropped
    assert "<" not in kept[:1000] and len(dropped) < len(kept)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    for command in ("sections", "items", "text"):
        result = run(command, tmp_path / "nope.htm")
        assert result.exit_code == EXIT_CONFIG
        assert "nope.htm: no such file" in result.stderr


def test_truncated_full_submission_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(b"<SEC-DOCUMENT>x.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n"
                     b"<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n<html><body><p>Item 1. Business</p>")  # fmt: skip
    result = run("sections", path)
    assert result.exit_code == EXIT_CONFIG and "never closed" in result.stderr


def test_unknown_form_asks_for_form(tmp_path: Path) -> None:
    path = tmp_path / "letter.htm"
    path.write_text("<html><body><p>Dear shareholders, thank you.</p></body></html>")
    result = run("sections", path)  # no SEC marker: said to be no filing, not sent to --form (session 38)
    assert result.exit_code == EXIT_CONFIG and "does not look like an SEC filing" in result.stderr
    forced = run("sections", path, "--form", "10-K")  # issue 13: it printed [] and exited 0
    assert forced.exit_code == EXIT_CONFIG and "no 10-K items found" in forced.stderr


def test_wrong_command_for_the_form_says_which_to_use(edgar_fixtures: Path) -> None:
    sections_of_8k = run("sections", filing(edgar_fixtures, "BKE_8-K.html"))
    assert sections_of_8k.exit_code == EXIT_CONFIG and "items" in sections_of_8k.stderr
    items_of_10k = run("items", filing(edgar_fixtures, TEN_K))
    assert items_of_10k.exit_code == EXIT_CONFIG and "sections" in items_of_10k.stderr


@pytest.mark.parametrize("command", ["sections", "items", "text"])
def test_help_has_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"watchdesk edgar {command}" in result.output


def test_sections_refuses_an_8k_passed_as_a_10k(edgar_fixtures: Path) -> None:
    """A review: `edgar sections ADBE-8-K.txt --form 10-K` printed the 8-K's items '2' and '9' as 10-K items."""
    path = edgar_fixtures / "filings" / "ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt"
    if not path.exists():
        pytest.skip("the Adobe 8-K is not in the fixtures")
    result = CliRunner().invoke(cli, ["edgar", "sections", str(path), "--form", "10-K"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "is an 8-K (its SGML header says so), not a 10-K: read its items with `watchdesk edgar items" in \
        result.stderr


@pytest.mark.parametrize("command", ["text", "items"])
def test_text_and_items_refuse_an_empty_file_or_one_that_is_no_filing(command: str, tmp_path: Path) -> None:
    """A review: `edgar items empty.txt` printed [] and `edgar text TEL_q3_2021.json` the raw JSON, both exit 0."""
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    call = tmp_path / "call.json"
    call.write_text('{"prepared_remarks": [{"speaker": "Operator", "speech": "Welcome to the call."}]}')
    for path, said in ((empty, "is empty"), (call, "is JSON, not a filing" if command == "text" else
                                              "does not look like an SEC filing")):
        result = CliRunner().invoke(cli, ["edgar", command, str(path)])
        assert result.exit_code == EXIT_CONFIG and said in result.stderr and result.stdout == "", result.output
