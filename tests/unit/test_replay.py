"""Replay packs, record mode and the on-disk cache; no network (httpx.MockTransport stands in)."""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from watchdesk.sources.errors import (
    ConfigError,
    DiskFullError,
    HTTPStatusError,
    NotFoundError,
    PolicyError,
    ReplayMissError,
)
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent
from watchdesk.sources.replay import PackWriter, ReplayPack

TICKERS = "https://www.sec.gov/files/company_tickers.json"
SUBMISSIONS = "https://data.sec.gov/submissions/CIK0001045810.json"
GONE = "https://www.sec.gov/Archives/edgar/data/1045810/gone.htm"
FILED = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"
BUSY = "https://www.sec.gov/busy"
TICKERS_BODY = b'{"0": {"cik_str": 1045810, "ticker": "NVDA", "title": "NVIDIA CORP"}}'


def build_pack(root: Path) -> Path:
    writer = PackWriter(root)
    writer.add(TICKERS, 200, {"Content-Type": "application/json"}, TICKERS_BODY, "fixture", compress=False)
    writer.add(SUBMISSIONS, 200, {"Content-Type": "application/json"}, b'{"cik": "1045810"}', "fixture")
    writer.add(GONE, 404, {}, b"Not Found", "fixture")
    writer.add(BUSY, 503, {"Retry-After": "120"}, b"", "fixture")
    writer.save()
    return root


def replay_gateway(pack: Path, events: list[AuditEvent], sleeps: list[float], **overrides: Any) -> Gateway:
    options: dict[str, Any] = {"mode": "replay", "replay_dir": pack, "allowed_domains": ("sec.gov",)}
    config = GatewayConfig(**(options | overrides))
    return Gateway(config, audit=events.append, sleep=sleeps.append)


def test_pack_round_trip(tmp_path: Path) -> None:
    pack = ReplayPack.load(build_pack(tmp_path / "pack"))
    assert len(pack) == 4
    hit = pack.lookup(TICKERS + "#fragment-is-ignored")
    assert (hit.status, hit.body, hit.from_replay) == (200, TICKERS_BODY, True)
    assert hit.headers == {"content-type": "application/json"}
    assert pack.lookup(SUBMISSIONS).json() == {"cik": "1045810"}


def test_compressed_bodies_are_gzip_on_disk_and_plain_on_read(tmp_path: Path) -> None:
    root = build_pack(tmp_path / "pack")
    index = json.loads((root / "index.json").read_text())
    by_url = {r["url"]: r for r in index["responses"]}
    gz = root / by_url[SUBMISSIONS]["body"]
    assert gz.name.endswith(".gz") and gz.read_bytes()[:2] == b"\x1f\x8b"
    assert not by_url[TICKERS]["body"].endswith(".gz")
    # A hand-made pack whose body was gzipped by another tool reads the same way.
    (root / "bodies" / "extra.json.gz").write_bytes(gzip.compress(b'{"hand": "made"}'))
    index["responses"].append({"url": "https://www.sec.gov/extra", "status": 200, "headers": {},
                               "body": "bodies/extra.json.gz", "source": "by hand"})
    (root / "index.json").write_text(json.dumps(index))
    assert ReplayPack.load(root).lookup("https://www.sec.gov/extra").json() == {"hand": "made"}


def test_rebuilding_a_pack_gives_identical_files(tmp_path: Path) -> None:
    first, second = build_pack(tmp_path / "a"), build_pack(tmp_path / "b")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    urls = [r["url"] for r in json.loads((first / "index.json").read_text())["responses"]]
    assert urls == sorted(urls)
    # Rebuilding with fewer responses leaves no stray body files behind.
    writer = PackWriter(first)
    writer.add(TICKERS, 200, {}, TICKERS_BODY, "fixture")
    writer.save()
    assert len(list((first / "bodies").iterdir())) == 1


def test_miss_names_the_url_and_the_pack(tmp_path: Path) -> None:
    root = build_pack(tmp_path / "pack")
    events: list[AuditEvent] = []
    with replay_gateway(root, events, []) as gw, pytest.raises(ReplayMissError) as err:
        gw.get("https://www.sec.gov/not-recorded.json", agent="filings")
    assert "https://www.sec.gov/not-recorded.json" in str(err.value)
    assert str(root) in str(err.value)
    assert [e.outcome for e in events] == ["replay_miss"]


def test_recorded_errors_replay_as_errors_without_sleeping(tmp_path: Path) -> None:
    root = build_pack(tmp_path / "pack")
    events: list[AuditEvent] = []
    sleeps: list[float] = []
    with replay_gateway(root, events, sleeps) as gw:
        with pytest.raises(NotFoundError):
            gw.get(GONE, agent="filings")
        with pytest.raises(HTTPStatusError) as err:
            gw.get(BUSY, agent="filings")
        assert gw.get(TICKERS, agent="filings").body == TICKERS_BODY
        assert (gw.stats.network, gw.stats.replayed) == (0, 3)
    assert err.value.status == 503
    assert sleeps == []
    assert [(e.outcome, e.status, e.attempt) for e in events] == [
        ("http_error", 404, 1), ("http_error", 503, 1), ("ok", 200, 1),
    ]


def test_allow_list_is_enforced_in_replay_mode(tmp_path: Path) -> None:
    root = build_pack(tmp_path / "pack")
    events: list[AuditEvent] = []
    with replay_gateway(root, events, [], allowed_domains=("example.org",)) as gw:
        with pytest.raises(PolicyError, match=re.escape("www.sec.gov")):
            gw.get(TICKERS, agent="filings")
        assert (gw.stats.refused, gw.stats.replayed) == (1, 0)
    assert [e.outcome for e in events] == ["refused"]


class CountingServer:
    """An httpx.MockTransport handler that answers from a dict and counts requests."""

    def __init__(self, routes: dict[str, tuple[int, bytes]]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status, body = self.routes.get(str(request.url), (404, b"not found"))
        return httpx.Response(status, content=body, headers={"Content-Type": "application/json",
                                                             "Date": "Mon, 01 Jan 2024 00:00:00 GMT"})


def live_gateway(fake: CountingServer, events: list[AuditEvent], **overrides: Any) -> Gateway:
    identity = "Test Person test@example.com"
    config = GatewayConfig(user_agent=identity, allowed_domains=("sec.gov",), **overrides)
    return Gateway(config, audit=events.append, sleep=lambda s: None, transport=httpx.MockTransport(fake))


def test_cache_hit_skips_the_network(tmp_path: Path) -> None:
    fake = CountingServer({FILED: (200, TICKERS_BODY), TICKERS: (200, TICKERS_BODY)})
    events: list[AuditEvent] = []
    with live_gateway(fake, events, cache_dir=tmp_path / "cache") as gw:
        first = gw.get(FILED, agent="filings")
        second = gw.get(FILED, agent="filings")
        assert (gw.stats.network, gw.stats.cached) == (1, 1)
        gw.get(FILED, agent="filings", cache=False)  # callers can insist on fresh data
        assert gw.stats.network == 2
        for _ in range(2):  # only archived documents are kept: the ticker map changes every day
            gw.get(TICKERS, agent="filings")
        assert (gw.stats.network, gw.stats.cached) == (4, 1)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.body == TICKERS_BODY and second.status == 200
    assert [e.outcome for e in events] == ["ok", "cache_hit", "ok", "ok", "ok"]


def test_cache_keeps_only_200(tmp_path: Path) -> None:
    fake = CountingServer({})
    with live_gateway(fake, [], cache_dir=tmp_path / "cache") as gw:
        for _ in range(2):
            with pytest.raises(NotFoundError):
                gw.get(GONE, agent="filings")
    assert len(fake.requests) == 2


def test_record_mode_writes_a_pack_that_replays(tmp_path: Path) -> None:
    secret_url = SUBMISSIONS + "?api_key=hunter2"
    fake = CountingServer({TICKERS: (200, TICKERS_BODY), secret_url: (200, b"{}")})
    with live_gateway(fake, [], record_dir=tmp_path / "rec") as gw:
        gw.get(TICKERS, agent="filings")
        gw.get(secret_url, agent="filings")
        with pytest.raises(NotFoundError):
            gw.get(GONE, agent="filings")
    assert "hunter2" not in (tmp_path / "rec" / "index.json").read_text()
    events: list[AuditEvent] = []
    with replay_gateway(tmp_path / "rec", events, []) as gw:
        assert gw.get(TICKERS, agent="filings").body == TICKERS_BODY
        assert gw.get(secret_url, agent="filings").body == b"{}"
        with pytest.raises(NotFoundError):
            gw.get(GONE, agent="filings")
    assert len(fake.requests) == 3


@pytest.mark.parametrize("where", ["cache_dir", "record_dir"])
def test_a_full_disk_under_the_cache_or_a_recording_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Bug: the ENOSPC of a cache or recording write reached the step as a bug of the filing it fetched (its gap,
    "please report it"); a full disk now stops the run (DiskFullError), as one under the store does."""

    def full(*_args: object, **_kw: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)  # the cache's rename of a written entry
    monkeypatch.setattr(Path, "write_bytes", full)  # a recorded body
    gateway = live_gateway(CountingServer({FILED: (200, TICKERS_BODY)}), [], **{where: tmp_path / "w"})
    with pytest.raises(DiskFullError, match="No space left on device"), gateway as gw:  # closing saves a recording
        gw.get(FILED, agent="filings")


def test_bad_replay_settings_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="WATCHDESK_REPLAY"):
        Gateway(GatewayConfig(mode="replay"))
    with pytest.raises(ConfigError, match=re.escape("index.json")):
        ReplayPack.load(tmp_path)
