"""One exception vocabulary for watchdesk.

Every branch also inherits the builtin it refines, so callers that only know Python's
exceptions still catch them. Messages say what to do next.
"""

from __future__ import annotations

from pathlib import PurePath


class WatchdeskError(Exception):
    """Base of every error watchdesk raises on purpose."""


class ConfigError(WatchdeskError, ValueError):
    """Bad settings or watchlist: fix the input named in the message."""


class UnknownTickerError(ConfigError, LookupError):
    """A ticker that SEC's ticker map does not know."""

    def __init__(self, ticker: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown ticker {ticker!r}: not in SEC's ticker map.{hint}")
        self.ticker = ticker
        self.suggestions = suggestions


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
    """A response body passed the gateway's size cap; the download was aborted."""


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
    """Another watchdesk process holds the database file."""


def unexpected(exc: BaseException, *, doing: str = "") -> str:
    """A bug said as watchdesk says one, naming where it was raised: "unexpected KeyError in sgml.py:42 reading
    nvda-20250727.htm: 'TYPE'; please report it" (`doing` being " reading nvda-20250727.htm")."""
    where = exc.__traceback__
    while where is not None and where.tb_next is not None:
        where = where.tb_next
    place = f" in {PurePath(where.tb_frame.f_code.co_filename).name}:{where.tb_lineno}" if where else ""
    return f"unexpected {type(exc).__name__}{place}{doing}: {exc}; please report it"
