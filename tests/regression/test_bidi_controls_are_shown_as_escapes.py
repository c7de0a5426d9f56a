"""A security review (Trojan Source): a fetched link or title holding a right-to-left override (U+202E) or an
isolate reached the terminal, the stored gap and the audit table as it was, so the rest of the line was shown
reversed ("gap ... 404: call not found" could read as something else, a URL's host swapped with its path). Bidi
embeddings, overrides and isolates are now shown as escapes ("\\u202e") like the other control characters; the
marks U+200E/U+200F/U+061C, which right-to-left text needs and which reorder no more than a letter would, are kept."""

from __future__ import annotations

import pytest

from watchdesk.graph.console import escape
from watchdesk.sources.redact import printable, redact_text, redact_url

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("control", list(CONTROLS))
def test_a_bidi_control_is_shown_as_an_escape_wherever_a_url_or_message_goes(control: str) -> None:
    url = f"https://ir.example.com/{control}llac/4202?token=t0k"
    shown = f"\\u{ord(control):04x}"
    for out in (redact_url(url), redact_text(f"no call found: tried {url}"), escape(url), printable(url)):
        assert control not in out and f"/{shown}llac/4202" in out, out
    assert "t0k" not in redact_text(f"tried {url}")


def test_right_to_left_marks_stay() -> None:
    text = "TSMC \u05d0\u05d1\u200f 2026 \u0627\u061c\u0628 \u200e"
    assert printable(text) == text == escape(text)
