"""The e-mail and Slack targets of a watchlist's last approved run: the only ones its notices may reach where the
policy asks approval (a recipient added since is an edit nobody approved).

The database says which they are; a copy is kept beside it (FILE.approved-targets.json), so that a scheduled run
that cannot start because the database cannot be read (damaged, held by another program, gone) still tells them.
Every run that ends, and every notice that could read the database, brings the copy up to date. It holds e-mail
addresses and webhook variable names only: never a password, a URL or a token.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from watchdesk.agents.briefing.deliver import Outcome, Target
from watchdesk.sources.errors import ConfigError, WatchdeskError
from watchdesk.store.store import Store

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # a webhook's variable name; anything else is not kept


@dataclass(frozen=True, kw_only=True)
class Approved:
    """What a watchlist's last approved run delivered to: its run, e-mail addresses (lower case), webhook variables."""

    run_id: str
    emails: frozenset[str]
    hooks: frozenset[str]


def record_file(db_path: Path | str) -> Path:
    """The copy of each watchlist's approved targets, beside the database."""
    return Path(f"{db_path}.approved-targets.json")


def last_approved(store: Store, watchlist: str, *, run_id: str = "") -> Approved | None:
    """The targets of the watchlist's last approved run other than `run_id`, as the database holds them."""
    rows = store.query("SELECT run_id, watchlist_json FROM runs WHERE watchlist = ? AND approval = 'approved' "
                       "AND run_id <> ? ORDER BY started_at DESC LIMIT 1", [watchlist, run_id])  # fmt: skip
    if not rows:
        return None
    delivery = json.loads(rows[0][1] or "{}").get("delivery", [])
    return Approved(
        run_id=str(rows[0][0]),
        emails=frozenset(str(a).lower() for d in delivery if d.get("kind") == "email" for a in d.get("to") or ()),
        hooks=frozenset(str(d.get("webhook_env")) for d in delivery if d.get("kind") == "slack"),
    )


def remember(store: Store, *, watchlist: str, db_path: Path | str) -> None:
    """Bring the copy beside the database up to date for `watchlist` (written whole, then renamed over the old one);
    a watchlist with no approved run is taken out of it. A copy that cannot be written is no reason to fail a run:
    it is left as it was."""
    from watchdesk.agents.briefing.files import write_atomic

    if str(db_path) == ":memory:":
        return
    path = record_file(db_path)
    with contextlib.suppress(WatchdeskError, OSError, ValueError):
        approved = last_approved(store, watchlist)
        kept = _read(path)
        if approved is None and watchlist not in kept:
            return
        entry = None if approved is None else {
            "run_id": approved.run_id, "email": sorted(approved.emails),
            "slack": sorted(h for h in approved.hooks if _VARIABLE.fullmatch(h))}  # fmt: skip
        if kept.get(watchlist) == entry:  # as it was: each run that ends need not write it again
            return
        kept.pop(watchlist, None)
        if entry is not None:
            kept[watchlist] = entry
        if not kept:
            path.unlink(missing_ok=True)
            return
        note = ("watchdesk: the e-mail and Slack targets of each watchlist's last approved run, as the database beside "
                "this file holds them: a scheduled run that cannot start while the database cannot be read tells them. "
                "Rewritten by each run that ends.")  # fmt: skip
        write_atomic(path, json.dumps({"note": note, "watchlists": kept}, indent=1, sort_keys=True) + "\n")


def recalled(db_path: Path | str, watchlist: str) -> Approved | None:
    """The targets of the watchlist's last approved run as the copy beside the database holds them; None when it holds
    none. ConfigError when the copy cannot be read."""
    entry = _read(record_file(db_path)).get(watchlist)
    if not isinstance(entry, dict):
        return None
    emails, hooks = (frozenset(str(x) for x in entry.get(key) or ()) for key in ("email", "slack"))
    return Approved(run_id=str(entry.get("run_id", "")), emails=frozenset(a.lower() for a in emails), hooks=hooks)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} cannot be read ({type(exc).__name__})") from None
    kept = data.get("watchlists") if isinstance(data, dict) else None
    if not isinstance(kept, dict):
        raise ConfigError(f"{path} cannot be read (not the file watchdesk writes)")
    return kept


def only_approved(targets: list[Target], approved: Approved | None, *, why: str, report: Callable[[str], None],
                  notice: str, then: str) -> tuple[list[Target], list[Outcome]]:  # fmt: skip
    """The e-mail and Slack `targets` that `approved` has too, and an outcome `not told` for each other one, said with
    `why` (why it is not told), `notice` (which notice) and `then` (what follows: what would tell it)."""
    emails = approved.emails if approved else frozenset()
    hooks = approved.hooks if approved else frozenset()
    told, left_out = [], []
    for t in targets:
        if t.kind == "email":
            kept = tuple(a for a in t.to if a.lower() in emails)
            left_out += [f"email {a}" for a in t.to if a not in kept]
            told += [replace(t, to=kept)] if kept else []
        elif t.kind == "slack":
            told += [t] if t.webhook_env in hooks else []
            left_out += [] if t.webhook_env in hooks else [f"slack webhook ${t.webhook_env}"]
    not_told = []
    for target in left_out:
        report(f"{notice} {target}: not told ({why}; {then})")
        kind, _, where = target.partition(" ")
        not_told.append(Outcome(kind=kind, target=where, status="not told", error=why))
    return told, not_told
