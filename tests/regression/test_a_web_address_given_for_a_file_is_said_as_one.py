"""Bug (a demanding user's walkthrough): a filing's or call's address pasted where a command takes a file, `watchdesk
edgar text https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm`, said "https:/www.sec
.gov/Archives/...: no such file" (one slash: the address as a path), as if the address were mistyped. Now each command
that reads a file (flag, transcript parse, edgar text, sections, items, diff) says it is a web address, as typed, and
to save the page and give its path; a secret in it (?token=) is never echoed."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

URL = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"


@pytest.mark.parametrize(
    "command",
    [["edgar", "text"], ["edgar", "sections"], ["edgar", "items"], ["flag"], ["transcript", "parse"]],
)
def test_the_address_is_said_as_typed_with_what_to_do(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, URL])
    said = " ".join(result.output.split())
    assert result.exit_code == 2, said
    assert f"error: {URL} is a web address: this command reads a file on disk; save the page first" in said, said
    assert "https:/www" not in said


def test_edgar_diff_says_it_of_the_first_address() -> None:
    result = CliRunner().invoke(cli, ["edgar", "diff", URL, URL.replace("20250126", "20240128")])
    assert result.exit_code == 2 and f"error: {URL} is a web address" in result.output, result.output


def test_a_token_in_it_is_not_echoed() -> None:
    result = CliRunner().invoke(cli, ["transcript", "parse", "https://calls.example.test/q2.html?token=S3CRET"])
    assert result.exit_code == 2 and "S3CRET" not in result.output and "is a web address" in result.output


def test_a_missing_file_is_still_no_such_file() -> None:
    result = CliRunner().invoke(cli, ["edgar", "text", "nvda-20250126.htm"])
    assert result.exit_code == 2 and "nvda-20250126.htm: no such file" in result.output, result.output
