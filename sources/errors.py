"""One exception vocabulary for watchdesk.

Every branch also inherits the builtin it refines, so callers that only know Python's
exceptions still catch them. Messages say what to do next.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePath
from typing import ClassVar


def did_you_mean(close: Sequence[str]) -> str:
    """"; did you mean NVDA?" (or "NVDA, NVDS or NVD?"): how every command offers what a slip was close to, after
    saying what is wrong, each as the user would type it; "" when nothing is close."""
    if not close:
        return ""
    said = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
    return f"; did you mean {said}?"


class WatchdeskError(Exception):
    """Base of every error watchdesk raises on purpose."""

    # whether a setting missing where the command runs may be why (a scheduled run's notice then says where cron's
    # runs read their settings): a property of the error, never read from its words
    settings_advice: ClassVar[bool] = False
    # The message as a notebook shows it, where the message's advice is the command line's ("pass --db ..."): a
    # notebook has no options; it reads the store WATCHDESK_DB names. None: the message says it in both.
    in_a_notebook: str | None = None

    def _render_traceback_(self) -> list[str]:
        """What IPython (a notebook's cell) shows of this error: its message alone, as the CLI's one line. The message
        says what happened and what to do; a traceback through watchdesk's and contextlib's frames only buried it."""
        return [f"{type(self).__name__}: {self.in_a_notebook or self}"]


class ConfigError(WatchdeskError, ValueError):
    """Bad settings or watchlist: fix the input named in the message."""

    settings_advice = True


class StoreFileError(ConfigError):
    """The store's file itself refused (damaged, not a store, of a newer watchdesk, not writable): no setting is why,
    the file is what to fix."""

    settings_advice = False


class UnknownTickerError(ConfigError, LookupError):
    """A ticker that SEC's ticker map does not know."""

    settings_advice = False  # the watchlist's symbol is what to fix: no setting missing under cron makes a ticker known

    def __init__(self, ticker: str, suggestions: list[str]) -> None:
        super().__init__(f"unknown ticker {ticker!r}: not in SEC's ticker map{did_you_mean(suggestions)}")
        self.ticker = ticker
        self.suggestions = suggestions


class UnknownTickersError(ConfigError, LookupError):
    """Several tickers that SEC's ticker map does not know, each said with its suggestions."""

    settings_advice = False

    def __init__(self, unknown: list[UnknownTickerError]) -> None:
        super().__init__(f"{len(unknown)} unknown tickers:\n" + "\n".join(f"  - {exc}" for exc in unknown))
        self.unknown = unknown


class TransportError(WatchdeskError, OSError):
    """A request failed after its retries (connection, timeout, 5xx)."""


class HTTPStatusError(TransportError):
    """The server answered with an error status that retries did not fix."""

    def __init__(self, url: str, status: int, detail: str = "") -> None:
        super().__init__(f"HTTP {status} for {url}{': ' + detail if detail else ''}")
        self.url = url
        self.status = status


class NotFoundError(HTTPStatusError, LookupError):
    """404: the thing asked for does not exist at that address."""


class RateLimitedError(HTTPStatusError):
    """429 that outlasted the retries, or asked for a wait longer than the gateway's cap."""


class DeadlineExceededError(TransportError, TimeoutError):
    """A request (attempts and waits included) did not finish within its overall deadline."""


class ResponseTooLargeError(TransportError):
    """A response body passed the gateway's size cap; the download was aborted. The message names the setting that
    raises the cap and its value in force; `cap` is that value in bytes."""

    SETTING = "WATCHDESK_HTTP_MAX_MB"

    def __init__(self, url: str, *, cap: int, why: str) -> None:
        # "… passed the cap of 2,621,440 bytes (WATCHDESK_HTTP_MAX_MB=2.5)": the cap as bytes, and as the setting
        # reads it, so a reader knows what to raise and from what (agents/filings.py _under_cap reads the bytes back)
        super().__init__(f"{url}: {why} the cap of {cap:,} bytes ({self.SETTING}={cap / 1024 / 1024:g}); aborted")
        self.cap = cap


class UnavailableError(WatchdeskError, LookupError):
    """A source has nothing at the place named (a missing folder, a feed with no matching entry)."""


class PolicyError(WatchdeskError, PermissionError):
    """The sandbox refused an action (domain, action or recipient not allowed)."""


class ReplayMissError(TransportError, LookupError):
    """Replay mode: the pack has no recorded response for this request."""


class ReplayCorruptError(ReplayMissError):
    """Replay mode: the pack lists the request, but the body file it recorded is missing or corrupt."""

    def __init__(self, pack: object, url: str, detail: str) -> None:
        super().__init__(f"replay pack {pack} lists {url} but its {detail}")
        self.detail = f"recorded {detail}"  # "recorded body file bodies/x.gz is corrupt (...)", for the audit row


class ParsingError(WatchdeskError, ValueError):
    """A document or payload could not be parsed."""


class TooShortError(ParsingError):
    """Input too short to be a whole call transcript: a truncated file, or a few sentences given as a file."""


class StoreError(WatchdeskError, RuntimeError):
    """The DuckDB store could not be opened or written."""


class DatabaseInUseError(StoreError):
    """Another process holds the database file. Its message says what the command that met it can do (wait, close the
    other connection, pass --db); `holder` says who holds it alone, for a process that cannot pass --db (a delivery
    waiting to record what it did: store/reopen.py)."""

    holder = "another program"


class HeldByWatchdeskError(DatabaseInUseError):
    """Another watchdesk process holds the database file: a run to wait for (a scheduled run does), not a notebook."""


class StoreSetAsideError(DatabaseInUseError):
    """The store, closed while a delivery waited to try again, stayed held by another program past the reopen wait:
    what the delivery did is kept in a file beside it (store/unrecorded.py), and the run cannot write further."""


class DiskFullError(BaseException):
    """The disk under the store, its checkpoints, the cache or the briefings is full. Like Ctrl-C, no Exception: a
    step catches its items' bugs to go on with the rest, and must not take this for one (a gap saying "please report
    it", then the next write failing too). The run stops, resumable, with what it stored kept."""

    def __init__(self, why: str, *, run_id: str | None = None, db_path: Path | None = None) -> None:
        super().__init__(why)
        self.why = why
        self.run_id = run_id  # the run it stopped, once the runner knows it: the CLI says how to resume it
        self.db_path = db_path


class StoreDamagedError(BaseException):
    """The store was found damaged (cut short) after it was opened: DuckDB finds a missing block only when a query
    reads it. Like a full disk, no Exception: a step must not take it for one item's gap and go on writing into the
    file (the run ended done, exit 0, with that gap). The run stops, and the CLI says it as the ConfigError it is."""

    def __init__(self, error: ConfigError) -> None:
        super().__init__(str(error))
        self.error = error


FULL_DISK_WORDS = ("database or disk is full", "No space left on device", "Disk quota exceeded")  # SQLite's, the OS's


# A file-size limit (`ulimit -f`, systemd's LimitFSIZE) stops a file growing as a full disk does: EFBIG, said so
SIZE_LIMIT = "File too large: a file-size limit (`ulimit -f`, systemd's LimitFSIZE) stops the file growing"


def disk_full(exc: BaseException) -> str | None:
    """What said the disk is full: an OSError's ENOSPC or EDQUOT, or SQLite's or DuckDB's words for it, or a file
    that reached its size limit (EFBIG); else None."""
    if isinstance(exc, DiskFullError):
        return exc.why
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return exc.strerror or str(exc)
    if (isinstance(exc, OSError) and exc.errno == errno.EFBIG) or "File too large" in str(exc):
        return SIZE_LIMIT
    text = str(exc)
    return next((words for words in FULL_DISK_WORDS if words in text), None)


def no_room(why: str) -> str:
    """How a full disk, or a file at its size limit, is said."""
    return f"a file reached its size limit ({why})" if why == SIZE_LIMIT else f"the disk is full ({why})"


@contextmanager
def full_disk_stops() -> Iterator[None]:
    """A write that fails for want of room raises DiskFullError, which stops the run rather than leave an item's gap."""
    try:
        yield
    except OSError as exc:
        if (full := disk_full(exc)) is not None:
            raise DiskFullError(full) from exc
        raise


def unexpected(exc: BaseException, *, doing: str = "") -> str:
    """A bug said as watchdesk says one, naming where it was raised: "unexpected KeyError in sgml.py:42 reading
    nvda-20250727.htm: 'TYPE'; please report it" (`doing` being " reading nvda-20250727.htm")."""
    where = exc.__traceback__
    while where is not None and where.tb_next is not None:
        where = where.tb_next
    place = f" in {PurePath(where.tb_frame.f_code.co_filename).name}:{where.tb_lineno}" if where else ""
    return f"unexpected {type(exc).__name__}{place}{doing}: {exc}; please report it"
