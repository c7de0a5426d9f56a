"""Bug (a new user's review, session 38): an SEC filing given as a call transcript was read as one. `watchdesk
transcript parse nvda-20250126.htm` (NVIDIA's FY2025 10-K) exited 0 with a "call" of 91 statements whose speakers
were its table of contents ("NVIDIA Corporation", "Part I", "Risk Factors") and whose call date, 2024-07-26, was a
date in its text; `watchdesk transcript fetch NVDA --folder calls/` printed it beside the real calls, and a run whose
folder held it stored and flagged it as NVIDIA's earnings call of that day (an 8-K's full submission likewise).
`watchdesk flag` and the `edgar` commands already told a filing by its SEC markers. Now a filing (SGML header, inline
XBRL or cover page) read as a transcript is refused, naming the file and its form: exit 2 for `transcript parse`, and
a file left out (a gap in a run) for a folder, whose calls are read as before."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.sec_markers import is_filing

PACK = Path(__file__).resolve().parents[2] / "sources" / "packs" / "demo" / "bodies"
TEN_K = PACK / "9aba0ab993736d1e-nvda-20250126.htm.gz"  # SEC's own bytes, recorded for the demo
EIGHT_K = PACK / "c9008bd2c91e5ac3-adbe-20230315.htm.gz"
REFUSAL = ("not an earnings-call transcript; a run reads filings from EDGAR, and `watchdesk flag` or `watchdesk edgar "
           "text` read this file")


def _unpack(body: Path, to: Path) -> Path:
    to.write_bytes(gzip.decompress(body.read_bytes()))
    return to


def test_transcript_parse_refuses_a_10k_naming_its_form(tmp_path: Path) -> None:
    filing = _unpack(TEN_K, tmp_path / "nvda-20250126.htm")

    result = CliRunner().invoke(cli, ["transcript", "parse", str(filing)])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {filing}: an SEC filing (10-K), {REFUSAL}\n"


def test_a_calls_folder_leaves_filings_out_and_reads_its_call(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    try:  # the call's text is the publisher's: read from the team's fixtures only
        shutil.copy(shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt", folder)
    except FileNotFoundError:
        pytest.skip("the NVIDIA call is not in the fixtures")
    ten_k = _unpack(TEN_K, folder / "nvda-20250126.htm")
    eight_k = _unpack(EIGHT_K, folder / "adbe-20230315.htm")

    result = CliRunner().invoke(cli, ["transcript", "fetch", "NVDA", "--folder", str(folder)])

    assert result.exit_code == 0, result.output
    assert [json.loads(line)["fiscal_period"] for line in result.stdout.splitlines()] == ["2026-Q1"]
    assert result.stderr.splitlines() == [
        f"left out {eight_k}: an SEC filing (8-K), {REFUSAL}",
        f"left out {ten_k}: an SEC filing (10-K), {REFUSAL}",
    ]


def test_no_fixture_call_is_taken_for_a_filing(shared_fixtures: Path) -> None:
    calls = [p for p in (shared_fixtures / "transcripts").rglob("*") if p.is_file() and p.suffix != ".csv"]
    assert len(calls) > 60
    assert [p.name for p in calls if is_filing(p.read_bytes())] == []
