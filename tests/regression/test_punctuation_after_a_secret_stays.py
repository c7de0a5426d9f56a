"""Punctuation that ends a sentence after a URL is the sentence's, not the secret's: redacting a key at a URL's end
kept "apikey=REDACTED" and dropped the colon, full stop or bracket written after it, so a message read
"...apikey=REDACTED could not connect" and a second redaction of an already printed line changed it again."""

from __future__ import annotations

import pytest

from watchdesk.sources.redact import REDACTED, redact_text

URL = "https://financialmodelingprep.com/api/v3/earning_call_transcript/NVDA?apikey=s3cr3t"


@pytest.mark.parametrize("after", [": could not connect", ".", ", then", "; retry", ")", "]:", "!", "?"])
def test_punctuation_after_a_url_with_a_key_is_kept(after: str) -> None:
    text = f"tried ({URL}{after}" if after.startswith(")") else f"tried {URL}{after}"
    once = redact_text(text)
    assert "s3cr3t" not in once
    assert once.endswith(f"apikey={REDACTED}{after}")
    assert redact_text(once) == once


def test_a_secret_is_still_redacted_whole() -> None:
    assert redact_text(f"{URL}&x=1") == f"{URL.replace('s3cr3t', REDACTED)}&x=1"
    assert redact_text("https://h.example/?token=a.b.c-d") == f"https://h.example/?token={REDACTED}"
