"""A review: the text/plain part of the briefing e-mail was the Markdown itself, so a reader whose mail client shows
plain text read "\\$4.5 billion", "**negative**", "[10-K filed 2025-02-26](<https://...>)" and tables drawn as
"| NVDA | Inventory | 81 |" under a "|---|---:|" line. The part is now plain text: no escapes, a link as
"text (url)", tables in columns for a fixed-width font; every quote, number and citation of the Markdown is kept."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.integration.test_delivery import loopback_smtp, watchlist
from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import between
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

QUOTE = re.compile(r"“(.*?)”(?= \[F-| — in | \[10-| \[|;| ·|$)", re.M)
CITATION = re.compile(r"\[(?:\d+|F-[0-9a-f]{8,})\]")


@pytest.fixture(scope="module")
def mailed(tmp_path_factory: pytest.TempPathFactory,
           demo_store: Callable[[Path], Path]) -> tuple[BriefingFiles, EmailMessage]:
    """The demo's whole period briefed and mailed to an SMTP server on loopback."""
    tmp = tmp_path_factory.mktemp("plain")
    with loopback_smtp() as (port, received), Store.open(str(demo_store(tmp))) as store:
        req = BriefingRequest(run_id="demo-2026-09-01", watchlist_name="chips", tickers=["NVDA", "TSM", "ASML"],
                              topics=["inventory", "supply_chain", "geopolitical"],
                              period=between(date(2024, 5, 1), date(2026, 9, 1)), out_dir=tmp / "out")
        files = write_briefing(store, req)
        wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
    assert [o.status for o in out] == ["sent"], out
    return files, message_from_bytes(received[0].content, _class=EmailMessage, policy=policy.default)


def plain(mail: EmailMessage) -> str:
    (part,) = [p for p in mail.walk() if p.get_content_type() == "text/plain"]
    return str(part.get_content()).replace("\r\n", "\n")


def test_the_text_part_has_no_markdown(mailed: tuple[BriefingFiles, EmailMessage]) -> None:
    files, mail = mailed
    text = plain(mail)
    assert "\\$4.5 billion" in files.markdown  # what the reader saw
    assert "$4.5 billion charge" in text
    for markup in ("\\$", "\\*", "\\_", "\\[", "**", "](", "<https://", "|---", "`"):
        assert markup not in text, markup
    assert not [line for line in text.splitlines() if line.startswith("|")]
    assert text.startswith("watchdesk briefing: chips\n===")


def test_a_link_reads_as_its_text_and_address(mailed: tuple[BriefingFiles, EmailMessage]) -> None:
    text = plain(mailed[1])
    url = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"
    assert f"10-K filed 2025-02-26 ({url})" in text
    assert re.search(rf"^1\. NVDA 10-K, filed 2025-02-26: NVIDIA CORP 10-K {re.escape(url)} \(document \w+\)$",
                     text, re.M)


def test_every_quote_number_and_citation_is_kept(mailed: tuple[BriefingFiles, EmailMessage]) -> None:
    files, mail = mailed
    text = " ".join(plain(mail).split())
    quotes = [re.sub(r"\\(.)", r"\1", q) for q in QUOTE.findall(files.markdown)]
    assert len(quotes) > 30
    assert [q for q in quotes if q not in text] == []
    assert Counter(CITATION.findall(text)) == Counter(CITATION.findall(files.markdown))
    assert Counter(numbers(text)) == Counter(numbers(files.markdown))


def numbers(text: str) -> list[str]:
    """The figures of a text, outside its web addresses."""
    return re.findall(r"[-+]?\d[\d,.]*", re.sub(r"https?://[^\s<>()]+", "", text))


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_table_lines_up_in_columns(mailed: tuple[BriefingFiles, EmailMessage]) -> None:
    text = plain(mailed[1])
    lines = text.split("\nSummary\n-------\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    rule = next(n for n, line in enumerate(lines) if set(line) == {"-", " "})
    rows = lines[rule + 1:]
    assert len(rows) == 9 and rows[3].split() == ["TSM", "Inventory", "3", "0", "1", "2", "+0.33"]
    # figures right-aligned as in the HTML: every row ends where the rule under the heading does
    assert {len(row) for row in rows} == {len(lines[rule])}
    assert [line.split() for line in lines[:rule]] == [["Ticker", "Topic", "Mentions", "Negative", "Positive",
                                                         "Neutral", "Net"], ["tone"]]


def test_the_method_says_only_the_markdown_file_escapes_quotes(mailed: tuple[BriefingFiles, EmailMessage]) -> None:
    """The Method said quotes had "Markdown characters escaped by a backslash": so they have in the .md file, but
    not in the e-mail's text, nor in the HTML, which showed that sentence too."""
    method = plain(mailed[1]).split("\nMethod\n------\n", 1)[1]
    assert "verbatim, with whitespace collapsed (in the Markdown file, Markdown characters escaped by a backslash)" \
        in method
