"""A security review (session 23): a call whose page named neither its fiscal period nor its date was stored under
a key holding a hash of the URL it came from as sent ("transcript:AMD:-:<sha256 of the URL>"), with that URL
redacted in documents.source_url beside it: hashing candidates in place of "REDACTED" gave a short secret back (a
4-digit ?pin= in at most 10,000 tries). The key now hashes the URL as redacted."""

from __future__ import annotations

from pathlib import Path

from watchdesk.agents.transcripts import TranscriptsRequest, _store_new
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.redact import REDACTED
from watchdesk.sources.transcripts.model import Statement, Transcript
from watchdesk.store.records import stable_id
from watchdesk.store.store import Store

PIN = "4821"
URL = f"https://ir.example.com/amd-call.html?pin={PIN}"


def test_the_stored_key_of_an_undated_call_gives_no_pin_back(shared_fixtures: Path, tmp_path: Path) -> None:
    text = (shared_fixtures / "transcripts" / "plaintext_2023_2025" / "AMD_2024_Q1.txt").read_text(encoding="utf-8")
    said = [p for p in (" ".join(part.split()) for part in text.split("\n")) if len(p) > 80][:40]
    call = Transcript(ticker="AMD", statements=[Statement(text=p) for p in said])  # no period, no date
    req = TranscriptsRequest(company=CompanyRef(ticker="AMD", cik=2488, name="ADVANCED MICRO DEVICES INC"),
                             aliases=(), chain=())  # fmt: skip
    with Store.open(tmp_path / "s.duckdb") as store:
        assert _store_new(call, URL, req, store, "r1") is not None
        ((url, shown),) = store.query("SELECT url, source_url FROM documents")
    assert PIN not in shown and f"pin={REDACTED}" in shown
    found = [pin for pin in (f"{n:04d}" for n in range(10_000)) if stable_id(shown.replace(REDACTED, pin)) in url]
    assert found == []
