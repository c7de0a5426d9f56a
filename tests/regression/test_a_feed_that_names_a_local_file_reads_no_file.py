"""Bug: feedparser opens the bytes it is handed as a file name when such a file exists, so a feed on an allowed host
that answered with a path ("/home/me/.config/watchdesk/env", "/dev/zero") made the run read that file of this
machine: its entries became news items or transcript links (and /dev/zero was read until memory ran out). Fetched bytes
are data: a body naming a file is no feed (session 44's attack on the sandbox)."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from watchdesk.sources.errors import ParsingError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.news.feeds import parse_feed
from watchdesk.sources.transcript_sources import from_feed

# A feed kept on this machine: what the answer names must never be what is read
LOCAL_FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>local</title>
<item><title>NVDA Q3 earnings call transcript</title><link>https://ir.example.com/nvda-q3-call/</link></item>
</channel></rss>"""


def _fetched(path: Path) -> bytes:
    """The body an allowed feed host answers: the local file's name, fetched through the gateway."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=str(path).encode())

    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={})
    with Gateway(config, transport=httpx.MockTransport(handler)) as gw:
        return gw.get("https://feeds.example.com/rss", agent="news").body


def test_a_news_feed_answering_a_file_name_is_no_feed(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes(LOCAL_FEED)
    with pytest.raises(ParsingError, match="not an RSS or Atom feed"):
        parse_feed(_fetched(local), feed_url="https://feeds.example.com/rss")


def test_a_transcript_feed_answering_a_file_name_links_to_nothing(tmp_path: Path) -> None:
    local = tmp_path / "feed.xml"
    local.write_bytes(LOCAL_FEED)
    pages: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/calls.xml":
            return httpx.Response(200, content=str(local).encode())
        pages.append(str(request.url))
        return httpx.Response(200, content=b"<html><body>call page</body></html>")

    config = GatewayConfig(allowed_domains=("example.com",), rate_limits={})
    with Gateway(config, transport=httpx.MockTransport(handler)) as gw, pytest.raises(ParsingError):
        from_feed(gw, "https://ir.example.com/calls.xml", pattern=re.compile(r"NVDA.*call", re.I), agent="transcripts",
                  run_id=None)  # fmt: skip
    assert pages == [], "a link read from the local file was fetched"
