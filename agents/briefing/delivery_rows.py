"""The `deliveries` rows of a briefing: the intent stored before a send, its outcome after, and what was served.

A message is handed over only once a `sending` row says so; its outcome replaces that row. A row still `sending`
when the briefing is delivered again is a send whose outcome was never stored (the disk filled, the process was
killed): it may have arrived, so it becomes `unconfirmed` and is not sent again unasked. DuckDB lets one process
write a file, so no other process is sending it now, but for one that closed the store to wait before trying again
(retry.py) and holds a lease on it (store/lease.py): its rows are its own to finish, and nobody else's to send.
A store that could not be reopened after such a wait is set aside: its rows go to a file beside it, which the next
open of the store records (store/unrecorded.py).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from watchdesk.agents.briefing.file_target import BRIEFING_FOLDER
from watchdesk.store import lease, unrecorded
from watchdesk.store.bulk import upsert
from watchdesk.store.records import ActionRecord, stable_id
from watchdesk.store.store import Store

AGENT = "briefing"
# A target as its deliveries are compared (sent before? pending? failed last?): an e-mail address without case. Its
# domain is case-insensitive (RFC 5321); its local part may in theory not be, but no mail service in use tells
# "PM@x.com" from "pm@x.com", and the policy's allowed_recipients never did: two spellings are one person, sent one
# copy, and a watchlist that changes an address's case has not gained a new recipient.
TARGET_KEY = "CASE WHEN kind = 'email' THEN lower(target) ELSE target END"


def key(kind: str, target: str) -> tuple[str, str]:
    """(kind, target) as TARGET_KEY compares it."""
    return (kind, target.lower() if kind == "email" else target)


class Sent(Protocol):  # what a row is written from: deliver.Message
    @property
    def briefing_id(self) -> str: ...
    @property
    def run_id(self) -> str: ...
    @property
    def watchlist(self) -> str: ...
    @property
    def period(self) -> tuple[object, object]: ...
    @property
    def paths(self) -> Mapping[str, Path]: ...
    @property
    def watchlist_path(self) -> str | None: ...


def begin(store: Store, msg: Sent, *, kind: str, targets: Sequence[str]) -> dict[tuple[str, str], str]:
    """Store that `targets` are about to be sent `msg` (before anything is handed over); their row ids."""
    now = datetime.now(UTC)
    rows = [_row(msg, kind=kind, target=t, status="sending", attempts=0, error=None, at=now) for t in targets]
    _write(store, rows=rows)
    return {(kind, str(r["target"])): str(r["delivery_id"]) for r in rows}


def in_flight(store: Store, briefing_id: str) -> dict[tuple[str, str], str]:
    """The sends of this briefing another process has begun and is waiting to try again (its lease is held), or
    that it began or made since it could not reopen the store (their rows are in its side file alone):
    (kind, target) -> what that process does."""
    leases = lease.live(store.path) if store.path else []
    held = {h.run_id: h for h in leases if h.briefing_id == briefing_id}
    rows = store.query("SELECT kind, target, run_id FROM deliveries WHERE briefing_id = ? AND status = 'sending' AND "
                       "list_contains(?, run_id)", [briefing_id, list(held)]) if held else []  # fmt: skip
    busy = {key(kind, target): held[run_id].said() for kind, target, run_id in rows}
    # a process that could not reopen the store keeps the rows of what it sends since beside it, until it can
    by_pid = {h.pid: h for h in leases}
    for pid, kept in (unrecorded.still_written(store.path) if store.path else {}).items():
        busy |= {key(str(r["kind"]), str(r["target"])): by_pid[pid].said() for r in kept
                 if r.get("briefing_id") == briefing_id and pid in by_pid}  # fmt: skip
    return busy


def retrying(store: Store, msg: Sent, *, kind: str, targets: Sequence[str], ids: Mapping[tuple[str, str], str],
             attempt: int, said: str) -> None:  # fmt: skip
    """Store, before the store is closed for the wait, that `targets` are tried again: their `sending` rows say so,
    and the audit has the failed attempt."""
    now = datetime.now(UTC)
    why = f"tried again after {said}"
    retried = [ids[(kind, t)] for t in targets if (kind, t) in ids]
    actions = [ActionRecord(agent=AGENT, action=f"deliver.{kind}", target=t, attempt=attempt, outcome="retrying",
                            at=now, run_id=msg.run_id, detail=said) for t in targets]  # fmt: skip
    if not store.available():
        _kept(store, unrecorded.keep(store.path or "", actions=actions, errors=dict.fromkeys(retried, why)))
        return
    store.query("UPDATE deliveries SET error = ? WHERE list_contains(?, delivery_id)", [why, retried])
    store.record_actions(actions)


def settle_unknown(store: Store, msg: Sent, *, busy: Container[tuple[str, str]] = ()
                   ) -> dict[tuple[str, str], str]:  # fmt: skip
    """The sends of this briefing left `sending` by an earlier process, now `unconfirmed`: (kind, target) -> why.
    Those `busy` (another process waits to try them again) are left as they are. The run that began each one has it
    in its audit trail too (`watchdesk runs RUN_ID`), with what to do."""
    rows = store.query("SELECT delivery_id, kind, target, \"at\", error, run_id FROM deliveries WHERE briefing_id = ? "
                       "AND status = 'sending' ORDER BY \"at\"", [msg.briefing_id])  # fmt: skip
    said: dict[tuple[str, str], str] = {}
    now = datetime.now(UTC)
    for delivery_id, kind, target, at, retried, run_id in rows:
        if (where := key(kind, target)) in busy:
            continue
        then = f" ({retried}) when its process ended" if retried else ""  # killed as it waited to try again
        said[where] = f"its sending began at {at:%Y-%m-%d %H:%M} UTC{then} and its outcome was never recorded"
        store.query("UPDATE deliveries SET status = 'unconfirmed', error = ? WHERE delivery_id = ?",
                    [f"{said[where]}; not sent again", delivery_id])  # fmt: skip
        store.record_actions([ActionRecord(
            agent=AGENT, action=f"deliver.{kind}", target=target, attempt=1, outcome="unconfirmed", at=now,
            run_id=run_id, detail=f"{said[where]}: it may have arrived; not sent again unasked: "
                                  f"{unsure_then(msg, store.path)}")])  # fmt: skip
    return said


def unsure_then(msg: Sent, db: str | None) -> str:
    """What to do about a send that may have arrived: check, then the command that sends it where it did not."""
    return f"check with the recipient, then {resend_command(msg, db)} sends it to each target it may not have reached"


def resend_command(msg: Sent, db: str | None, *, every: bool = False) -> str:
    """`watchdesk brief ... --deliver --undelivered` for this briefing's watchlist, period, database and folder, as it
    can be typed (in backquotes), without --undelivered when `every` target is to get it again; `watchdesk brief
    --deliver --undelivered` for a notice (no period)."""
    start, end = msg.period
    if start is None or end is None:
        return "`watchdesk brief --deliver --undelivered`"
    folders = {str(Path(p).parent) for p in msg.paths.values()}
    out = folders.pop() if len(folders) == 1 else None
    line = resend_line(name=msg.watchlist, path=msg.watchlist_path, db=db, period=(start, end), out=out)
    return f"`{line.removesuffix(' --undelivered') if every else line}`"


def resend_line(*, name: str, path: str | Path | None, db: str | Path | None, period: tuple[object, object],
                out: str | Path | None) -> str:  # fmt: skip
    """The one resend command every delivery message suggests: the watchlist by its file when the delivery read one
    and it is still there (as it now says its targets and policy: a recipient allowed since is sent to), else by its
    stored `--name`; the database, the file and the folder absolute, so that it runs from any folder (a cron log)."""
    from shlex import quote

    which = quote(str(Path(path).absolute())) if path and Path(path).is_file() else f"--name {quote(name)}"
    where = f" --db {quote(str(Path(db).absolute()))}" if db and str(db) != ":memory:" else ""
    folder = f" --out {quote(str(Path(out).absolute()))}" if out else ""
    return (f"watchdesk brief {which}{where} --since {period[0]} --until {period[1]}{folder} --deliver "
            "--undelivered")


# each earlier briefing's target of a watchlist as it last went, where that is not surely there: failed, refused, may
# have arrived, or begun by a process that is gone (one waiting to try again holds a lease and is left to it)
_OPEN = f"""
SELECT briefing_id, kind, target, status, period_start, period_end, run_id FROM deliveries
WHERE watchlist = ? AND NOT starts_with(coalesce(briefing_id, ''), 'approval:')
QUALIFY row_number() OVER (PARTITION BY briefing_id, kind, {TARGET_KEY} ORDER BY "at" DESC) = 1
  AND status IN ('failed', 'refused', 'unconfirmed', 'sending') AND NOT list_contains(?, run_id)
ORDER BY period_start, kind, target
"""


def retire(store: Store, msg: Sent, *, targets: Container[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """The watchlist's earlier deliveries left undelivered to a target it no longer has (`targets`, by `key`): each
    gets a `removed` row after it, so `watchdesk runs` stops counting it failed or pending, and an audit row; its own
    rows and trail stay as they were. (kind, target) -> the periods retired."""
    leased = [h.run_id for h in lease.live(store.path)] if store.path not in (None, ":memory:") else []
    rows = [r for r in store.query(_OPEN, [msg.watchlist, leased]) if key(r[1], r[2]) not in targets]
    if not rows:
        return {}
    now, retired = datetime.now(UTC), dict[tuple[str, str], list[str]]()
    why = f"no longer a target of the watchlist {msg.watchlist!r} when {msg.run_id} delivered; not sent again"
    for _id, kind, target, status, start, end, _run in rows:
        retired.setdefault((kind, target), []).append(f"{start} to {end} ({status})")
    _write(store, rows=[{
        "delivery_id": stable_id(briefing_id, kind, target, "removed", now.isoformat()), "briefing_id": briefing_id,
        "run_id": msg.run_id, "watchlist": msg.watchlist, "period_start": start, "period_end": end, "kind": kind,
        "target": target, "status": "removed", "attempts": 0, "error": why, "at": now,
    } for briefing_id, kind, target, _status, start, end, _run in rows], actions=[ActionRecord(
        agent=AGENT, action=f"deliver.{kind}", target=target, attempt=1, outcome="removed", at=now, run_id=msg.run_id,
        detail=f"{why}: its earlier deliveries of {', '.join(periods)} are no longer counted undelivered")
        for (kind, target), periods in retired.items()])  # fmt: skip
    return retired


def name_the_briefing_folder(store: Store, msg: Sent, *, paths: Container[str]) -> None:
    """The watchlist's file-target rows recorded under the briefing folder's older names, renamed BRIEFING_FOLDER:
    "briefings" as written (before 2026-12-06 its paths were not read from the watchlist's folder) and that folder
    beside each file the watchlist ran from (until a target "briefings" was read as the briefing folder). Else the
    delivery retired them beside its own line, 'delivery file /desk/briefings: removed from the watchlist' and
    'delivery file briefing folder: sent', one folder under two names, and `watchdesk runs` listed both. Only the
    watchlist's file tells an anchored "briefings" from a path written absolute, so this is done as a watchlist
    with a path-less file target delivers, not as a migration; a path the watchlist still names (`paths`) is its own
    target and kept. Run again, it finds nothing more to rename."""
    ran_from = store.query("SELECT DISTINCT watchlist_path FROM runs WHERE watchlist = ? AND watchlist_path IS NOT "
                           "NULL", [msg.watchlist])  # fmt: skip
    old = {"briefings"} | {str(Path(p).parent / "briefings") for (p,) in ran_from} | (
        {str(Path(msg.watchlist_path).parent / "briefings")} if msg.watchlist_path else set())
    old |= _goal_folders(store, msg)
    if renamed := sorted(name for name in old if name not in paths):
        store.query("UPDATE deliveries SET target = ? WHERE watchlist = ? AND kind = 'file' AND list_contains(?, "
                    "target)", [BRIEFING_FOLDER, msg.watchlist, renamed])  # fmt: skip


def _goal_folders(store: Store, msg: Sent) -> set[str]:
    """The briefing folder as a goal's runs named it until 2026-12-06: a goal (no watchlist file) had a file target
    "briefings" made absolute where the run started, the folder its default --out wrote to. Such a target, in a run
    whose --out was that folder ("briefings" as given, or the path itself), was the briefing folder (a run with another
    --out copied to it: a folder of its own, left as it is). Else a goal's next run said the folder 'removed from the
    watchlist, so its earlier undelivered briefing ... is no longer counted or sent' (a review)."""
    import json

    rows = store.query("SELECT watchlist_json, out_dir FROM runs WHERE watchlist = ? AND watchlist_path IS NULL AND "
                       "watchlist_json LIKE '%briefings%'", [msg.watchlist])  # fmt: skip
    folders = set()
    for stored, out_dir in rows:
        for target in json.loads(stored or "{}").get("delivery") or []:
            path = target.get("path") if target.get("kind") == "file" else None
            if path and Path(path).is_absolute() and Path(path).name == "briefings" and out_dir in ("briefings", path):
                folders.add(path)
    return folders


def already_sent(store: Store, briefing_id: str) -> dict[tuple[str, str], str]:
    """The targets served, with how: sent, or unconfirmed (the server may have it; only `brief --deliver` sends it
    again). Sent wins over unconfirmed for a target that has both."""
    rows = store.query(f"SELECT kind, {TARGET_KEY}, min(status) FROM deliveries WHERE briefing_id = ? "
                       "AND status IN ('sent', 'unconfirmed') GROUP BY ALL", [briefing_id])  # fmt: skip
    return {(r[0], r[1]): r[2] for r in rows}


def record(store: Store, msg: Sent, *, kind: str, target: str, status: str, attempts: int, error: str | None,
           delivery_id: str | None = None) -> None:  # fmt: skip
    """One outcome, in place of its `sending` row (`delivery_id`) when it had one, and its audit row."""
    now = datetime.now(UTC)
    row = _row(msg, kind=kind, target=target, status=status, attempts=attempts, error=error, at=now)
    row["delivery_id"] = delivery_id or row["delivery_id"]
    action = ActionRecord(agent=AGENT, action=f"deliver.{kind}", target=target, attempt=max(attempts, 1),
                          outcome=status, at=now, run_id=msg.run_id, detail=error or "")  # fmt: skip
    _write(store, rows=[row], actions=[action])


def _write(store: Store, *, rows: Sequence[dict[str, object]], actions: Sequence[ActionRecord] = ()) -> None:
    """`deliveries` rows and audit rows, into the store, or into its side file while it is set aside."""
    if not store.available():
        _kept(store, unrecorded.keep(store.path or "", rows=rows, actions=actions))
        return
    store.transaction(lambda con: upsert(con, "deliveries", rows, key=["delivery_id"]))
    if actions:
        store.record_actions(actions)


def _kept(store: Store, file: Path | None) -> None:
    """Where the rows of a store set aside went: beside it, or in the state folder when its folder refused them (None:
    nowhere, and unrecorded.unkept says them)."""
    if file is not None:
        store.set_aside = file


def _row(msg: Sent, *, kind: str, target: str, status: str, attempts: int, error: str | None,
         at: datetime) -> dict[str, object]:  # fmt: skip
    return {
        "delivery_id": stable_id(msg.briefing_id, kind, target, at.isoformat()),
        "briefing_id": msg.briefing_id, "run_id": msg.run_id, "watchlist": msg.watchlist,
        "period_start": msg.period[0], "period_end": msg.period[1], "kind": kind, "target": target,
        "status": status, "attempts": attempts, "error": error, "at": at,
    }  # fmt: skip
