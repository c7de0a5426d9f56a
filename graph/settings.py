"""Run settings, built once from the environment and command-line flags.

This is the only module that reads environment variables; everything else receives a Settings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from watchdesk.sources.errors import ConfigError

ENV_VARS = {
    "WATCHDESK_DB": "DuckDB file (default ./watchdesk.duckdb)",
    "WATCHDESK_SEC_IDENTITY": "'Your Name you@example.com', sent as SEC's required User-Agent (live mode)",
    "WATCHDESK_CACHE_DIR": "on-disk HTTP cache (default ~/.cache/watchdesk)",
    "WATCHDESK_REPLAY": "a replay pack directory: serve every request from it instead of the network",
    "WATCHDESK_MODEL": "optional LLM as provider:model (never required), or replay:DIR to serve recorded answers",
    "WATCHDESK_LLM_RECORD": "a directory: save every LLM judge request and answer there (JSONL), for replay:DIR",
    "WATCHDESK_LLM_PRICE": "USD per million input,output tokens (e.g. 0.15,0.60): the run's LLM cost is reported",
    "WATCHDESK_FMP_API_KEY": "optional Financial Modeling Prep key: enables the `fmp` transcript source",
    "WATCHDESK_SMTP_URL": "e-mail delivery server, smtp://user:pass@host:587 or smtps://... (?from=address)",
    "WATCHDESK_HTTP_DEADLINE_S": "seconds one request may take in all, retries and waits included (default 120)",
    "WATCHDESK_HTTP_MAX_MB": "largest response body accepted, in MiB; bigger downloads are aborted (default 100)",
    "WATCHDESK_HTTP_MAX_RETRY_AFTER_S": "longest Retry-After waited; a longer one becomes a gap at once (default 30)",
    "WATCHDESK_REOPEN_WAIT_S": ("seconds a delivery that closed the database to wait before trying again waits for "
                                "another program holding it to let go; then what it did is kept in a file beside the "
                                "database, recorded by the next command that writes it (default 600)"),
}


@dataclass(frozen=True, kw_only=True)
class HttpLimits:
    """Bounds on every request: no server can hold a run or fill memory."""

    deadline_s: float = 120.0
    max_mb: float = 100.0
    max_retry_after_s: float = 30.0


@dataclass(frozen=True, kw_only=True)
class Settings:
    db_path: Path = Path("watchdesk.duckdb")
    db_named_by: str = "--db"  # where db_path came from, for messages: "--db" (or its default), or "WATCHDESK_DB"
    mode: Literal["live", "replay"] = "live"
    replay_dir: Path | None = None
    record_dir: Path | None = None
    cache_dir: Path | None = None
    sec_identity: str | None = None
    model: str | None = None
    llm_record: Path | None = None
    llm_price: tuple[float, float] | None = None  # USD per million input and output tokens
    out_dir: Path = Path("briefings")
    as_of: date | None = None  # pins "today" (the demo replays a fixed week)
    brief_since: date | None = None  # the briefing's period starts here instead of the cadence's (the demo)
    progress: bool = True
    watchlist_path: Path | None = None  # the file `watchdesk run` read the watchlist from (approve re-reads it)
    lock_wait_s: float = 600.0  # how long a --scheduled run waits for another run to release the database
    http: HttpLimits = field(default_factory=lambda: HttpLimits())
    reopen_wait_s: float = 600.0  # WATCHDESK_REOPEN_WAIT_S: store.py's REOPEN_WAIT_S
    # Provider keys live here only: never in the plan, the graph state, a log line or the audit table.
    api_keys: dict[str, str] = field(default_factory=dict, repr=False)
    # Delivery secrets: the SMTP URL (with its password) and the environment, for `webhook_env` lookups.
    smtp_url: str | None = field(default=None, repr=False)
    env: Mapping[str, str] = field(default_factory=dict, repr=False)
    # tests only (store/template.py): a migrated, empty store that a new store's file starts as a copy of
    store_template: Path | None = None

    def webhooks(self, names: Iterable[str]) -> dict[str, str]:
        """Webhook URLs from the variables a watchlist names (never the URL in the watchlist itself)."""
        return {name: url for name in names if (url := self.env.get(name))}

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def today(now: datetime | None = None) -> date:
    """Today as watchdesk counts it: the UTC date, the zone every stored date and time is in (news published times,
    first-stored times). A local date (tried in session 22) put items stored after ~19:00 in New York into no
    evening briefing; a schedule's time is the machine's local time (cron), its period the UTC day."""
    return (now or datetime.now(UTC)).astimezone(UTC).date()


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from WATCHDESK_* variables; flags override them later with `with_`."""
    env = os.environ if env is None else env
    replay = env.get("WATCHDESK_REPLAY")
    identity = env.get("WATCHDESK_SEC_IDENTITY")
    if identity is not None and "@" not in identity:
        raise ConfigError(
            "WATCHDESK_SEC_IDENTITY must hold a name and an e-mail address, "
            "e.g. WATCHDESK_SEC_IDENTITY='Jane Analyst jane@example.com' (SEC refuses anonymous requests)"
        )
    cache = env.get("WATCHDESK_CACHE_DIR") or str(Path.home() / ".cache" / "watchdesk")
    _check_paths(env)
    return Settings(
        db_path=Path(env.get("WATCHDESK_DB") or "watchdesk.duckdb"),  # empty: unset, not "."
        db_named_by="WATCHDESK_DB" if env.get("WATCHDESK_DB") else "--db",
        mode="replay" if replay else "live",
        replay_dir=Path(replay) if replay else None,
        cache_dir=Path(cache),
        sec_identity=identity,
        model=env.get("WATCHDESK_MODEL") or None,
        llm_record=Path(env["WATCHDESK_LLM_RECORD"]) if env.get("WATCHDESK_LLM_RECORD") else None,
        llm_price=_price(env.get("WATCHDESK_LLM_PRICE")),
        api_keys={name: key for name, var in _KEYS.items() if (key := env.get(var))},
        smtp_url=env.get("WATCHDESK_SMTP_URL") or None,
        env=dict(env),
        reopen_wait_s=_positive(env, "WATCHDESK_REOPEN_WAIT_S", 600.0),
        store_template=Path(template) if (template := env.get("WATCHDESK_TEST_STORE_TEMPLATE")) else None,
        lock_wait_s=_positive(env, "WATCHDESK_LOCK_WAIT_S", 600.0, zero=True),
        http=HttpLimits(
            deadline_s=_positive(env, "WATCHDESK_HTTP_DEADLINE_S", 120.0),
            max_mb=_positive(env, "WATCHDESK_HTTP_MAX_MB", 100.0),
            max_retry_after_s=_positive(env, "WATCHDESK_HTTP_MAX_RETRY_AFTER_S", 30.0),
        ),
    )


def _check_paths(env: Mapping[str, str]) -> None:
    """A replay pack or LLM recording folder named in the environment that cannot serve, said as any command starts:
    a dry run called such a run valid, and the run then failed on it (a recording folder that was a file) or met a
    bug (one under /proc)."""
    from watchdesk.graph.paths import unwritable

    if (replay := env.get("WATCHDESK_REPLAY")) and not (Path(replay) / "index.json").is_file():
        why = "does not exist" if not Path(replay).exists() else (
            "is a file, not a folder" if not Path(replay).is_dir() else "holds no index.json")
        raise ConfigError(f"WATCHDESK_REPLAY={replay}: that path {why}, so it is no replay pack; give the folder a "
                          "`watchdesk run --record PACK_DIR` wrote (the demo's is under .watchdesk/), or unset it")
    if (record := env.get("WATCHDESK_LLM_RECORD")) and (unusable := unwritable(Path(record))):
        raise ConfigError(f"WATCHDESK_LLM_RECORD={record}: LLM answers cannot be recorded there ({unusable}); give a "
                          "folder that can be written (it is created if missing), or unset it")


def _positive(env: Mapping[str, str], name: str, default: float, *, zero: bool = False) -> float:
    """A number from `name`; with `zero`, 0 too (seconds not to wait). A bad one is said as any command starts."""
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not (value >= 0 if zero else value > 0) or value == float("inf"):
        said = "a number of seconds, 0 or more" if zero else "a positive number"
        raise ConfigError(f"{name} must be {said}, got {raw!r}")
    return value


_KEYS = {"fmp": "WATCHDESK_FMP_API_KEY"}


def _price(value: str | None) -> tuple[float, float] | None:
    if not value:
        return None
    try:
        inp, out = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise ConfigError(
            f"WATCHDESK_LLM_PRICE={value!r}: give USD per million input and output tokens, e.g. 0.15,0.60"
        ) from exc
    return inp, out
