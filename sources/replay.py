"""Replay packs: a directory with `index.json` mapping URL -> recorded response, and its bodies.

Layout::

    index.json   {"version": 1, "responses": [{"url", "status", "headers", "body", "source"}]}
    bodies/      one file per response; a name ending in .gz is gunzipped on read

URLs are stored with secret query values redacted, so a recorded pack is safe to commit. An entry whose URL had a
secret also keeps `asked`, a fingerprint of the URL keyed by `.secrets-key` beside the index: that key stays on the
machine that recorded (the pack's `.gitignore` names it), so a later recording there can tell two secrets apart and no
one holding the pack alone can try values against it (a `?code=NVDA` is guessed at once from a plain hash).
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import re
import secrets
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urldefrag, urlsplit

from watchdesk.sources.cache import atomic_write, storable_headers
from watchdesk.sources.errors import ConfigError, ReplayCorruptError, ReplayMissError, ResponseTooLargeError
from watchdesk.sources.models import HttpResult
from watchdesk.sources.redact import REDACTED, redact_url

__all__ = ["REDACTED", "SAVE_EVERY", "PackEntry", "PackWriter", "ReplayPack", "pack_key", "read_index", "redact_url"]

PACK_VERSION = 1
INDEX = "index.json"
BODIES = "bodies"
SECRETS_KEY = ".secrets-key"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# A recording saves its index every this many responses, and when it ends: a kill loses at most these, never the pack,
# and a long run does not rewrite a growing index after every response.
SAVE_EVERY = 25


def pack_key(url: str) -> str:
    """The form a URL takes in a pack: fragment dropped, secrets redacted."""
    return redact_url(urldefrag(url)[0])


@dataclass(frozen=True, slots=True)
class PackEntry:
    """One recorded response as listed in `index.json`."""

    url: str
    status: int
    headers: dict[str, str]
    body: str  # path relative to the pack directory
    source: str
    asked: str = ""  # for a URL with a secret, its fingerprint keyed by the pack's SECRETS_KEY


# in the gap of each response a replay pack lacks (graph/failures.py reads it)
NOT_RECORDED = "not in the recording"


class ReplayPack:
    """A loaded pack; `lookup` serves recorded responses by exact URL."""

    def __init__(self, root: Path, entries: dict[str, PackEntry]) -> None:
        self.root = root
        self.entries = entries

    @classmethod
    def load(cls, root: Path) -> ReplayPack:
        # absolute, not as given: the pack is named in gaps a briefing carries, read from another folder or machine
        root = Path(root).absolute()
        return cls(root, {e.url: e for e in read_index(root)})

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and pack_key(url) in self.entries

    def lookup(self, url: str, *, max_bytes: int | None = None) -> HttpResult:
        """The recorded response for `url`; raises ReplayMissError naming the URL and the pack, and
        ResponseTooLargeError for a body past `max_bytes` (unpacked no further than that)."""
        entry = self.entries.get(pack_key(url))
        if entry is None:
            raise ReplayMissError(
                f"{NOT_RECORDED}: {pack_key(url)} (replay pack {self.root}; a live run with --record adds it)"
            )
        body = self._read_body(entry, max_bytes=max_bytes)
        return HttpResult(
            url=urldefrag(url)[0], status=entry.status, headers=dict(entry.headers), body=body,
            from_replay=True,
        )

    def _read_body(self, entry: PackEntry, *, max_bytes: int | None) -> bytes:
        path = (self.root / entry.body).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ConfigError(f"{self.root / INDEX}: body {entry.body!r} points outside the pack")
        # a pack may be anyone's: a body is read, and a small .gz that unpacks to gigabytes unpacked, no further than
        # the cap
        limit, packed = (max_bytes if max_bytes is not None else -1), path.name.endswith(".gz")
        try:
            f = path.open("rb")
        except OSError as exc:
            raise ReplayCorruptError(
                self.root, entry.url, f"body file {entry.body} is missing; record it again with --record"
            ) from exc
        with f:
            try:  # read as it is unpacked, never the whole file first: a 150 MB .gz under a 10 MiB cap reads ~10 MiB
                body = _gunzip(f, limit=limit) if packed else f.read(limit + 1 if limit >= 0 else -1)
            except (OSError, EOFError, zlib.error) as exc:  # not gzip, cut short, or a bad checksum
                raise ReplayCorruptError(
                    self.root, entry.url, f"body file {entry.body} is corrupt ({exc}); record it again with --record"
                ) from exc
        if limit >= 0 and len(body) > limit:
            raise ResponseTooLargeError(entry.url, cap=limit, why=f"recorded body {entry.body} passed")
        return body


def _gunzip(packed: BinaryIO, *, limit: int) -> bytes:
    """`packed` gunzipped as gzip.decompress would, stopping one byte past `limit` (-1: no limit); the file is read
    as it is unpacked."""
    with gzip.GzipFile(fileobj=packed) as unpacked:
        return unpacked.read(limit + 1 if limit >= 0 else -1)


def read_index(root: Path) -> list[PackEntry]:
    """The entries of `root/index.json`; raises ConfigError when the file is absent or malformed."""
    index = Path(root) / INDEX
    try:
        doc = json.loads(index.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{index} not found: is {root} a replay pack directory?") from exc
    except ValueError as exc:
        raise ConfigError(f"{index} is not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("version") != PACK_VERSION:
        raise ConfigError(f"{index}: expected {{'version': {PACK_VERSION}, 'responses': [...]}}")
    try:
        return [
            PackEntry(
                url=pack_key(str(r["url"])), status=int(r["status"]), headers=dict(r.get("headers", {})),
                body=str(r["body"]), source=str(r.get("source", "")), asked=str(r.get("asked", "")),
            )
            for r in doc.get("responses", [])
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"{index}: every response needs url, status and body ({exc!r})") from exc


class PackWriter:
    """Builds a pack; output is deterministic (sorted index, names derived from URLs, gzip mtime 0).

    With `merge=True` the existing index is kept and new entries replace same-URL ones (record mode).
    `save()` removes body files this writer wrote that the index no longer references; a full rebuild
    (`merge=False`) also removes other unreferenced files in `bodies/`. Record mode never deletes a file
    it did not write: the folder may hold the user's own. With `save_every`, `add` saves the index (only) after
    that many new entries.
    """

    def __init__(self, root: Path, *, merge: bool = False, save_every: int | None = None) -> None:
        self.root = Path(root)
        self._merge = merge
        self._save_every = save_every
        self._unsaved = 0
        self._written: set[str] = set()
        self._entries: dict[str, PackEntry] = {}
        self._key: bytes | None = None  # SECRETS_KEY, read or made when the first URL with a secret is added
        self._key_made = False  # made by this writer: the fingerprints an earlier one wrote cannot be compared
        self._added: set[str] = set()  # pack keys this writer added
        if merge and (self.root / INDEX).exists():
            self._entries = {e.url: e for e in read_index(self.root)}
        self._names = {e.body: e.url for e in self._entries.values()}  # body file -> pack key

    def add(
        self,
        url: str,
        status: int,
        headers: dict[str, str],
        body: bytes,
        source: str,
        *,
        compress: bool = True,
        name: str | None = None,
    ) -> PackEntry:
        """Write the body file now and list the response; the index is written by `save()`.

        Raises ConfigError for a URL that differs from one in the pack only in a secret, added by this writer or an
        earlier one: the pack keeps URLs redacted, so it would serve one page's body for the other."""
        key, plain = pack_key(url), urldefrag(url)[0]
        asked = self._fingerprint(plain) if key != plain else ""
        if (old := self._entries.get(key)) is not None and old.asked != asked:
            if old.asked and (key in self._added or not self._key_made):
                raise ConfigError(
                    f"{key} not recorded: a URL that differs from it only in a secret value is already in this pack, "
                    "and a pack keeps URLs with their secrets redacted, so it cannot tell them apart; record them "
                    "into separate packs"
                )
            raise ConfigError(
                f"{key} not recorded: this pack holds a recording of it made before watchdesk kept a fingerprint of "
                f"URLs with a secret, or with a {SECRETS_KEY} that is not here, so it cannot tell whether that was "
                f"this URL or one that differs only in a secret value; record into a new pack (or take that entry "
                f"out of {INDEX} first)"
            )
        fname = _body_name(key, name=name, compress=compress)
        if (clash := self._names.get(fname, key)) != key:
            raise ConfigError(f"body name {fname!r} is already used by {clash}; pass a different name")
        path = self.root / fname
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, gzip.compress(body, mtime=0) if fname.endswith(".gz") else body)
        self._written.add(fname)
        headers = storable_headers(headers)
        entry = PackEntry(url=key, status=status, headers=headers, body=fname, source=source, asked=asked)
        if old is not None:
            self._names.pop(old.body, None)
        self._names[fname] = key
        self._entries[key] = entry
        self._added.add(key)
        self._unsaved += 1
        if self._save_every is not None and self._unsaved >= self._save_every:
            self.save_index()
        return entry

    def _fingerprint(self, url: str) -> str:
        """`url` (its secret included) keyed by the pack's SECRETS_KEY, made on first use with a `.gitignore` naming
        it: the index holds only this, and the key never leaves this machine through git."""
        if self._key is None:
            path = self.root / SECRETS_KEY
            if not path.exists():
                self.root.mkdir(parents=True, exist_ok=True)
                atomic_write(path, secrets.token_hex(32).encode())
                path.chmod(0o600)
                self._key_made = True
                ignore = self.root / ".gitignore"
                names = ignore.read_text(encoding="utf-8").split() if ignore.exists() else []
                if SECRETS_KEY not in names:
                    with ignore.open("a", encoding="utf-8") as f:
                        f.write(f"# keys the fingerprints in {INDEX} of URLs with a secret: it stays on this machine\n"
                                f"{SECRETS_KEY}\n")
            self._key = path.read_bytes()
        return hmac.new(self._key, url.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def save_index(self) -> Path:
        """Write `index.json` (sorted by URL) whole: a kill or a full disk mid-write leaves the old one."""
        self.root.mkdir(parents=True, exist_ok=True)
        entries = [{k: v for k, v in asdict(e).items() if k != "asked" or v}
                   for e in sorted(self._entries.values(), key=lambda e: e.url)]
        doc = {"version": PACK_VERSION, "responses": entries}
        index = self.root / INDEX
        text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        atomic_write(index, text.encode("utf-8"))
        self._unsaved = 0
        return index

    def save(self) -> Path:
        """Write `index.json` and prune unreferenced body files; returns the index path."""
        index = self.save_index()
        if self._merge:  # only files this writer wrote: the folder may hold the user's own
            strays = [self.root / name for name in self._written if name not in self._names]
        else:
            bodies = self.root / BODIES
            listed = bodies.iterdir() if bodies.is_dir() else iter(())
            strays = [p for p in listed if p.is_file() and f"{BODIES}/{p.name}" not in self._names]
        for stray in strays:
            stray.unlink(missing_ok=True)
        return index


def _body_name(url: str, *, name: str | None, compress: bool) -> str:
    """`bodies/<sha256 prefix>-<last path segment>[.gz]`, or `bodies/<name>` when given."""
    if name is not None:
        if name != Path(name).name or name in {"", ".", ".."}:
            raise ConfigError(f"body name {name!r} must be a plain file name")
        base = name
    else:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
        segment = _UNSAFE_NAME.sub("_", urlsplit(url).path.rsplit("/", 1)[-1])[-60:].strip("._")
        base = f"{digest}-{segment}" if segment else digest
    if compress and not base.endswith(".gz"):
        base += ".gz"
    return f"{BODIES}/{base}"
