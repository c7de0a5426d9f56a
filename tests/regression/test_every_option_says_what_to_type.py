"""user7's review, left: every date option's help showed click's strptime code as what to type ("--since
[%Y-%m-%d]"), in brief, changes, findings, plan, run and edgar list/download; `--week` showed "TEXT"; and `watchdesk
edgar download --dir` had no help at all. A date option now shows YYYY-MM-DD, a week YYYY-Www, and every option of
every command says what it is."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tests.unit.test_cli_docs import COMMANDS
from watchdesk.graph.cli import cli


def _command(path: tuple[str, ...]) -> click.Command:
    cmd: click.Command = cli
    for name in path:
        assert isinstance(cmd, click.Group)
        found = cmd.get_command(click.Context(cmd), name)
        assert found is not None
        cmd = found
    return cmd


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_option_has_help(path: tuple[str, ...]) -> None:
    bare = [opt.opts[0] for opt in _command(path).params if isinstance(opt, click.Option) and not opt.hidden
            and not opt.help]  # fmt: skip
    assert bare == [], f"watchdesk {' '.join(path)}: {bare} have no help"


@pytest.mark.parametrize("path", [("brief",), ("changes",), ("findings",), ("plan",), ("run",), ("edgar", "list"),
                                  ("edgar", "download")], ids=" ".join)  # fmt: skip
def test_a_date_option_shows_the_form_to_type(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "%Y" not in result.output, result.output
    assert " YYYY-MM-DD " in result.output


@pytest.mark.parametrize("path", [("brief",), ("changes",), ("findings",)], ids=" ".join)
def test_a_week_option_shows_the_form_to_type(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert "--week YYYY-Www " in result.output, result.output


def test_download_says_where_it_saves() -> None:
    said = " ".join(CliRunner().invoke(cli, ["edgar", "download", "--help"]).output.split())
    assert "--dir DIRECTORY Folder to save into" in said and "sec-edgar-filings/TICKER/FORM/" in said, said
