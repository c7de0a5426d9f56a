"""Delivery rows and audit rows kept beside the store while it cannot be reopened, and recorded into it later.

A delivery that closed the store to wait before trying again (store.py `released`) reopens it to record what it did.
A notebook or a DuckDB shell that opened the file for writing meanwhile may keep it for hours: after
WATCHDESK_REOPEN_WAIT_S the process stops waiting, and what it would have written (the `deliveries` rows, each
keyed by its id, and the audit rows) goes to `FILE.unrecorded-PID.json` beside the store instead. The next open of
the store for writing records that file (the same rows, by the same ids: recording it twice is recording it once),
then removes it. A file whose process still holds its lease (store/lease.py) is still being written: left alone.
Nothing in it is a secret: the rows are those the store would hold, their texts redacted again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from watchdesk.sources.cache import atomic_write
from watchdesk.sources.redact import redact_text
from watchdesk.store import lease
from watchdesk.store.bulk import upsert
from watchdesk.store.records import ActionRecord

_LOCK = threading.Lock()  # this process's writes and settling of its own file
STATE = Path("~/.local/state/watchdesk/unrecorded")  # where they go when the store's folder cannot be written
_WRITTEN: dict[str, Path] = {}  # the file this process last kept each store's rows in
_LOST: dict[str, dict[str, Any]] = {}  # what it could keep nowhere, by store: said by the command, never dropped
_WHY: dict[str, str] = {}  # why, by store
_SETTLED: list[str] = []  # what settle() recorded since the last settled(): said by a command that wants to
_PID = re.compile(r"\.unrecorded-(\d+)\.json$")
NOTE = ("watchdesk: delivery outcomes and audit rows that could not be written into the database beside this file "
        "(another program held it). The next watchdesk command that opens that database for writing records them "
        "there and removes this file; nothing here is sent again.")  # fmt: skip
# a row's typed columns, as JSON holds them
_DATES, _TIMES = ("period_start", "period_end"), ("at",)


def side_file(path: str | Path, pid: int | None = None) -> Path:
    """Where this process (or `pid`) keeps what it could not write into the store at `path`."""
    return Path(f"{path}.unrecorded-{os.getpid() if pid is None else pid}.json")


def fallback_file(path: str | Path, pid: int | None = None) -> Path:
    """Where this process (or `pid`) keeps them when the store's folder cannot be written (read-only, full): the
    user's state folder, the file named by the store's name and a digest of its whole path."""
    store = Path(path).absolute()
    digest = hashlib.sha256(str(store).encode("utf-8")).hexdigest()[:12]
    return STATE.expanduser() / f"{store.name}-{digest}.unrecorded-{os.getpid() if pid is None else pid}.json"


def keep(path: str | Path, *, rows: Sequence[Mapping[str, object]] = (), actions: Sequence[ActionRecord] = (),
         errors: Mapping[str, str] = {}) -> Path | None:  # fmt: skip
    """Add `rows` (of `deliveries`, each replacing the one of its id), `actions` and `errors` (a new error text for a
    delivery row the store holds, by id) to this process's side file, written whole then renamed over the old one;
    where the store's folder refuses it, to the one in the user's state folder. The file written; None when neither
    could be (`unkept` then says what and why: the process must say it, or it is lost)."""
    key = str(path)
    with _LOCK:
        last = _WRITTEN.get(key)
        kept = (_LOST.get(key) or (_read(last) if last else None) or _read(side_file(path))
                or {"note": NOTE, "store": key, "deliveries": {}, "actions": [], "errors": {}})  # fmt: skip
        for row in rows:
            kept["deliveries"][str(row["delivery_id"])] = _plain(row)
        for delivery_id, error in errors.items():
            if delivery_id in kept["deliveries"]:
                kept["deliveries"][delivery_id]["error"] = redact_text(error)
            else:
                kept["errors"][delivery_id] = redact_text(error)
        kept["actions"] += [_plain(asdict(a)) for a in actions]
        text = (json.dumps(kept, indent=1, sort_keys=True) + "\n").encode("utf-8")
        refused = []
        for file in (side_file(path), fallback_file(path)):
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                # written whole then renamed; mkstemp's mode 600 keeps the addresses the owner's, as the lease
                atomic_write(file, text)
            except OSError as exc:
                refused.append(f"{file}: {exc.strerror or type(exc).__name__}")
                continue
            _WRITTEN[key], _ = file, _LOST.pop(key, None)
            return file
        _LOST[key], _WHY[key] = kept, "; ".join(refused)
        return None


def unkept(path: str | Path) -> tuple[str, str] | None:
    """What this process could write neither beside the store at `path` nor in the state folder, as the side file
    would hold it (JSON, no secret), and why each refused it; None when it kept everything."""
    key = str(path)
    with _LOCK:
        if key not in _LOST:
            return None
        return json.dumps(_LOST[key], indent=1, sort_keys=True), _WHY[key]


def waiting(path: str | Path) -> list[Path]:
    """The side files beside the store at `path`, and in the state folder for it, that hold rows not yet recorded."""
    where, other = Path(path), fallback_file(path, 0)
    found = sorted(where.parent.glob(f"{where.name}.unrecorded-*.json"))
    return found + sorted(other.parent.glob(other.name.replace("-0.json", "-*.json")))


def still_written(path: str | Path) -> dict[int, list[dict[str, Any]]]:
    """The `deliveries` rows of each side file beside the store at `path` whose process still writes it (holds its
    lease), by that process: rows the store does not hold yet, of sends that process began or made."""
    found = {}
    for file in waiting(path):
        pid = int(m[1]) if (m := _PID.search(file.name)) else -1
        if pid != os.getpid() and lease.held(path, pid) and (kept := _read(file)) is not None:
            found[pid] = list(kept["deliveries"].values())
    return found


def settle(con: duckdb.DuckDBPyConnection, path: str | Path) -> list[str]:
    """Record into the store at `path` (open for writing on `con`) every side file beside it (or in the state folder
    for it) whose process no longer writes it, then remove the file, and what this process could keep nowhere; what
    was recorded, said one line per file."""
    said = []
    for file in waiting(path):
        found = _PID.search(file.name)
        pid = int(found[1]) if found else -1
        if pid != os.getpid() and lease.held(path, pid):  # its process still writes into it
            continue
        with _LOCK:
            kept = _read(file)
            if kept is None:
                continue
            deliveries = _recorded(con, kept)
            if isinstance(deliveries, str):  # kept for a later watchdesk to read
                said.append(f"{file} could not be recorded into the database ({deliveries}): kept as it is")
                continue
            try:
                file.unlink(missing_ok=True)
            except OSError as exc:  # recorded all the same; recording it again later changes nothing
                said.append(f"{file} was recorded into the database but could not be removed ({exc.strerror})")
        outcomes = ", ".join(f"{r['kind']} {r['target']}: {r['status']}" for r in deliveries)
        said.append(f"recorded {file.name} (left by process {pid}) into the database: {outcomes or 'audit rows only'}")
    with _LOCK:
        if (lost := _LOST.get(str(path))) is not None and not isinstance(_recorded(con, lost), str):
            del _LOST[str(path)]
    _SETTLED.extend(said)
    return said


def _recorded(con: duckdb.DuckDBPyConnection, kept: Mapping[str, Any]) -> list[dict[str, Any]] | str:
    """A side file's rows written into the store in one transaction: its `deliveries` rows, or why it failed."""
    from watchdesk.store.db import rollback  # db imports this module: loaded by the time a store is open

    try:  # BEGIN too: interrupted, it leaves an aborted transaction to roll back
        con.execute("BEGIN TRANSACTION")
        deliveries = _write(con, kept)
    except (duckdb.Error, ValueError, KeyError, TypeError) as exc:
        rollback(con)
        return type(exc).__name__
    except BaseException:
        rollback(con)
        raise
    con.execute("COMMIT")
    return deliveries


def settled() -> list[str]:
    """What the opens since the last call recorded from side files (or could not), one line per file; emptied."""
    found = list(_SETTLED)
    _SETTLED.clear()
    return found


def pending(path: str | Path) -> list[str]:
    """Each side file beside the store at `path` not yet recorded, said with whose it is and what records it."""
    said = []
    for file in waiting(path):
        found = _PID.search(file.name)
        pid = int(found[1]) if found else -1
        whose = (f"its process {pid} still runs" if lease.held(path, pid) else
                 f"its process {pid} has ended")  # fmt: skip
        said.append(f"{file} holds delivery outcomes not yet recorded in the database ({whose}); the next watchdesk "
                    f"command that opens the database for writing records them (`watchdesk runs --db {path} "
                    "--upgrade` does)")  # fmt: skip
    return said


def _write(con: duckdb.DuckDBPyConnection, kept: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A side file's rows written into the store; its `deliveries` rows."""
    deliveries = [_typed(row) for row in kept.get("deliveries", {}).values()]
    upsert(con, "deliveries", deliveries, key=["delivery_id"])
    for delivery_id, error in kept.get("errors", {}).items():
        con.execute("UPDATE deliveries SET error = ? WHERE delivery_id = ?", [error, delivery_id])
    upsert(con, "actions", [_typed(row) for row in kept.get("actions", [])], key=["action_id"])
    return deliveries


def _read(file: Path) -> dict[str, Any] | None:
    """The side file's content; None when there is none, or it is not one this module wrote (left as it is)."""
    try:
        kept = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return kept if isinstance(kept, dict) and isinstance(kept.get("deliveries"), dict) else None


def _plain(row: Mapping[str, object]) -> dict[str, object]:
    """A row as JSON holds it: dates and times as ISO text, every text redacted again (a secret stays out)."""
    out: dict[str, object] = {}
    for name, value in row.items():
        if isinstance(value, date):  # datetime too
            out[name] = value.isoformat()
        elif isinstance(value, str):
            out[name] = redact_text(value)
        else:
            out[name] = value
    return out


# a Slack target as watchdesk before migration 024 named it, with its URL's host: "webhook $HOOK (hooks.slack.com)"
_OLD_SLACK = re.compile(r"^(webhook \$\S*) \([^()]*\)$")


def _typed(row: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(row)
    if out.get("kind") == "slack" and isinstance(out.get("target"), str):  # a file an older watchdesk kept
        out["target"] = _OLD_SLACK.sub(r"\1", out["target"])
    for name in _DATES:
        if isinstance(out.get(name), str):
            out[name] = date.fromisoformat(out[name])
    for name in _TIMES:
        if isinstance(out.get(name), str):
            out[name] = datetime.fromisoformat(out[name])
    return out
