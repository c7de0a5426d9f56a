"""A security review (session 24): WATCHDESK_LLM_RECORD wrote a failed call's error whole into llm-judge.jsonl, so
a client that names its URL (Google's ?key=), echoes its request headers (Authorization: Bearer ...) or quotes the
key it was given (sk-...) left the secret on disk, in a file made to be shared and checked in; and an error carrying
a whole response body made one line of any size. The recorded error is now redacted as the audit table is, and cut
to a bounded length; a replay of it still fails the same way."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from watchdesk.agents.flagging.llm_record import MAX_ERROR_CHARS, RECORD_FILE, RecordedError, Recorder, Replay

KEY = "AIzaS3cr3tK3yAIzaS3cr3tK3y00"
BEARER = "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.s1gn4tur3"
OPENAI = "sk-proj-Zx9S3cr3tS3cr3tS3cr3tS3cr3t"


def _failing(_request: dict[str, Any]) -> Any:
    raise RuntimeError(
        f"400 Client Error for url: https://generativelanguage.googleapis.com/v1beta/models/m:generateContent?key={KEY}"
        f" (request headers: {{'Authorization': 'Bearer {BEARER}'}}); Incorrect API key provided: {OPENAI}; body: "
        + "x" * 50_000
    )


def test_a_failed_call_is_recorded_without_its_secrets_and_bounded(tmp_path: Path) -> None:
    recorder = Recorder(_failing, tmp_path)
    with pytest.raises(RuntimeError):
        recorder({"schema": "watchdesk-judge/1", "mentions": []})
    written = (tmp_path / RECORD_FILE).read_text(encoding="utf-8")
    for secret in (KEY, BEARER, OPENAI):
        assert secret not in written
    error = json.loads(written)["error"]
    assert error.startswith("RuntimeError: 400 Client Error for url: https://generativelanguage.googleapis.com/")
    assert "key=REDACTED" in error and "Bearer REDACTED" in error
    assert len(error) <= MAX_ERROR_CHARS
    with pytest.raises(RecordedError, match="400 Client Error"):  # replayed, it fails as it did
        Replay(tmp_path)({"schema": "watchdesk-judge/1", "mentions": []})
