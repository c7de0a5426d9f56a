"""Bug: the HTTP cache and a recorded pack keyed a response by its URL with secrets redacted, and redaction takes
parameters such as sid, code, pin and session (often a story's or a call's id) for secrets: `?sid=1001` and
`?sid=2002` were one entry, and the second page was answered with the first's body; a --record run overwrote
`?code=NVDA`'s recording with `?code=TSM`'s. Now a URL that has a secret is never cached, and a pack refuses a second
URL that differs from a recorded one only in a secret instead of overwriting it (no secret is written in clear)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from watchdesk.sources.errors import ConfigError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.replay import ReplayPack

DOC = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"
CALL = "https://ir.example.com/call"


def story(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=f"<html><body>page for {request.url.query.decode()}</body></html>".encode())


def live(**overrides: Path) -> Gateway:
    config = GatewayConfig(user_agent="Test Desk desk@example.com", allowed_domains=("sec.gov", "ir.example.com"),
                           **overrides)
    return Gateway(config, sleep=lambda _s: None, transport=httpx.MockTransport(story))


def test_the_cache_answers_each_page_with_its_own_body(tmp_path: Path) -> None:
    with live(cache_dir=tmp_path / "cache") as gw:
        first = gw.get(f"{DOC}?sid=1001", agent="filings").body
        second = gw.get(f"{DOC}?sid=2002", agent="filings").body
        assert gw.stats.cached == 0
    assert b"sid=1001" in first and b"sid=2002" in second
    assert not any(p.is_file() for p in (tmp_path / "cache").rglob("*"))


def test_a_pack_refuses_a_second_url_that_differs_only_in_a_secret(tmp_path: Path) -> None:
    with live(record_dir=tmp_path / "pack") as gw:
        gw.get(f"{CALL}?code=NVDA", agent="transcripts")
        with pytest.raises(ConfigError, match="differs from it only in a secret"):
            gw.get(f"{CALL}?code=TSM", agent="transcripts")
        gw.get(f"{CALL}?code=NVDA", agent="transcripts")  # the same URL again is recorded again
    pack = ReplayPack.load(tmp_path / "pack")
    assert b"code=NVDA" in pack.lookup(f"{CALL}?code=NVDA").body
    index = (tmp_path / "pack" / "index.json").read_text()
    assert "NVDA" not in index and "TSM" not in index


def test_a_later_recording_into_the_pack_refuses_it_too(tmp_path: Path) -> None:
    """The refusal held within one recording only: a resumed run or a second --record run into the same pack
    overwrote `?code=NVDA`'s page with `?code=TSM`'s, silently. The pack's index now keeps a keyed fingerprint of each
    such URL (its key stays beside the pack, out of git), so a later recording refuses it as the first one would."""
    pack = tmp_path / "pack"
    with live(record_dir=pack) as gw:
        gw.get(f"{CALL}?code=NVDA", agent="transcripts")
    with live(record_dir=pack) as gw, pytest.raises(ConfigError, match="differs from it only in a secret"):
        gw.get(f"{CALL}?code=TSM", agent="transcripts")
    with live(record_dir=pack) as gw:
        gw.get(f"{CALL}?code=NVDA", agent="transcripts")  # the same URL recorded again by a later run
    assert b"code=NVDA" in ReplayPack.load(pack).lookup(f"{CALL}?code=TSM").body
    index = (pack / "index.json").read_text()
    assert "NVDA" not in index and "TSM" not in index
    assert ".secrets-key" in (pack / ".gitignore").read_text().split()
    (pack / ".secrets-key").unlink()  # the pack copied without its key: its fingerprints cannot be compared
    with live(record_dir=pack) as gw, pytest.raises(ConfigError, match="cannot tell whether that was this URL"):
        gw.get(f"{CALL}?code=NVDA", agent="transcripts")
