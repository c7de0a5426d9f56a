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


def file_in_the_way(path: Path) -> Path | None:
    """The nearest part of `path` that exists as a file, so no folder can be made there ("notes.txt/w.toml")."""
    return next((part for part in path.parents if part.exists() and not part.is_dir()), None)


def new_file(path: Path, *, force: bool) -> None:
    """Refuse a file a command would write (`init`, `plan --out`) that exists without --force, or whose folder does
    not exist, before any work."""
    if path.exists() and not force:
        raise ConfigError(f"{path} already exists (use --force to overwrite)")
    if (filed := file_in_the_way(path)) is not None:
        raise ConfigError(f"{filed} is a file, not a folder: give another path for {path.name}")
    if not path.parent.is_dir():
        raise ConfigError(f"folder {path.parent} does not exist: create it first, or give another path")
