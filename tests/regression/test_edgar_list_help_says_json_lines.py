"""Bug: `watchdesk edgar list --help` (and the command list of `watchdesk edgar --help`) said it lists filings "as
JSON (one object per filing, ...)", where it prints one JSON object per line, which `jq -s`, `json.loads` of the whole
output or a JSON viewer given it takes for one broken document. Its help now says JSON lines, as `flag`, `sentiment`
and `transcript fetch` say theirs; `edgar sections`, `items`, `diff` and `transcript parse` print one JSON document and
say JSON."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

SAID = "JSON lines (one object per line"


def test_edgar_list_says_json_lines_and_prints_them() -> None:
    result = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "10-Q", "--replay", str(demo_pack())])
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) >= 2, result.output
    assert all(isinstance(json.loads(line), dict) for line in lines)
    with pytest.raises(json.JSONDecodeError):
        json.loads(result.stdout)  # no one JSON document: what "JSON" promised
    help_text = " ".join(CliRunner().invoke(cli, ["edgar", "list", "--help"]).output.split())
    assert SAID in help_text, help_text
    commands = CliRunner().invoke(cli, ["edgar", "--help"]).output.splitlines()
    listed = [line for line in commands if line.lstrip().startswith("list ")]
    assert listed and "JSON lines" in listed[0], listed
