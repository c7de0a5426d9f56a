"""A review: an empty file in a transcript folder left the gap "PATH: PATH: transcript is empty (0 bytes); ...": the
agent put the file's name before a parser's message that already starts with it. Now it is named once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from watchdesk.agents import transcripts
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

MICRON = CompanyRef(ticker="MU", cik=723125, name="MICRON TECHNOLOGY INC")


def test_an_empty_call_file_is_named_once_in_its_gap(shared_fixtures: Path, tmp_path: Path) -> None:
    call = shared_fixtures / "transcripts/plaintext_2023_2025/MU_2025_Q1.txt"
    if not call.exists():
        pytest.skip(f"{call.name} is not in the fixtures")
    shutil.copy(call, tmp_path)
    empty = tmp_path / "MU_2025_Q2.txt"
    empty.write_bytes(b"")
    chain = (transcripts.Source(kind="folder", path=str(tmp_path)),)
    with Store.open(":memory:") as store:
        transcripts.collect(transcripts.TranscriptsRequest(company=MICRON, aliases=(), chain=chain), fetcher=None,
                            store=store, run_id="r1")  # type: ignore[arg-type]  # fmt: skip
        gaps = store.query("SELECT target, reason FROM gaps")
    assert gaps == [(f"MU transcript {empty}", f"{empty}: transcript is empty (0 bytes); nothing to parse or store")]
