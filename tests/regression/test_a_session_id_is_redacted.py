"""A security review (session 23): a session id in a URL went through redaction as written, into messages, gaps, the
audit table, the plan and the HTTP cache's files. A Java or PHP server takes the session from a path parameter
(".../call.html;jsessionid=...", "/x;token=...") or from a parameter named for it (jsessionid, PHPSESSID,
ASP.NET_SessionId): redaction read only the query, and only the names "session", "session_id" and "sessid"."""

from __future__ import annotations

import pytest

from watchdesk.sources.redact import REDACTED, redact_text, redact_url


@pytest.mark.parametrize(
    ("url", "want"),
    [
        (
            "https://ir.example.com/q3/call.html;jsessionid=S3CR3T",
            f"https://ir.example.com/q3/call.html;jsessionid={REDACTED}",
        ),
        (
            "https://ir.example.com/a;token=S3CR3T/b.html?lang=en",
            f"https://ir.example.com/a;token={REDACTED}/b.html?lang=en",
        ),
        ("https://ir.example.com/a;v=2;sid=S3CR3T#top", f"https://ir.example.com/a;v=2;sid={REDACTED}#top"),
        ("https://ir.example.com/x?jsessionid=S3CR3T&page=2", f"https://ir.example.com/x?jsessionid={REDACTED}&page=2"),
        ("https://ir.example.com/x?PHPSESSID=S3CR3T", f"https://ir.example.com/x?PHPSESSID={REDACTED}"),
        ("https://ir.example.com/x?ASP.NET_SessionId=S3CR3T", f"https://ir.example.com/x?ASP.NET_SessionId={REDACTED}"),
    ],
)
def test_a_session_id_in_the_path_or_the_query_is_redacted(url: str, want: str) -> None:
    assert redact_url(url) == want
    said = redact_text(f"tried url {url}: HTTP 404")
    assert "S3CR3T" not in said and said == redact_text(said)


def test_ordinary_path_parameters_and_names_stay() -> None:
    url = "https://ir.example.com/a;v=2;lang=en/b.html?session=&sessions=4&idx=1"
    assert redact_url(url) == url.replace("session=&", f"session={REDACTED}&")


@pytest.mark.parametrize("name", ["hash", "ticket", "nonce", "access"])
def test_a_private_feeds_hash_or_ticket_is_redacted(name: str) -> None:
    """A private feed keyed by ?hash=, ?ticket= (CAS), ?nonce= or ?access= went through redaction as written, into the
    plan, gaps and messages (a walkthrough, session 28); the name is redacted where shown, never dropped from a link."""
    url = f"https://feeds.example.com/u/rss?{name}=S3CR3T&page=2"
    assert redact_url(url) == f"https://feeds.example.com/u/rss?{name}={REDACTED}&page=2"
    assert "S3CR3T" not in redact_text(f"could not read {url}: HTTP 500")
