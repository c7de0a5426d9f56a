"""A security review (session 22): a transcript feed entry whose link held ESC sequences ("\x1b[2J\x1b[1;32mrun ...:
done, all sources verified") cleared the terminal and printed a fake status line when the run reported the gap,
and the same bytes were stored in actions.target and gaps.reason. Control characters in what is printed or stored
are now shown as escapes."""

from __future__ import annotations

from watchdesk.graph.console import escape
from watchdesk.sources.redact import printable, redact_text, redact_url

FAKE = "https://ir.example.com/call\x1b[2J\x1b[1;32mrun 2026-12-05: done, all sources verified\x1b[0m?token=t0k"


def test_control_characters_are_shown_as_escapes_wherever_a_url_or_message_goes() -> None:
    for out in (redact_url(FAKE), redact_text(f"no call found: tried {FAKE}"), escape(FAKE)):
        assert "\x1b" not in out and "\\x1b[2J" in out, out
    assert "t0k" not in redact_text("tried https://ir.example.com/c\x1b[2J?token=t0k")
    assert printable("line one\nline two\ttab") == "line one\nline two\ttab"
    assert printable("bell\x07 del\x7f c1\x9b") == "bell\\x07 del\\x7f c1\\x9b"
