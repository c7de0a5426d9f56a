"""reading.py looks each needed text up once per sentence (_ALL_NEEDS) and answers every relation's test from that
set: the same answers as each relation's own test (_holds), on real calls and a 10-K."""

from __future__ import annotations

import re
from pathlib import Path

from watchdesk.agents.flagging import reading
from watchdesk.sources.html_text import html_to_text


def test_needs_looked_up_once_answer_as_each_relation_does(shared_fixtures: Path) -> None:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))[:8]
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    text = " ".join(p.read_text(encoding="utf-8") for p in calls) + html_to_text(filing.read_bytes())
    held = 0
    for sentence in re.split(r"(?<=[.!?])\s+", text.lower()):
        present = frozenset(n for n in reading._ALL_NEEDS if n in sentence)
        for parts in reading._PARTS.values():
            assert reading._held(present, parts) == reading._holds(sentence, parts)
            held += reading._holds(sentence, parts)
    assert held > 100
