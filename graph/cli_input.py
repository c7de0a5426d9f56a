"""Reading the file a command was given; every failure is a ConfigError that says what to pass."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from watchdesk.sources.errors import ConfigError

# What `--format` accepts wherever a command reads a transcript or filing file ("auto" sniffs the bytes).
INPUT_FORMATS = ("auto", "html", "text", "json", "pdf")


def replay_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`--replay PACK`, the same for every command that fetches."""
    return click.option(
        "--replay",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        help="Serve requests from this replay pack instead of the network.",
    )(fn)


def read_input(path: str | Path, *, expected: str) -> bytes:
    """The bytes of `path` ("-" reads stdin); `expected` names what the command wants, for messages."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file; give {expected}") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path} is a folder; give one file: {expected}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror})") from exc
