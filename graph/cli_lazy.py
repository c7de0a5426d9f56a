"""A click group whose commands are imported only when run or asked for help: a short command pays for itself.

Importing every command module cost a start-up ~0.1 s and pulled in what only one command needs (lxml for
`edgar`, the flagging library for `flag`). `watchdesk --help` lists each lazy command from its summary, the
first paragraph of its help, kept here beside the import path; tests/unit/test_cli_docs.py checks they agree.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass

import click

# ctx.meta key (meta is shared by every context of a command line): the subcommand a nested group runs ("diff" of
# `watchdesk edgar diff`), for the root's error handling, which sees only the group's name
LEAF = "watchdesk.leaf"


def note_leaf(ctx: click.Context) -> None:
    """A nested group's callback: say which of its subcommands runs."""
    ctx.meta[LEAF] = ctx.invoked_subcommand


@dataclass(frozen=True)
class LazyCommand:
    """Where a command lives ("module:attribute"), the subcommands to add to it, and its summary."""

    target: str
    summary: str
    subcommands: tuple[str, ...] = ()


def load(target: str) -> click.Command:
    module, _, attribute = target.partition(":")
    command = getattr(importlib.import_module(module), attribute)
    if not isinstance(command, click.Command):  # pragma: no cover - a typo in the table
        raise TypeError(f"{target} is not a click command")
    return command


class LazyGroup(click.Group):
    """click.Group plus commands registered by import path, loaded at their first use."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy: dict[str, LazyCommand] = {}

    def add_lazy(self, name: str, target: str, summary: str, *, subcommands: Sequence[str] = ()) -> None:
        self.lazy[name] = LazyCommand(target, summary, tuple(subcommands))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            entry = self.lazy[cmd_name]
            command = load(entry.target)
            if isinstance(command, click.Group):
                for sub in entry.subcommands:
                    command.add_command(load(sub))
            self.add_command(command, cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click's, but a command not loaded yet is shown from its summary instead of being imported."""
        shown = [(name, self.commands.get(name) or click.Command(name, help=self.lazy[name].summary))
                 for name in self.list_commands(ctx)]  # fmt: skip
        rows = [(name, command) for name, command in shown if not command.hidden]
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _ in rows)
            with formatter.section("Commands"):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])
