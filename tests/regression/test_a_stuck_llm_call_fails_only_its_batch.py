"""A review (2026-12): one LLM judge call that hung past its timeout made every later batch of the document time out
too: the judge asked through a pool of one worker, and the stuck call kept it, so the next batches queued behind it
and fell back unasked. The error also read "no answer within 0 s" for a timeout under a second. Now a batch after a
timeout is asked on a fresh worker, and the timeout is said as set ("no answer within 0.5 s")."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.llm_judge import refine


def supply_sentences(shared_fixtures: Path, n: int = 25) -> list[str]:
    """Sentences of a real call that speak of supply."""
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt").read_text(encoding="utf-8")
    found = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if "supply" in s.lower() and 20 < len(s) < 400]
    return found[:n]


def test_one_stuck_call_does_not_fail_later_batches(shared_fixtures: Path) -> None:
    sentences = supply_sentences(shared_fixtures)
    assert len(sentences) >= 21
    flags = [Flag("supply_chain", "negative", -0.5, s, i * 500, i * 500 + len(s)) for i, s in enumerate(sentences)]
    release = threading.Event()
    calls: list[dict[str, Any]] = []

    def ask(request: dict[str, Any]) -> tuple[dict[str, Any], dict[str, int]]:
        calls.append(request)
        if len(calls) == 1:
            release.wait(5)  # the first batch hangs until the test ends
        ids = [m["id"] for m in request["mentions"]]
        return {"verdicts": [{"id": i, "polarity": "neutral", "score": 0.0, "reason": "r", "about_topic": True}
                             for i in ids]}, {}  # fmt: skip

    try:
        # 0.5 s: the second batch's answer comes on a new worker thread, which a loaded machine (or a container's CPU
        # quota, spent for the rest of its 100 ms period) may not run within 0.1 s; still under a second, as the
        # message's wording is about
        result = refine(flags, ask=ask, batch=20, timeout=0.5)
    finally:
        release.set()
    # only the first batch (20 flags) falls back; the second (the other 5) is answered
    assert result.errors == ["no answer within 0.5 s"], result.errors
    assert result.fallbacks == 20
    assert result.usage["llm_requests"] == 1
    assert [f.polarity for f in result.flags[20:]] == ["neutral"] * (len(sentences) - 20)
