"""rich's stderr console and markup escaping, imported at first use: rich costs a short command ~50 ms."""

from __future__ import annotations

import contextlib
import os
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


@cache
def _console() -> Console:
    import sys

    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # The reader of the messages went away (`watchdesk run ... 2>&1 | head`). rich's own handling exits with
            # status 1 mid-way, which left a run half done and marked stale (a walkthrough, session 27). Messages
            # stop instead and the work goes on; a later write to a cut stdout still ends with 141 (cli.Group).
            self.quiet = True
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), self.file.fileno())

    # Not a terminal (a log, cron's mail, a pipe): one message a line, never wrapped at 80 columns, so URLs and paths
    # in a log can be copied whole (a new user's walkthrough, session 22)
    return _Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


class LazyConsole:
    """Stands in for `Console(stderr=True, highlight=False)`; rich is imported at the first print."""

    def print(self, *objects: Any, **options: Any) -> None:
        _console().print(*objects, **options)

    def input(self, *args: Any, **options: Any) -> str:
        return _console().input(*args, **options)


def escape(markup: str) -> str:
    """rich.markup.escape, imported when first needed; control characters (a fetched ESC sequence) shown as
    escapes, never sent to the terminal."""
    from rich.markup import escape as rich_escape

    from watchdesk.sources.redact import printable

    return rich_escape(printable(markup))


err = LazyConsole()
