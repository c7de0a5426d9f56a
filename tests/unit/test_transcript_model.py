"""The transcript model (key, joined text with offsets), metadata helpers and format sniffing."""

from __future__ import annotations

from datetime import date

import pytest

from watchdesk.sources.transcripts import Hints, Statement, Transcript, hints_from_name, sniff
from watchdesk.sources.transcripts.meta import find_call_date, find_period, header_meta
from watchdesk.sources.transcripts.roles import kind_of, looks_like_name, split_role


def _transcript(**meta: object) -> Transcript:
    statements = [
        Statement(speaker="Operator", role="Operator", section="prepared", kind="operator", text="Welcome."),
        Statement(speaker="Jane Doe", role="CFO", section="prepared", kind="management", text="Inventory fell."),
        Statement(speaker=None, section="qa", kind="other", text="Next question."),
    ]
    return Transcript(statements=statements, **meta)  # type: ignore[arg-type]


def test_key_is_deterministic_from_ticker_period_and_date() -> None:
    t = _transcript(ticker="nvda", fiscal_period="2026-Q1", call_date=date(2025, 5, 28))
    assert t.key() == "NVDA:2026-Q1:2025-05-28"
    assert _transcript(ticker="TSM", fiscal_period="2025-Q3").key() == "TSM:2025-Q3:-"
    with pytest.raises(ValueError, match="cannot key transcript"):
        _transcript(fiscal_period="2025-Q3").key()
    with pytest.raises(ValueError, match="cannot key transcript"):
        _transcript(ticker="TSM").key()


def test_joined_text_offsets_point_at_each_statement() -> None:
    t = _transcript()
    text, spans = t.joined()
    assert text == t.text() == "Welcome.\n\nInventory fell.\n\nNext question."
    assert [text[a:b] for a, b in spans] == [s.text for s in t.statements]
    assert t.sections() == ["prepared", "prepared", "qa"]


def test_hints_override_and_fill() -> None:
    t = _transcript(ticker="NVDA", fiscal_period=None)
    assert Hints(ticker="X", fiscal_period="2025-Q1").override(t).ticker == "X"
    filled = Hints(ticker="X", fiscal_period="2025-Q1").fill(t)
    assert (filled.ticker, filled.fiscal_period) == ("NVDA", "2025-Q1")


@pytest.mark.parametrize(
    ("name", "ticker", "period", "day"),
    [
        ("NVDA_2024_Q1.txt", "NVDA", "2024-Q1", None),
        ("ACN_q1_2022.json", "ACN", "2022-Q1", None),
        ("nvidia-nvda-q3-2025-earnings-call-transcript.txt", "NVDA", "2025-Q3", None),
        ("2020-07-08-grupo-televisa-sab-tv-q2-2020-earnings-call-transc.html", "TV", "2020-Q2", date(2020, 7, 8)),
        ("https://example.com/calls/asml-q4-2024-transcript.pdf?x=1", "ASML", "2024-Q4", None),
        ("notes.txt", None, None, None),
    ],
)
def test_hints_from_file_names(name: str, ticker: str | None, period: str | None, day: date | None) -> None:
    assert hints_from_name(name) == Hints(ticker=ticker, fiscal_period=period, call_date=day)


def test_header_metadata_shapes() -> None:
    meta = header_meta("Nvidia\n(\nNVDA\n+0.03%\n)\nQ1 2025 Earnings Call\nMay 22, 2024\n,\n5:00 p.m. ET")
    assert (meta.company, meta.ticker, meta.fiscal_period, meta.call_date) == ("Nvidia", "NVDA", "2025-Q1",
                                                                              date(2024, 5, 22))
    assert find_period("welcome to the conference call for the first quarter of fiscal 2024") == "2024-Q1"
    assert find_period("AMD fourth quarter and full year 2024 conference call") == "2024-Q4"
    assert find_call_date("for the period ending April 30, 2020. Jul 7, 2020, 8:30 a.m. ET") == date(2020, 7, 7)


def test_roles_and_names() -> None:
    assert split_role("Goldman Sachs -- Analyst") == ("Analyst", "Goldman Sachs")
    assert split_role("Chief Financial Officer, Executive Vice President") == (
        "Chief Financial Officer, Executive Vice President", None)
    assert [kind_of(None, r) for r in ("Analyst", "Vice President, Investor Relations", "Partner?")] == [
        "analyst", "management", "other"]
    assert kind_of("Operator", None) == "operator"
    for name in ("C.J. Muse", "Victoria de la Huerga", "Kieran O'Sullivan", "Brian McArthur-Muscroft"):
        assert looks_like_name(name), name
    for text in ("Prepared Remarks", "Duration: 60 minutes", "Thank you.", "Q1 2025 Earnings Call"):
        assert not looks_like_name(text), text


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b'\xef\xbb\xbf  {"prepared_remarks": []}', "json"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"Call notes\n<p> one <b>two</b> <br/> three</p>", "html"),
        (b"Operator\nGood afternoon. Revenue was up 5% (<10% guided).", "text"),
    ],
)
def test_sniff(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt
