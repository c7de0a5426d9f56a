"""Bug: the filing-changes part wrote each quote's filing as `[10-K filed DATE](URL)` with the stored URL as it was.
That URL is built from SEC's `primaryDocument` (fetched text, or a tampered replay pack's), so a document named
`x.htm)**URGENT: re-enter your SEC login** [verify](https://evil.example/phish` closed the link early and put bold
text and a phishing link into the Markdown, the HTML page and the e-mail. Now only a plain http(s) address becomes
the link's target, written in angle brackets; anything else is shown as escaped text, as in Sources and News."""

from __future__ import annotations

from datetime import date

from watchdesk.agents.briefing.changes_part import changes_part
from watchdesk.agents.briefing.html import to_html

GOOD = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm"
EVIL = GOOD + ")**URGENT: re-enter your SEC login** [verify](https://evil.example/phish"


def row(new_url: str) -> dict[str, object]:
    return {
        "old_doc_id": "e68de594171fbd5a", "new_doc_id": "9aba0ab993736d1e", "item": "1A", "seq": 0, "ticker": "NVDA",
        "kind": "new", "risk_group": None, "old_heading": None, "new_heading": "Export rules may hurt us.",
        "old_start": None, "old_end": None, "new_start": 10, "new_end": 35, "old_chars": 0, "new_chars": 25,
        "similarity": 0.0, "topics": ["geopolitical"], "old_form": "10-K", "new_form": "10-K",
        "old_filed_at": date(2024, 2, 21), "new_filed_at": date(2025, 2, 26), "old_url": GOOD, "new_url": new_url,
    }  # fmt: skip


def test_a_crafted_filing_url_adds_no_link_or_markup() -> None:
    html = str(to_html(changes_part([row(EVIL)], [])))
    assert 'href="https://evil.example' not in html and "<strong>URGENT" not in html
    assert "Export rules may hurt us." in html
    # without spaces the address is one link, all of it on SEC's host
    html = str(to_html(changes_part([row(GOOD + ")[verify](https://evil.example/phish")], [])))
    assert html.count("<a href=") == 1 and '<a href="https://www.sec.gov/' in html


def test_a_plain_filing_url_is_still_the_quote_link() -> None:
    html = str(to_html(changes_part([row(GOOD)], [])))
    whole = '<span class="whole">{}</span>'.format  # kept on one line (test_a_date_stays_on_one_line.py)
    assert f'<a href="{GOOD}">{whole("10-K")} filed {whole("2025-02-26")}</a>' in html
