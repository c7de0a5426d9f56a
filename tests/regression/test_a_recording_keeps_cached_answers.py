"""Bug: a --record run answered cached URLs from the cache and recorded only what went over the network: with a
warm cache (any earlier live run) the pack lacked every archived filing, and replaying it missed them ("not in the
recording"). Now an answer from the cache is recorded as one from the network is."""

from __future__ import annotations

from pathlib import Path

import httpx

from watchdesk.sources.gateway import Gateway, GatewayConfig

DOC = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"
BODY = b"<html><body>10-K</body></html>"


def gateway(**dirs: Path) -> Gateway:
    config = GatewayConfig(user_agent="Test Desk desk@example.com", allowed_domains=("sec.gov",), **dirs)
    answer = httpx.MockTransport(lambda _r: httpx.Response(200, content=BODY, headers={"Content-Type": "text/html"}))
    return Gateway(config, sleep=lambda _s: None, transport=answer)


def test_a_pack_recorded_over_a_warm_cache_replays_the_run(tmp_path: Path) -> None:
    with gateway(cache_dir=tmp_path / "cache") as gw:  # last week's live run
        gw.get(DOC, agent="filings")
    with gateway(cache_dir=tmp_path / "cache", record_dir=tmp_path / "pack") as gw:  # this week's, with --record
        gw.get(DOC, agent="filings")
        assert (gw.stats.network, gw.stats.cached) == (0, 1)
    replay = GatewayConfig(mode="replay", allowed_domains=("sec.gov",), replay_dir=tmp_path / "pack")
    with Gateway(replay) as gw:
        hit = gw.get(DOC, agent="filings")
    assert hit.body == BODY and hit.headers == {"content-type": "text/html"}
