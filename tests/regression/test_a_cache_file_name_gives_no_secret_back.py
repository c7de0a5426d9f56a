"""A security review (session 23): the HTTP cache named each entry by the SHA-256 of the URL as sent, secrets
included, and wrote that URL redacted in the entry's .json beside it: putting candidates in place of "REDACTED" and
hashing gave a short secret back (a 4-digit ?pin= of a transcript page in at most 10,000 tries), to anyone who can
read ~/.cache/watchdesk. Entries are now named by the URL as redacted: nothing in the cache tells one secret from
another."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from watchdesk.sources.cache import DiskCache
from watchdesk.sources.models import HttpResult
from watchdesk.sources.redact import REDACTED

PIN = "4821"
URL = f"https://ir.example.com/q3-call.html?pin={PIN}&lang=en"


def test_no_cache_file_name_gives_the_pin_back(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.put(HttpResult(url=URL, status=200, headers={"Content-Type": "text/html"}, body=b"the call"))
    (meta,) = tmp_path.rglob("*.json")
    shown = json.loads(meta.read_text())["url"]
    assert PIN not in shown and f"pin={REDACTED}" in shown
    names = {p.stem for p in tmp_path.rglob("*") if p.is_file()}
    found = [
        pin
        for pin in (f"{n:04d}" for n in range(10_000))
        if hashlib.sha256(shown.replace(REDACTED, pin).encode()).hexdigest() in names
    ]
    assert found == []
    hit = cache.get(URL)
    assert hit is not None and hit.body == b"the call" and hit.url == URL
