"""On-disk HTTP cache: one 200 response per URL, keyed by sha256 of the URL with its secrets redacted."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from watchdesk.sources.models import HttpResult
from watchdesk.sources.redact import redact_url

# Headers that describe the wire, not the content: the stored body is already decoded.
_DROP_HEADERS = frozenset({"set-cookie", "content-encoding", "content-length", "transfer-encoding"})


def storable_headers(headers: dict[str, str]) -> dict[str, str]:
    """Lower-cased headers without cookies or wire framing, sorted for stable files."""
    kept = {k.lower(): v for k, v in headers.items() if k.lower() not in _DROP_HEADERS}
    return dict(sorted(kept.items()))


class DiskCache:
    """Stores `<sha>.json` (url, status, headers) beside `<sha>.body` under a two-level fan-out."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _paths(self, url: str) -> tuple[Path, Path]:
        # named by the URL as redacted: a hash of its secrets, beside the redacted URL in the .json, would give a
        # short one back to whoever hashes candidates in place of "REDACTED"
        digest = hashlib.sha256(redact_url(url).encode("utf-8")).hexdigest()
        folder = self.root / digest[:2]
        return folder / f"{digest}.json", folder / f"{digest}.body"

    def get(self, url: str) -> HttpResult | None:
        """The stored response for `url`, or None when there is none (or it is unreadable)."""
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            # A missing or half-written entry is a miss: the caller fetches again and overwrites it.
            return None
        if not isinstance(meta, dict) or meta.get("url") != redact_url(url):
            return None
        return HttpResult(
            url=url, status=int(meta["status"]), headers=dict(meta["headers"]), body=body, from_cache=True
        )

    def forget(self, url: str) -> None:
        """Drop the entry for `url`, if any; the metadata goes first, so no reader finds it without its body."""
        for path in self._paths(url):
            path.unlink(missing_ok=True)

    def put(self, result: HttpResult) -> None:
        """Store `result`; the metadata is written last so readers never see a body-less entry."""
        meta_path, body_path = self._paths(result.url)
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        # the file names the URL for a reader, with its secrets redacted
        meta = {"url": redact_url(result.url), "status": result.status, "headers": storable_headers(result.headers)}
        atomic_write(body_path, result.body)
        atomic_write(meta_path, json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"))


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file and rename, so concurrent threads and crashes leave whole files."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
