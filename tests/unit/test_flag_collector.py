"""flag_text pauses the cyclic garbage collector on a long text (issue 13, item 13): the same flags, and the
collector as it was afterwards."""

from __future__ import annotations

import gc
from pathlib import Path

from watchdesk.agents.flagging.flag import LONG_TEXT, _collector_paused, flag_text
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text


def collecting(text: str) -> bool:
    return gc.isenabled()


def test_the_collector_is_paused_for_a_long_text_only_and_restored() -> None:
    probe = _collector_paused(collecting)
    assert probe("x" * LONG_TEXT) is False and gc.isenabled()
    assert probe("short") is True
    gc.disable()
    try:
        assert probe("x" * LONG_TEXT) is False
        assert not gc.isenabled()  # paused by someone else: left paused
    finally:
        gc.enable()


def test_a_long_filing_flags_the_same_with_the_collector_paused(shared_fixtures: Path) -> None:
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = html_to_text(filing.read_bytes())[:300_000]
    library = load_topics()
    paused = flag_text(text, topics=library)
    assert gc.isenabled()
    assert paused == flag_text.__wrapped__(text, topics=library) and len(paused) > 50  # type: ignore[attr-defined]
