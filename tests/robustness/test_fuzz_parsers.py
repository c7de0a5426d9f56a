"""Property-based fuzzing (Hypothesis) of every parser and the watchlist loader (issue 13, acceptance 1).

Each one, given any bytes or text, returns a value or raises watchdesk's own error (ParsingError,
ConfigError): never a RecursionError, UnicodeDecodeError, IndexError or any other surprise that
would reach the user as a traceback. Inputs mix noise with fragments of the real formats (SGML
tags, HTML blocks, item headings, speaker labels, JSON, TOML) so the parsers get past their first
checks. Example counts are kept small so the suite stays a few seconds per parser.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.robustness.inputs import assert_clean, invoke
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.sentences import MAX_SENTENCE, split_sentences
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.graph.watchlist import load_watchlist, parse_watchlist
from watchdesk.sources import edgar_parse, filing_items, sgml
from watchdesk.sources.errors import WatchdeskError
from watchdesk.sources.html_text import html_to_text, title_of
from watchdesk.sources.sections import detect_form, extract_sections
from watchdesk.sources.transcript_sources import feed_entries
from watchdesk.sources.transcripts import parse_transcript

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "<SEC-DOCUMENT>", "<SEC-HEADER>", "</SEC-HEADER>", "CONFORMED SUBMISSION TYPE:\t10-K\n", "ITEM INFORMATION:\t",
    "<DOCUMENT>", "</DOCUMENT>", "<TYPE>10-K\n", "<TYPE>EX-99.1\n", "<FILENAME>a.htm\n", "<TEXT>", "</TEXT>",
    "<XBRL>", "<html>", "<body>", "</body>", "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<table>", "<tr>",
    "<td>", "</td>", "</tr>", "</table>", "<br>", "<i>", "<!--", "-->", "<![CDATA[", "&amp;", "&#x0;",
    "Item 1A. Risk Factors\n", "Item 7. Management's Discussion\n", "PART I\n", "PART II\n", "Item 2.02 ",
    "FORM 10-K", "FORM 20-F", "Operator:", "Jensen Huang -- CEO:", "Question-and-Answer Session\n", "\n\n",
    "Inventory rose as supply tightened. ", "Export controls on China weighed on sales, ", "{", "}", "[", "]",
    '"statements":', '"speaker":', '"text":', '"cik_str":', '"ticker":', '"filings":', ",", ":", "\x00", "\ufeff",
    "\u202e", "é", "\r\n", "   ", ".", "?", "•",
]  # fmt: skip
TOML_FRAGMENTS = [
    "[[tickers]]\n", 'symbol = "NVDA"\n', 'symbol = ""\n', "cik = 1045810\n", "cik = -1\n",
    'sources = ["transcripts"]\n',
    "[[tickers.transcripts]]\n", 'kind = "folder"\n', 'kind = "url"\n', 'url = "https://x.example/a"\n',
    "[topics]\n", 'watch = ["inventory"]\n', 'watch = ["inventroy"]\n', "[filings]\n", 'since = "2025-01-01"\n',
    "lookback_days = -5\n", "limit_per_form = 0\n", "[policy]\n", 'approval = "first:0"\n', 'approval = "x"\n',
    "[[delivery]]\n", 'kind = "email"\n', 'to = ["a@b.c"]\n', "[schedule]\n", 'time = "25:99"\n', "=", "[", "]",
    '"', "\n", "\x00", "é",
]  # fmt: skip


def documents(fragments: list[str] = FRAGMENTS) -> st.SearchStrategy[str]:
    """Text made of format fragments and arbitrary characters, up to a few KB."""
    piece = st.sampled_from(fragments) | st.text(max_size=40)
    return st.lists(piece, max_size=60).map("".join)


def blobs() -> st.SearchStrategy[bytes]:
    """Raw bytes: encoded fragments (UTF-8, UTF-16, cp1252) or plain noise."""
    encoded = st.tuples(documents(), st.sampled_from(["utf-8", "utf-16", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    )
    return encoded | st.binary(max_size=4096)


def only_our_errors(parse: Callable[[], Any]) -> Any:
    """Call `parse`: a value, or watchdesk's own error, never anything else."""
    try:
        return parse()
    except WatchdeskError:
        return None


@FUZZ
@given(data=blobs(), tables=st.sampled_from(["keep", "drop"]))
def test_html_text(data: bytes, tables: Any) -> None:
    text = only_our_errors(lambda: html_to_text(data, tables=tables))
    assert text is None or isinstance(text, str)
    only_our_errors(lambda: title_of(data))


@FUZZ
@given(data=blobs())
def test_sgml(data: bytes) -> None:
    only_our_errors(lambda: sgml.parse_full_submission(data))
    only_our_errors(lambda: sgml.parse_index_html(data))
    only_our_errors(lambda: sgml.parse_index_items(data))


@FUZZ
@given(data=blobs())
def test_filing_items(data: bytes) -> None:
    split = only_our_errors(lambda: filing_items.split_submission(data))
    if split is not None:
        primary, header, _ = split
        only_our_errors(lambda: filing_items.document_text(primary))
        only_our_errors(lambda: filing_items.extract_items(primary, header=header))
    only_our_errors(lambda: filing_items.extract_items(data.decode("utf-8", errors="replace")))


@FUZZ
@given(data=blobs())
def test_edgar_json(data: bytes) -> None:
    only_our_errors(lambda: edgar_parse.parse_ticker_map(data))
    only_our_errors(lambda: edgar_parse.parse_submissions(data, cik=1045810))


@FUZZ
@given(text=documents(), form=st.sampled_from(["10-K", "10-Q", "20-F"]))
def test_sections(text: str, form: str) -> None:
    only_our_errors(lambda: detect_form(text))
    found = only_our_errors(lambda: extract_sections(text, form=form)) or []
    assert all(0 <= s.start <= s.end <= len(text) for s in found)


@FUZZ
@given(data=blobs(), fmt=st.sampled_from(["auto", "html", "text", "json"]))
def test_transcript_parsers(data: bytes, fmt: Any) -> None:
    only_our_errors(lambda: parse_transcript(data, format=fmt, origin="fuzz.txt"))
    only_our_errors(lambda: parse_transcript(data * 40, format=fmt, origin="fuzz.txt"))  # past the size check


@settings(max_examples=25, deadline=None, derandomize=True)
@given(data=st.binary(max_size=2048).map(lambda b: b"%PDF-1.4\n" + b))
def test_pdf_transcripts(data: bytes) -> None:
    only_our_errors(lambda: parse_transcript(data * 2, format="pdf", origin="fuzz.pdf"))


@FUZZ
@given(data=blobs())
def test_feeds(data: bytes) -> None:
    only_our_errors(lambda: feed_entries(data, pattern=re.compile("call", re.I)))


@FUZZ
@given(text=documents())
def test_sentence_splitter(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) and b - a <= MAX_SENTENCE for a, b in spans)
    assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))


@settings(max_examples=30, deadline=None, derandomize=True)
@given(text=documents())
def test_flagging(text: str) -> None:
    for flag in flag_text(text, topics=load_topics()):
        assert text[flag.start : flag.end] == flag.sentence
        assert -1.0 <= flag.score <= 1.0


@settings(max_examples=40, deadline=None, derandomize=True)
@given(data=st.lists(st.sampled_from([b'{"id": 1, "text": "Sales rose."}', b"{}", b'{"text": 5}', b"\xff\xfe",
                                      b"[1]", b"null"]) | st.binary(max_size=60), max_size=8)
       .map(lambda lines: b"\n".join(lines)))  # fmt: skip
def test_sentiment_input(data: bytes) -> None:
    result = invoke(["sentiment"], stdin=data)
    assert result.exit_code in (0, 2)


@FUZZ
@given(text=documents(TOML_FRAGMENTS))
def test_watchlist_text(text: str) -> None:
    only_our_errors(lambda: parse_watchlist(text, origin="fuzz.toml"))


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("watchlists") / "w.toml"


@settings(
    max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=blobs() | documents(TOML_FRAGMENTS).map(str.encode))
def test_watchlist_file_through_the_cli(data: bytes, scratch: Path) -> None:
    scratch.write_bytes(data)
    only_our_errors(lambda: load_watchlist(scratch))
    result = invoke(["run", scratch, "--dry-run"])
    assert_clean(result)
    assert result.exit_code in (0, 2)
