"""`watchdesk transcript parse`: any transcript file to the model as JSON on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli

NVDA = "transcripts/nvda_motley_fool_text/nvidia-nvda-q2-2025-earnings-call-transcript.txt"


def test_parse_prints_the_model_as_json(shared_fixtures: Path) -> None:
    result = CliRunner().invoke(cli, ["transcript", "parse", str(shared_fixtures / NVDA)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"company", "ticker", "fiscal_period", "call_date", "source_url", "provider", "statements"}
    assert (out["ticker"], out["fiscal_period"], out["call_date"]) == ("NVDA", "2025-Q2", "2024-08-28")
    first = out["statements"][0]
    assert set(first) == {"speaker", "role", "affiliation", "section", "kind", "text"}
    assert {s["section"] for s in out["statements"]} == {"prepared", "qa"}


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("transcripts/motley_fool_json/IBM_q4_2021.json", "json"),
        ("transcripts/fool_raw_html/html/2020-07-10-shaw-communications-inc-sjr-q3-2020-earnings-call.html", "html"),
        ("transcripts/plaintext_2023_2025/MU_2025_Q2.txt", "text"),
    ],
)
def test_parse_each_format_explicitly(shared_fixtures: Path, path: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["transcript", "parse", str(shared_fixtures / path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "qa" in {s["section"] for s in json.loads(result.output)["statements"]}


def test_hints_and_stdin(shared_fixtures: Path) -> None:
    data = (shared_fixtures / "transcripts/plaintext_2023_2025/NVDA_2026_Q2.txt").read_bytes()
    args = ["transcript", "parse", "-", "--ticker", "NVDA", "--fiscal-period", "2026-Q2", "--call-date", "2025-08-27"]
    result = CliRunner().invoke(cli, args, input=data)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert (out["ticker"], out["fiscal_period"], out["call_date"]) == ("NVDA", "2026-Q2", "2025-08-27")


def test_truncated_and_empty_files_fail_with_the_file_named(shared_fixtures: Path, tmp_path: Path) -> None:
    truncated = shared_fixtures / "transcripts/plaintext_2023_2025/MPWR_2024_Q4.txt"
    result = CliRunner().invoke(cli, ["transcript", "parse", str(truncated)])
    assert result.exit_code == 2  # bad input (issue 13: it was 1)
    assert "MPWR_2024_Q4.txt" in result.output and "transcript too short: 203 bytes" in result.output
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["transcript", "parse", str(empty)])
    assert result.exit_code == 2 and "empty.html: transcript is empty" in result.output


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    missing = CliRunner().invoke(cli, ["transcript", "parse", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_date = CliRunner().invoke(cli, ["transcript", "parse", "-", "--call-date", "28/05/2025"], input=b"x")
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output


@pytest.mark.parametrize("args", [["transcript", "--help"], ["transcript", "parse", "--help"]])
def test_help_has_an_example(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert "Example" in result.output and "watchdesk transcript parse" in result.output
