"""The paths, files and days a command was given, read and written; every failure is a ConfigError that says what
to pass."""

from __future__ import annotations

import contextlib
import errno
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from watchdesk.graph.forms import FORMS_READ, canonical_form, said_forms
from watchdesk.graph.paths import device, file_in_the_way, unwritable, unwritable_file
from watchdesk.graph.settings import today
from watchdesk.graph.tickers import ticker_symbol
from watchdesk.sources.errors import ConfigError, WatchdeskError, unexpected

# Every --db's default, said alike: WATCHDESK_DB wins over the file in the working folder (help said it the other way
# round in some commands)
DB_DEFAULT = "default $WATCHDESK_DB when set, else ./watchdesk.duckdb"
DB_HELP = f"The store: a DuckDB file ({DB_DEFAULT})."

# What `--format` accepts wherever a command reads a transcript or filing file ("auto" sniffs the bytes).
INPUT_FORMATS = ("auto", "html", "text", "json", "pdf")


def ticker_given(text: str) -> str:
    """A TICKER argument as `plan` reads one: spaces and a leading "$" (a cashtag, "$NVDA") dropped, upper case."""
    try:
        return ticker_symbol(text)
    except ValueError as exc:
        raise ConfigError(str(exc) + _cik_said(text)) from None


def _cik_said(text: str) -> str:
    """For a CIK given where a ticker goes ("0001045810", as EDGAR's addresses write it): which ticker it is."""
    digits = text.strip()
    if not digits.isdigit() or not 1 <= len(digits) <= 10:
        return ""
    from watchdesk.graph.goal.names import shipped_index

    cik = int(digits)
    ref = next((r for r in shipped_index().by_ticker.values() if r.cik == cik), None)
    return (f"; it reads as a CIK, and CIK {cik} is {ref.ticker} ({ref.name}): give {ref.ticker}" if ref else
            "; it reads as a CIK, which SEC's ticker map shipped with watchdesk does not hold: give the ticker")


class GivenPath(click.Path):
    """click.Path that says an empty value is no path, where click reads it as ".", the folder here."""

    empty = "the path is empty"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail(self.empty, param, ctx)
        return super().convert(value, param, ctx)


class AnyCase(click.Choice):
    """A choice taken in any case and named as written when refused: click's own says "'1a', '7', 'all'" for
    1A, 7, all (it names the case-folded choices), where the help and the README write 1A and 10-K."""

    def __init__(self, choices: list[str]) -> None:
        super().__init__(choices, case_sensitive=False)

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of {', '.join(map(repr, self.choices))}"


class InputPath(GivenPath):
    """A file a command reads (or "-" for stdin), as a Path."""

    empty = "no file given (the path is empty)"

    def __init__(self) -> None:
        super().__init__(path_type=Path)


class Form(click.ParamType):
    """One of the forms a run reads, as SEC writes it ("6-k" -> "6-K"); any other value says which those are."""

    name = "form"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        form = canonical_form(str(value))
        if form in FORMS_READ:
            return form
        if form.removesuffix("/A") in FORMS_READ:  # the library strips "/A" from the listing before comparing
            self.fail(f"{value!r} is an amendment: give --form {form.removesuffix('/A')} --include-amends", param, ctx)
        given = f"{value!r} is not a form this command fetches" if form else "no form given (the value is empty)"
        self.fail(f"{given}; give one of {said_forms(last='or')} (any case)", param, ctx)


class Day(click.DateTime):
    """A day as YYYY-MM-DD (a datetime at midnight, as click.DateTime gives), and why a value is none: "2026-02-30"
    matches the format but is no day."""

    def __init__(self, *, first: date | None = None, last: date | None = None) -> None:
        super().__init__(["%Y-%m-%d"])
        self.first, self.last = first, last  # the days a command can count from, where it has limits

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "YYYY-MM-DD"  # click.DateTime's "[%Y-%m-%d]" is strptime's code, not what to type

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime):
            return value
        try:
            given = datetime.strptime(str(value).strip(), "%Y-%m-%d")
        except ValueError:
            pass
        else:
            if (self.first and given.date() < self.first) or (self.last and given.date() > self.last):
                self.fail(f"{value!r} is out of range: give a day from {self.first or date.min} to "
                          f"{self.last or date.max}", param, ctx)
            return given
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", str(value).strip()):
            year, month, day = (int(part) for part in str(value).strip().split("-"))
            try:
                date(year, month, day)
            except ValueError as exc:
                self.fail(f"{value!r} is not a day ({exc}); give YYYY-MM-DD", param, ctx)
        self.fail(f"{value!r} is not a day like 2026-03-02 (YYYY-MM-DD)", param, ctx)


class PastDay(Day):
    """A day a command counts "today" from (`run --as-of`): SEC's electronic filings begin in 1993, and a day after
    today has no data yet (a run would brief an empty week)."""

    def __init__(self, *, example: str) -> None:
        super().__init__(first=date(1993, 1, 1))
        self.example = example

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        self.last = now = today()  # read at each use: a long-lived process sees the day change
        with contextlib.suppress(ValueError):
            if datetime.strptime(str(value).strip(), "%Y-%m-%d").date() > now:
                self.fail(f"{value!r} is after today ({now.isoformat()}, UTC): give a day that has come, e.g. "
                          f"{self.example}", param, ctx)
        return super().convert(value, param, ctx)


def replay_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`--replay PACK`, the same for every command that fetches."""
    return click.option(
        "--replay",
        type=GivenPath(file_okay=False, exists=True, path_type=Path),
        help="Serve requests from this replay pack instead of the network.",
    )(fn)


# a web address pasted where a file goes ("https://www.sec.gov/Archives/..."), its "//" made "/" by Path
_WEB_ADDRESS = re.compile(r"^(https?|ftp):/+", re.IGNORECASE)
STDIN_CAP = 256 << 20  # bytes read from stdin at most: a 10-K's full submission with its exhibits is tens of MB


def input_name(path: str | Path) -> str:
    """How a command's input is named in what it says: "<stdin>" for "-" (said "-: transcript is empty"), else the
    path as given."""
    return "<stdin>" if str(path) == "-" else str(path)


def said_when_typed(expected: str, *, instead: str = "") -> None:
    """On stderr, when stdin is the terminal (nothing piped in): what the command waits for and how to end it. It
    waited in silence, and a new user took `watchdesk sentiment` with no sentence for a command that had hung."""
    if sys.stdin is not None and sys.stdin.isatty():
        click.echo(f"reading {expected} from the terminal: type or paste, then Ctrl-D on a line of its own (Ctrl-C "
                   f"stops){instead}", err=True)


def read_input(path: str | Path, *, expected: str) -> bytes:
    """The bytes of `path` ("-" reads stdin); `expected` names what the command wants, for messages."""
    if str(path) == "-":  # bounded: `< /dev/zero` or an endless pipe is said, not read until memory runs out
        said_when_typed(expected)
        data = sys.stdin.buffer.read(STDIN_CAP + 1)
        if len(data) > STDIN_CAP:
            raise ConfigError(f"stdin gave more than {STDIN_CAP >> 20} MB, more than any filing or call holds: check "
                              "what is piped in, or pass a file")
        return data
    if not str(path).strip():  # Path("") is ".", the folder here
        raise ConfigError(f"no file given (the path is empty); give {expected}")
    if why := device(Path(path)):
        raise ConfigError(f"{why}; give {expected}")
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        if web := _WEB_ADDRESS.match(str(path)):  # a Path of "https://..." holds "https:/...": said as typed
            from watchdesk.sources.redact import redact_text

            url = redact_text(f"{web[1]}://{str(path)[web.end():]}")  # a ?token= in it is never echoed
            raise ConfigError(f"{url} is a web address: this command reads a file on "
                              f"disk; save the page first (in a browser: Save Page As), then give its path: "
                              f"{expected}") from exc  # fmt: skip
        raise ConfigError(f"{path}: no such file; give {expected}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path} is a folder; give one file: {expected}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from exc


def new_file(path: Path, *, force: bool) -> None:
    """Refuse a file a command would write (`init`, `plan --out`) that exists without --force, whose folder does not
    exist, or that cannot be written there ("/proc/w.toml"), before any work."""
    if path.exists() and not force:
        raise ConfigError(f"{path} already exists (use --force to overwrite)")
    if (filed := file_in_the_way(path)) is not None:
        raise ConfigError(f"{filed} is a file, not a folder: give another path for {path.name}")
    if not path.parent.is_dir():
        raise ConfigError(f"folder {path.parent} does not exist: create it first, or give another path")
    writable_file(path)


def writable_file(path: Path, *, option: str = "") -> None:
    """Refuse a file a command would create or write that cannot be ("/proc/x": the kernel's), before any work."""
    if why := unwritable_file(path):
        raise ConfigError(f"{option + ': ' if option else ''}{path} cannot be written ({why}): give another path")


def writable_folder(path: Path, *, option: str) -> None:
    """Refuse a folder a command would create or write in that cannot be, before any work."""
    if why := unwritable(path):
        raise ConfigError(f"{option}: the folder {path} cannot be written ({why}): give another {option}")


def write_text(path: Path, text: str) -> None:
    """`text` into `path`; a write that fails there (a full disk, a device) is said as a problem of the path."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write it ({exc.strerror or exc}); give another path") from exc


def os_error_said(exc: OSError) -> WatchdeskError:
    """An OSError no command caught, in words: a path that cannot be used as asked (a name too long included), a full
    disk or a failing device is bad input or the machine's state, not a bug (any other is `unexpected`)."""
    where = f"{exc.filename}: " if exc.filename else ""
    if isinstance(exc, NotADirectoryError | IsADirectoryError | FileExistsError | PermissionError) or (
        exc.errno in (errno.EROFS, errno.ENAMETOOLONG)
    ):
        at = f": {exc.filename}" if exc.filename else ""
        return ConfigError(f"{exc.strerror or type(exc).__name__}{at}: give a path that can be used")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return WatchdeskError(f"{where}{exc.strerror}: free some space, or give a path on another disk")
    if exc.errno == errno.EIO:
        return WatchdeskError(f"{where}{exc.strerror}: the disk or device failed; check it, or give another path")
    return WatchdeskError(unexpected(exc))
