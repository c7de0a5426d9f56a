"""Bug: the size cap (WATCHDESK_HTTP_MAX_MB) held only for the network. A replay pack's body was read and gunzipped
whole, so a tampered pack whose 1 MB `bodies/x.gz` unpacks to 1 GiB of zeros was served as a 1 GiB response under
a 10 MiB cap (2 GB of memory; a 10 MB file would take 10 GiB). Now a recorded body is unpacked only up to the cap,
and one past it is refused and audited as a download past it would be."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from watchdesk.sources.errors import ResponseTooLargeError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent

CAP = 64 * 1024
URL = "https://www.sec.gov/Archives/edgar/data/1045810/x.htm"


def pack(root: Path, name: str, body: bytes) -> Path:
    (root / "bodies").mkdir(parents=True)
    (root / "bodies" / name).write_bytes(body)
    entry = {"url": URL, "status": 200, "headers": {}, "body": f"bodies/{name}"}
    (root / "index.json").write_text(json.dumps({"version": 1, "responses": [entry]}))
    return root


def replay(root: Path, events: list[AuditEvent]) -> Gateway:
    config = GatewayConfig(mode="replay", replay_dir=root, allowed_domains=("sec.gov",), max_bytes=CAP)
    return Gateway(config, audit=events.append)


@pytest.mark.parametrize("name, body", [
    ("bomb.gz", gzip.compress(b"\0" * (64 * CAP), mtime=0)),  # 4 MiB of zeros in about 4 KB
    ("plain.htm", b"<p>" + b"x" * (2 * CAP)),
])  # fmt: skip
def test_a_recorded_body_past_the_cap_is_refused(tmp_path: Path, name: str, body: bytes) -> None:
    events: list[AuditEvent] = []
    with replay(pack(tmp_path / "pack", name, body), events) as gw, pytest.raises(ResponseTooLargeError, match="cap"):
        gw.get(URL, agent="filings")
    assert [e.outcome for e in events] == ["error"] and "cap" in events[0].detail


def test_a_recorded_body_within_the_cap_is_served(tmp_path: Path) -> None:
    body = b"<p>" + b"x" * (CAP - 3)
    events: list[AuditEvent] = []
    with replay(pack(tmp_path / "pack", "ok.gz", gzip.compress(body, mtime=0)), events) as gw:
        assert gw.get(URL, agent="filings").body == body
    assert [e.outcome for e in events] == ["ok"]


def test_a_large_packed_body_is_not_read_whole(tmp_path: Path) -> None:
    """A code review: a .gz body was read whole before the capped unpacking (150 MB of packed random bytes under a
    10 MiB cap took 185 MB of memory); it is read as it is unpacked now."""
    import os
    import tracemalloc

    big = gzip.compress(os.urandom(8 * 1024 * 1024), compresslevel=1, mtime=0)  # does not pack: about 8 MiB
    root = pack(tmp_path / "pack", "big.gz", big)
    events: list[AuditEvent] = []
    with replay(root, events) as gw:
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError):
                gw.get(URL, agent="filings")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 2 * 1024 * 1024, f"{peak:,} bytes at peak for a {len(big):,}-byte body under a {CAP:,}-byte cap"
