"""Every command is documented in the README and shows an example in its help."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import REPO
from watchdesk.graph.cli import cli


def leaves(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # lazy commands too (graph/cli_lazy.py)
        cmd = group.get_command(ctx, name)
        path = (*prefix, name)
        out += leaves(cmd, path) if isinstance(cmd, click.Group) else [path]
    return out


COMMANDS = leaves(cli)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_in_readme(path: tuple[str, ...]) -> None:
    readme = (REPO / "README.md").read_text()
    assert f"`watchdesk {' '.join(path)}" in readme


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_has_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"watchdesk {' '.join(path)}" in result.output


def test_lazy_commands_are_listed_as_their_help_says() -> None:
    """`watchdesk --help` shows a lazy command's summary without importing it: it must be its help's first
    paragraph, so the list reads as if every command were loaded."""
    assert COMMANDS and {path[0] for path in COMMANDS} >= set(cli.lazy)
    for name, entry in cli.lazy.items():
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help is not None
        assert entry.summary == command.help.split("\n\n")[0].strip(), name
        for width in (40, 80, 200):
            assert click.Command(name, help=entry.summary).get_short_help_str(width) == command.get_short_help_str(
                width
            )


def test_quick_start_is_exactly_two_commands() -> None:
    readme = (REPO / "README.md").read_text()
    block = re.search(r"## Quick start\s+```bash\n(.*?)```", readme, re.S)
    assert block, "README must start with a Quick start code block"
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text()
    assert commands[1].split("#")[0].strip() in ci


def test_init_writes_a_valid_watchlist(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "w.toml"
    assert CliRunner().invoke(cli, ["init", str(target)]).exit_code == 0
    again = CliRunner().invoke(cli, ["init", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    # replayed: a live dry run without WATCHDESK_SEC_IDENTITY says the run would stop (exit 2)
    from watchdesk.graph.demo import demo_pack

    dry = CliRunner(env={"WATCHDESK_REPLAY": str(demo_pack())}).invoke(cli, ["run", str(target), "--dry-run"])
    assert dry.exit_code == 0 and "(3 tickers;" in dry.output and dry.output.rstrip().endswith(": valid")


def groups(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    ctx = click.Context(group)
    out: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if isinstance(cmd, click.Group):
            out += [(*prefix, name), *groups(cmd, (*prefix, name))]
    return out


@pytest.mark.parametrize("path", groups(cli), ids=" ".join)
def test_a_group_help_has_examples_too(path: tuple[str, ...]) -> None:
    """The runs review (session 22): `watchdesk edgar --help` showed no example."""
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "Example" in result.output and f"watchdesk {' '.join(path)} " in result.output


# The commands whose README examples read a database; each runs on the store `make demo` leaves
_READERS = ("findings", "changes", "runs", "brief", "evidence")
# what stands for a value of the user's own in an example, which no demo has
_PLACEHOLDER = re.compile(r"\.\.\.|\$\(|\b(?:DB|FILE|RUN|RUN_ID|DIR|NAME|WATCHLIST)\b")


def _demo_db() -> str:
    """The database `make demo` writes, as its Makefile line names it."""
    found = re.search(r"^demo:.*\n\t.*watchdesk demo --db (\S+)", (REPO / "Makefile").read_text(), re.M)
    assert found, "the Makefile's demo target names no --db"
    return found[1]


def _table_examples() -> list[str]:
    """The example cells' commands of README's command table."""
    rows = [line for line in (REPO / "README.md").read_text().splitlines() if line.startswith("| `watchdesk ")]
    return [m.replace("\\|", "|") for row in rows for m in re.findall(r"`(watchdesk [^`]+)`", row.rsplit(" | ", 1)[-1])]


def test_every_readme_example_names_the_database_make_demo_writes() -> None:
    """A demanding user's walkthrough (session 45): the README's examples read `--db demo.duckdb`, where `make demo`
    writes watchdesk.duckdb, so none of them ran as written after it."""
    readme = (REPO / "README.md").read_text()
    named = set(re.findall(r"`watchdesk [^`]*?--db (\S+?)[`\s]", readme))
    assert named <= {_demo_db(), "DB", "FILE"}, named


def test_the_readme_examples_that_read_a_store_run_after_make_demo(
    tmp_path: Path, demo_store: Callable[[Path], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = [e for e in _table_examples() if e.split()[1] in _READERS and not _PLACEHOLDER.search(e)]
    assert {e.split()[1] for e in examples} == set(_READERS), examples
    demo_store(tmp_path).rename(tmp_path / _demo_db())  # as `make demo` leaves it
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WATCHDESK_DB", raising=False)
    for example in examples:
        result = CliRunner().invoke(cli, shlex.split(example)[1:])
        assert result.exit_code == 0 and result.stdout.strip(), f"{example}\n{result.output}"
