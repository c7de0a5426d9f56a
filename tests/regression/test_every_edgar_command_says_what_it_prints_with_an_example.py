"""A user review (session 45): `watchdesk edgar download --help` did not say what it writes or prints (a folder tree
of full submissions; one JSON object on stdout, progress on stderr), where every other `edgar` command says its
output. Each `edgar` command's help now has an example and says what it prints; download's names the keys it prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def _edgar_commands() -> list[str]:
    ctx = click.Context(cli)
    group = cli.get_command(ctx, "edgar")  # the command list is loaded lazily (graph/cli_lazy.py)
    assert isinstance(group, click.Group)
    return group.list_commands(ctx)


@pytest.mark.parametrize("name", _edgar_commands())
def test_each_edgar_command_has_an_example_and_says_its_output(name: str) -> None:
    said = " ".join(CliRunner().invoke(cli, ["edgar", name, "--help"]).output.split())
    assert re.search(r"\bExamples?:", said), said
    assert re.search(r"\bJSON\b|\b[Pp]rints?\b", said), said


def test_download_says_what_it_writes_and_prints_what_it_says(tmp_path: Path) -> None:
    wide = CliRunner().invoke(cli, ["edgar", "download", "--help"], terminal_width=200, max_content_width=200)
    said = " ".join(wide.output.split())  # a path not broken at its hyphen
    assert "DIR/sec-edgar-filings/TICKER/FORM/ACCESSION/full-submission.txt" in said, said
    assert "on stderr" in said and "one JSON object on stdout" in said, said
    shown = json.loads(re.search(r"# prints (\{.*?\})", said)[1])  # type: ignore[index]
    result = CliRunner().invoke(cli, ["edgar", "download", "NVDA", "--form", "10-K", "--limit", "1",
                                      "--dir", str(tmp_path), "--replay", str(demo_pack())])  # fmt: skip
    printed = json.loads(result.stdout)  # the demo pack has the listing, not the filing: one failed, exit 1
    assert result.exit_code == 1 and printed["failed"] and "not saved" in result.stderr, result.output
    assert set(printed) == set(shown) and printed["folder"] == str(tmp_path / "sec-edgar-filings/NVDA/10-K")
