"""A security review (Trojan Source): a fetched sentence holding a right-to-left override (U+202E) reversed, on the
reader's screen, everything after it in its paragraph: the quote's own end, the [F-...] citation, the tone label
and the date ("... is behind us.” [F-0d703998]" read as "]899307d0-F[ ”.su dniheb si ..."). The Markdown file, the
HTML file and both parts of the e-mail carried the control as it was fetched. Bidirectional embeddings, overrides
and isolates (U+202A-U+202E, U+2066-U+2069) in fetched text, a link's address included (then written as text, not as
a link), are now shown as escapes ("\\u202e") wherever the briefing shows it, while the stored document keeps them:
the citation check still compares the quote with the stored text at its offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.browser import chromium, measure
from tests.integration.test_delivery import loopback_smtp, watchlist
from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import iso_week
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store import queries
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store

SENTENCE = "We believe the channel inventory correction is behind us."  # NVIDIA's Q1 FY2024 call
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def spoofed(text: str) -> str:
    """The real sentence with an override opened before its last words and never closed."""
    return text.replace(SENTENCE, "We believe the channel inventory \u202ecorrection is behind us.")


@pytest.fixture(scope="module")
def briefed(
    tmp_path_factory: pytest.TempPathFactory, shared_fixtures: Path
) -> Iterator[tuple[Store, BriefingFiles, str]]:
    source = shared_fixtures / "transcripts" / "plaintext_2023_2025" / "NVDA_2024_Q1.txt"
    text = spoofed(source.read_text(encoding="utf-8"))
    assert "\u202e" in text
    tmp = tmp_path_factory.mktemp("bidi")
    store = Store.open(tmp / "b.duckdb")
    doc = DocumentRecord(url="https://investor.nvidia.com/\u2067llac/4202.txt", source="transcript", text=text,
                         fetched_at=datetime(2025, 8, 28, tzinfo=UTC), ticker="NVDA", filed_at=date(2025, 8, 27),
                         form="earnings call", title="NVIDIA Q1 \u202eFY2024 call")  # fmt: skip
    store.upsert_document(doc)
    flag_documents(store, tickers=["NVDA"], topics=["inventory"])
    req = BriefingRequest(run_id="r1", watchlist_name="chips", tickers=["NVDA"], topics=["inventory"],
                          period=iso_week("2025-W35"), out_dir=tmp / "out")  # fmt: skip
    with loopback_smtp() as (port, received):
        files = write_briefing(store, req)
        wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
    assert [o.status for o in out] == ["sent"], out
    mail = message_from_bytes(received[0].content, _class=EmailMessage, policy=policy.default)
    parts = [str(p.get_content()) for p in mail.walk() if p.get_content_type() in {"text/plain", "text/html"}]
    yield store, files, "\n".join(parts)
    store.close()


def test_no_briefing_part_carries_a_bidi_control(briefed: tuple[Store, BriefingFiles, str]) -> None:
    _, files, mail = briefed
    html = files.paths["html"].read_text(encoding="utf-8")
    for name, shown in (("markdown", files.markdown), ("html", html), ("e-mail", mail)):
        assert "correction is behind us" in shown, name
        assert not set(CONTROLS) & set(shown), name
        assert "\\u202ecorrection is behind us." in shown, name
        assert "\\u202eFY2024" in shown, name
        assert "investor.nvidia.com/\\u2067llac/4202.txt" in shown, name  # the address as text, not a link


def test_the_stored_text_keeps_the_control_and_the_quote_still_checks(
    briefed: tuple[Store, BriefingFiles, str],
) -> None:
    store, _, _ = briefed
    rows = store.query('SELECT finding_id, doc_id, start, "end", sentence FROM findings')
    quoted = [r for r in rows if "\u202ecorrection" in r[4]]
    assert quoted, rows
    assert queries.quote_mismatches(store, rows) == []


# Where the quote's citation link sits against the quote's text: left-to-right, the link starts after the quote ends.
PLACES = """(() => {
  const li = [...doc.querySelectorAll("main li")].find(li => li.textContent.includes("correction is behind us"));
  const text = [...li.childNodes].find(n => n.nodeType === 3 && n.data.includes("behind us"));
  const range = doc.createRange(), at = text.data.indexOf("behind us");
  range.setStart(text, at); range.setEnd(text, at + 6);
  const link = li.querySelector('a[href^="#F-"]');
  return {quote: range.getBoundingClientRect().left, citation: link.getBoundingClientRect().left,
          top: range.getBoundingClientRect().top, linkTop: link.getBoundingClientRect().top};
})()"""


def test_the_citation_after_the_quote_reads_left_to_right_in_a_browser(
    briefed: tuple[Store, BriefingFiles, str],
) -> None:
    chromium()
    _, files, _ = briefed
    places = measure(files.paths["html"], PLACES, width=1400)
    assert abs(places["top"] - places["linkTop"]) < 5, places  # one line
    assert places["citation"] > places["quote"], places
    assert re.search(r"\[F-[0-9a-f]{8,}\]", files.markdown)
