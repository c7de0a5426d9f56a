"""Every bad input named in issue 13, through the real CLI: a clear message, the README's exit code.

Exit codes: 2 bad input (a file that is empty, binary, truncated or not what the command reads), 3 the
database is in use, 1 anything else. Before the fixes: nested HTML printed a RecursionError traceback,
binary garbage exited 0 as a "transcript", UTF-16 became one mojibake statement, random bytes on
stdin to `sentiment` printed a UnicodeDecodeError, an empty transcript and a malformed sentiment
line exited 1, and `edgar sections --form 10-K` on a letter printed [] with exit 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.robustness.inputs import HTML_CALL, PLAIN_CALL, invoke, nested_html, nested_page, random_bytes

BAD_INPUT = 2


@pytest.fixture()
def noise(tmp_path: Path) -> Path:
    path = tmp_path / "NVDA_2026_Q1.txt"
    path.write_bytes(random_bytes())
    return path


@pytest.mark.parametrize(
    "command",
    [["flag"], ["transcript", "parse"], ["edgar", "text"], ["edgar", "sections"], ["edgar", "items"]],
)
def test_binary_garbage_is_refused_as_bad_input(command: list[str], noise: Path) -> None:
    result = invoke([*command, noise], size=noise.stat().st_size)
    assert result.exit_code == BAD_INPUT
    assert "binary data, not text" in result.stderr and noise.name in result.stderr


@pytest.mark.parametrize("command", [["flag"], ["transcript", "parse"]])
def test_a_few_binary_bytes_are_binary_not_a_truncated_call(command: list[str], tmp_path: Path) -> None:
    head = tmp_path / "head.bin"
    head.write_bytes(b"\x7fELF\x02\x01\x01\x00")  # the first 8 bytes of a program: said "transcript too short"
    result = invoke([*command, head])
    assert result.exit_code == BAD_INPUT
    assert "head.bin: binary data, not text" in result.stderr and "too short" not in result.stderr


def test_random_bytes_on_stdin_to_sentiment_name_the_line() -> None:
    result = invoke(["sentiment"], stdin=random_bytes(100_000), size=100_000)
    assert result.exit_code == BAD_INPUT and "not UTF-8 text" in result.stderr and "line " in result.stderr


def test_malformed_sentiment_line_is_bad_input() -> None:
    result = invoke(["sentiment"], stdin=b'{"id": 1, "text": "Sales rose."}\nnot json\n')
    assert result.exit_code == BAD_INPUT and "line 2" in result.stderr


def test_sentiment_tolerates_a_utf8_byte_order_mark() -> None:
    result = invoke(["sentiment"], stdin=b'\xef\xbb\xbf{"id": 1, "text": "Sales rose."}\n')
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == 1


@pytest.mark.parametrize("command", [["flag"], ["transcript", "parse"]])
def test_empty_transcript_is_bad_input(command: list[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke([*command, empty])
    assert result.exit_code == BAD_INPUT and "empty.txt: transcript is empty" in result.stderr


def test_sections_of_a_non_filing_is_bad_input(tmp_path: Path) -> None:
    letter = tmp_path / "letter.htm"
    letter.write_text("<html><body><p>Dear shareholders, thank you for a fine year.</p></body></html>")
    result = invoke(["edgar", "sections", "--form", "10-K", letter])
    assert result.exit_code == BAD_INPUT and "no 10-K items found" in result.stderr


@pytest.mark.parametrize("command", [["flag"], ["transcript", "parse"], ["edgar", "text"]])
def test_a_thousand_nested_divs_without_content_are_no_traceback(command: list[str], tmp_path: Path) -> None:
    page = tmp_path / "nested.html"
    page.write_bytes(nested_html("<p>Operator: Good day.</p>"))
    result = invoke([*command, page])
    assert result.exit_code in (0, BAD_INPUT)  # edgar text prints the one line; the others: too short a call


@pytest.mark.fixtures
def test_a_real_call_nested_a_thousand_deep_reads_as_the_call(shared_fixtures: Path, tmp_path: Path) -> None:
    original = (shared_fixtures / HTML_CALL).read_bytes()
    nested = tmp_path / "nested.html"
    nested.write_bytes(nested_page(original))
    for command in (["transcript", "parse"], ["flag"], ["edgar", "text"]):
        plain = invoke([*command, shared_fixtures / HTML_CALL], size=len(original))
        deep = invoke([*command, nested], size=nested.stat().st_size)
        assert deep.exit_code == plain.exit_code == 0
        assert deep.stdout == plain.stdout


def test_nesting_past_the_html_parsers_limit_is_a_clear_error(tmp_path: Path) -> None:
    page = tmp_path / "deep.htm"
    page.write_bytes(nested_html("<p>Item 1A. Risk Factors</p>", depth=5000))
    result = invoke(["edgar", "text", page])
    assert result.exit_code == BAD_INPUT and "nested too deeply" in result.stderr


@pytest.mark.fixtures
def test_a_utf16_transcript_parses_like_its_utf8_original(shared_fixtures: Path, tmp_path: Path) -> None:
    text = (shared_fixtures / PLAIN_CALL).read_text(encoding="utf-8")
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"AMD_2024_Q1.{codec}.txt"
        bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
        path.write_bytes(bom + text.encode(codec))
        decoded = invoke(["transcript", "parse", path], size=path.stat().st_size)
        original = invoke(["transcript", "parse", shared_fixtures / PLAIN_CALL])
        assert decoded.exit_code == 0
        assert json.loads(decoded.stdout)["statements"] == json.loads(original.stdout)["statements"]


@pytest.mark.fixtures
def test_a_filing_page_cut_short_is_refused(shared_fixtures: Path, tmp_path: Path) -> None:
    """A review: the first 1 MB of NVIDIA's 10-K flagged, printed and split with exit 0, Items 15-16 missing."""
    cut = tmp_path / "cut.html"
    cut.write_bytes((shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html").read_bytes()[
        :1_000_000])
    for command in (["flag"], ["edgar", "text"], ["edgar", "sections"]):
        result = invoke([*command, cut])
        assert result.exit_code == BAD_INPUT, (command, result.output[-300:])
        assert "opens <html> but never closes it; the file looks truncated" in result.stderr


def test_small_cli_inputs_a_review_found_loose(tmp_path: Path) -> None:
    """A review (session 21): `flag --format pdf` on a text file printed pypdf's noise first; `runs` on a file that
    is no database exited 1; `transcript parse --fiscal-period banana` was taken as the period."""
    text = tmp_path / "call.txt"
    text.write_text("Operator: Welcome to the call. " * 200)
    pdf = invoke(["flag", "--format", "pdf", text])
    assert pdf.exit_code == BAD_INPUT and pdf.stderr.startswith("error: ") and "not a PDF" in pdf.stderr
    notdb = tmp_path / "x.duckdb"
    notdb.write_text("not a database")
    runs = invoke(["runs", "--db", notdb])
    assert runs.exit_code == BAD_INPUT and "is not a DuckDB database" in runs.stderr
    period = invoke(["transcript", "parse", text, "--fiscal-period", "banana"])
    assert period.exit_code == BAD_INPUT and "is not a fiscal period like 2026-Q1" in period.output
