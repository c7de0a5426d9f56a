"""Bug (a new user's review of bad input): `watchdesk transcript fetch NVDA --folder calls/` printed the calls it could
read and said nothing of the files it could not: a folder of a good call, a binary `.txt`, an empty `.txt` and a JSON
transcript with a date that is no date printed one call, exit 0, and an empty stderr, although the help and README say
"what failed on the way is said on stderr" (a run records each such file as a gap). Now each file left out is named on
stderr with why, and the calls read are printed as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_a_folder_s_unreadable_files_are_named_with_why(shared_fixtures: Path, tmp_path: Path) -> None:
    call = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2026_Q1.txt"
    if not call.exists():
        pytest.skip("the NVIDIA call is not in the fixtures")
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(call, folder / call.name)
    (folder / "NVDA_2026_Q2.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "NVDA_2026_Q3.txt").write_bytes(b"")
    turns = [{"speaker": "Jensen Huang", "text": "Demand is strong and supply is improving. " * 5}] * 100
    (folder / "NVDA_2026_Q4.json").write_text(json.dumps({"call_date": "soon", "call_transcript": turns}))

    result = CliRunner().invoke(cli, ["transcript", "fetch", "NVDA", "--folder", str(folder)])

    assert result.exit_code == 0, result.output
    assert [json.loads(line)["fiscal_period"] for line in result.stdout.splitlines()] == ["2026-Q1"]
    said = result.stderr.splitlines()
    assert said == [
        f"left out {folder / 'NVDA_2026_Q2.txt'}: binary data, not text (11% control bytes in the first 10,240); "
        "expected a transcript (HTML, PDF, text or JSON)",
        f"left out {folder / 'NVDA_2026_Q3.txt'}: transcript is empty (0 bytes); nothing to parse or store",
        f"left out {folder / 'NVDA_2026_Q4.json'}: JSON transcript does not fit its layout: call_date: 'soon' is not "
        "a date like 2025-05-28",
    ], result.stderr
