"""cli9 (a demanding user's leftovers): five options still showed click's "TEXT" as what to type, which says nothing
of the value: `brief --format TEXT`, `edgar diff --topics TEXT`, `edgar list --forms TEXT`, `flag --text TEXT` and
`transcript parse --ticker TEXT`. Each now shows what a value looks like ([md|html|md,html], TOPIC,..., FORM,...,
PASSAGE, TICKER), and no option of any command shows TEXT."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from tests.unit.test_cli_docs import COMMANDS
from watchdesk.graph.cli import cli


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_no_option_shows_text_as_what_to_type(path: tuple[str, ...]) -> None:
    said = CliRunner().invoke(cli, [*path, "--help"]).output
    assert not re.findall(r"^\s+(?:-\w, )?--[\w-]+ TEXT\b", said, re.MULTILINE), said


@pytest.mark.parametrize(("path", "shown"), [
    (("brief",), "--format [md|html|md,html] "), (("edgar", "diff"), "--topics TOPIC,... "),
    (("edgar", "list"), "--forms FORM,... "), (("flag",), "--text PASSAGE "),
    (("transcript", "parse"), "--ticker TICKER "),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")  # fmt: skip
def test_each_shows_what_a_value_looks_like(path: tuple[str, ...], shown: str) -> None:
    assert shown in CliRunner().invoke(cli, [*path, "--help"]).output
