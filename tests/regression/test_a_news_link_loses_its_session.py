"""A security review (session 23): a news item's link kept a session or token written as a path parameter
("https://news.example.com/a/1;jsessionid=...", "/a;token=.../b"): a private feed's reader session was stored with
the item, shown in the briefing and mailed to its recipients, though the same credential in the query is dropped.
A credential path parameter is dropped now as a query one is; any other stays."""

from __future__ import annotations

import pytest

from watchdesk.agents.news import canonical_url


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("https://news.example.com/a/1;jsessionid=S3CR3T?id=7", "https://news.example.com/a/1?id=7"),
        ("https://news.example.com/a;token=S3CR3T/b.html", "https://news.example.com/a/b.html"),
        ("https://news.example.com/a;v=2;JSESSIONID=S3CR3T/b", "https://news.example.com/a;v=2/b"),
        ("https://news.example.com/a;v=2;sid=42/b", "https://news.example.com/a;v=2;sid=42/b"),
    ],
)
def test_a_credential_path_parameter_is_dropped(link: str, kept: str) -> None:
    assert canonical_url(link) == kept
