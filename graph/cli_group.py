"""The `watchdesk` command group's handling of what goes wrong: every error one line on stderr with the README's exit
code (2 bad input, 3 a database in use, 1 anything else; 130 Ctrl-C, 141 a reader gone), never a traceback; a
mistyped option or command said with what was meant."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any

import click

from watchdesk.graph.cli_input import os_error_said
from watchdesk.graph.cli_lazy import LEAF, LazyGroup
from watchdesk.graph.console import err, escape
from watchdesk.sources.errors import (
    SIZE_LIMIT,
    ConfigError,
    DatabaseInUseError,
    DiskFullError,
    ParsingError,
    StoreDamagedError,
    WatchdeskError,
    did_you_mean,
    disk_full,
    no_room,
    unexpected,
)
from watchdesk.sources.redact import redact_text

EXIT_ERROR, EXIT_CONFIG, EXIT_IN_USE = 1, 2, 3
EXIT_PIPE = 141  # the reader of the output closed it early (128 + SIGPIPE), said with no message
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


def exit_code(exc: BaseException) -> int:
    """The README's scheme: 2 bad input (settings, watchlist, a file that cannot be parsed), 3 database in use,
    1 anything else."""
    if isinstance(exc, DatabaseInUseError):
        return EXIT_IN_USE
    return EXIT_CONFIG if isinstance(exc, ConfigError | ParsingError) else EXIT_ERROR


def fail(exc: WatchdeskError) -> None:
    err.print(f"[bold red]error:[/bold red] {escape(redact_text(str(exc)))}", soft_wrap=True)
    sys.exit(exit_code(exc))


class OneLineUsageError(click.ClickException):
    """A mistyped option or argument, said as every other error is: one line on stderr, exit 2. Click's own form took
    four ("Usage: ...", "Try '... --help' for help.", a blank line, "Error: ..."), beside one-line "error: ..." for a
    mistake it did not catch itself (a new user's walkthrough)."""

    exit_code = EXIT_CONFIG

    def show(self, file: Any = None) -> None:
        err.print(f"[bold red]error:[/bold red] {escape(redact_text(self.message))}", soft_wrap=True)


# `watchdesk` or `watchdesk edgar` alone: click shows the help, which stays as it is
_HELP_SHOWN: tuple[type[click.UsageError], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if t is not None)  # fmt: skip


# Commands people look for under another name: what watchdesk calls it, and what it shows
_TRAIL = ("runs", "a run's plan, steps and audit trail: `watchdesk runs RUN_ID`")
_ALSO_CALLED = {"audit": _TRAIL, "trail": _TRAIL, "log": _TRAIL, "logs": _TRAIL, "history": _TRAIL,
                "status": ("runs", "each run's status"), "report": ("brief", "a period's briefing"),
                "briefing": ("brief", "a period's briefing"), "search": ("findings", "the stored findings"),
                "diff": ("changes", "what changed between a company's filings"),
                "compare": ("changes", "what changed between a company's filings"),
                "watchlist": ("init", "an example watchlist to edit"), "cron": ("schedule", "runs on a schedule"),
                "score": ("sentiment", "a sentence's sentiment")}  # fmt: skip
_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'\.?$")


def one_line(exc: click.UsageError) -> click.UsageError | OneLineUsageError:
    if isinstance(exc, _HELP_SHOWN):
        return exc
    help_of = f"; see `{exc.ctx.command_path} --help`" if exc.ctx is not None else ""
    message = exc.format_message().rstrip()
    if isinstance(exc, click.NoSuchOption):  # click's "(Did you mean one of: '--limit', '--polarity'?)": ours
        message = exc.message.rstrip().rstrip(".") + did_you_mean(_closest(exc.option_name, exc.possibilities or []))
    if exc.ctx is not None and (unknown := _NO_SUCH_COMMAND.match(exc.message.rstrip())):  # "watchdesk audit"
        message, help_of = exc.message.rstrip(), _meant(unknown["name"], exc.ctx) + help_of
    return OneLineUsageError(message.rstrip(".") + help_of)


def _closest(name: str, close: list[str]) -> list[str]:
    """Click's close options (best first, from a cutoff of 0.6), the best and those as close as a command's slip must
    be: "--limt" is --limit's, not --polarity's too."""
    import difflib

    return [c for n, c in enumerate(close) if n == 0 or difflib.SequenceMatcher(None, name, c).ratio() >= 0.75]


def _meant(name: str, ctx: click.Context) -> str:
    """"; did you mean `watchdesk runs`? (...)" for a command one slip off or known by another name, or nothing."""
    import difflib

    names = ctx.command.list_commands(ctx) if isinstance(ctx.command, click.Group) else []
    if close := difflib.get_close_matches(name.lower(), names, n=1, cutoff=0.75):
        return did_you_mean([f"`{ctx.command_path} {close[0]}`"])
    meant, what = _ALSO_CALLED.get(name.lower(), ("", "")) if ctx.parent is None else ("", "")
    return f"{did_you_mean([f'`{ctx.command_path} {meant}`'])} ({what})" if meant in names else ""


class Group(LazyGroup):
    """Turns every error into a clear message and an exit code, never a traceback."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:  # fmt: skip
        try:  # the group's own options (`watchdesk --bogus`)
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise one_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WatchdeskError as exc:
            fail(exc)
        except click.UsageError as exc:  # a subcommand's options and arguments, and a command that does not exist
            raise one_line(exc) from None
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt as exc:
            # Ctrl-C: 130 (128 + SIGINT) as shells expect, and how to pick a run up again (its rows so far are kept;
            # the next start marks it interrupted); a run's own interrupt names it and its database
            run_id, db = getattr(exc, "run_id", None), getattr(exc, "db_path", None)
            if run_id:
                how = f"; run {run_id} resumes with `watchdesk approve {run_id}{f' --db {db}' if db else ''}`"
            elif ctx.invoked_subcommand in ("run", "demo"):  # stopped before its run was recorded (a walkthrough)
                how = "; the run stopped before it was recorded, so there is nothing to resume: run it again"
            else:
                how = ""
            # a command that stores nothing (`flag`, a listing) has nothing kept to speak of
            kept = "" if not how and _stores_nothing(ctx) else ": what was stored is kept"
            err.print(f"\ninterrupted{kept}{escape(how)}", soft_wrap=True)
            sys.exit(128 + _TERMINATED[-1] if _TERMINATED else EXIT_INTERRUPTED)
        except BrokenPipeError:
            # the reader of the output went away (`watchdesk flag call.txt | head`): stop without a message, with the
            # status of a program killed by SIGPIPE (128 + 13), so a pipeline under `set -o pipefail` still sees the
            # output was cut; stdout goes to /dev/null so that the interpreter's last flush does not fail again
            with contextlib.suppress(OSError, ValueError):  # ValueError: a stdout with no descriptor (io.StringIO)
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_PIPE)
        except DiskFullError as exc:
            fail(_full_disk_said(exc, ctx) or WatchdeskError(exc.why))
        except StoreDamagedError as exc:  # found by a query after the store was opened: said as at open
            fail(exc.error)
        except OSError as exc:
            fail(_full_disk_said(exc, ctx) or os_error_said(exc))
        except RecursionError:
            fail(ParsingError("the input is nested too deeply to read"))
        except MemoryError:
            fail(WatchdeskError("out of memory; is the input far larger than a filing or a call?"))
        except Exception as exc:  # a bug: say so plainly rather than print a traceback at the user
            fail(_full_disk_said(exc, ctx) or WatchdeskError(unexpected(exc)))


# Commands that keep nothing of their own: they print (flag, sentiment, transcript parse/fetch, edgar's but download)
# or read the store (findings, changes, evidence), so a full disk there is their output's, and nothing of theirs was
# stored
_STORES_NOTHING = frozenset({"flag", "sentiment", "transcript", "findings", "changes", "evidence", "edgar list",
                             "edgar sections", "edgar items", "edgar diff", "edgar text"})  # fmt: skip


def _stores_nothing(ctx: click.Context) -> bool:
    name = ctx.invoked_subcommand
    return name in _STORES_NOTHING or f"{name} {ctx.meta.get(LEAF)}" in _STORES_NOTHING


def _full_disk_said(exc: BaseException, ctx: click.Context | None = None) -> WatchdeskError | None:
    """No bug: the disk of the store, its checkpoints or the briefings wants room (an OSError or a database's words);
    a run it stopped is named, with how to resume it. A command that stores nothing does not say what was kept."""
    if (full := disk_full(exc)) is None:
        return None
    run_id, db = getattr(exc, "run_id", None), getattr(exc, "db_path", None)
    then = (f"resume run {run_id} with `watchdesk approve {run_id}{f' --db {db}' if db else ''}`" if run_id
            else "run the command again")
    room = "raise the limit" if full == SIZE_LIMIT else "free some space"
    kept = "" if ctx is not None and _stores_nothing(ctx) else " what was stored so far is kept;"
    return WatchdeskError(f"{no_room(full)}:{kept} {room}, then {then}")


_TERMINATED: list[int] = []  # SIGTERM, once received: the exit status is a terminated program's


def terminate(signum: int, _frame: object) -> None:
    """SIGTERM (`timeout`, systemd, `docker stop`, `kill`) stops a command as Ctrl-C does, so a run says what was
    kept and how to resume it, where it died without a word; the exit status stays 128 + SIGTERM."""
    _TERMINATED.append(signum)
    raise KeyboardInterrupt
