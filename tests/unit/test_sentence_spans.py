"""sentences._emit trims a sentence's span with str.strip(), where the regex _CONTENT once did: the same spans."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from watchdesk.agents.flagging import sentences
from watchdesk.agents.flagging.sentences import _CONTENT, split_sentences
from watchdesk.sources.html_text import html_to_text


def test_strip_and_the_regex_engine_agree_on_every_whitespace_character() -> None:
    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (space.match(ch) is not None) == (ch.strip() == ""), hex(code)


def _regex_spans(text: str) -> list[tuple[int, int]]:
    """split_sentences() with _emit's former regex trim."""
    original = sentences._emit

    def emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        if end - start > sentences.MAX_SENTENCE:
            original(text, start, end, spans)
            return
        content = _CONTENT.search(text, start, end)
        if content is not None:
            a, b = content.span()
            if text[a].isalnum() or re.search(r"\w", text[a:b]):
                spans.append((a, b))

    sentences._emit = emit
    try:
        return split_sentences(text)
    finally:
        sentences._emit = original


def test_spans_equal_the_regex_trim_on_a_10k_and_odd_text(shared_fixtures: Path) -> None:
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    odd = "\u3000Supply is tight.\u00a0\u2028 It eased!\x1c\x1d Fine.\u200b \n\n\t- bullet\r\n(a) item\u0085 " * 3
    for text in (html_to_text(filing.read_bytes()), odd, "", "   ", "x" * 7000):
        assert split_sentences(text) == _regex_spans(text)
