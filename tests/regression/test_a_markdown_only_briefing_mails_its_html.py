"""A user walkthrough (session 26): `watchdesk brief --format md --deliver` sent an e-mail of plain text alone, no
HTML part and no charts, without a word: --format picks the files written, yet it also stripped the e-mail. The
e-mail now carries the HTML briefing and its chart images whatever files were written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from tests.integration.test_delivery import loopback_smtp, watchlist
from watchdesk.agents.briefing.agent import BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import between
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


def test_a_markdown_only_briefing_is_mailed_with_its_html(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    with loopback_smtp() as (port, received), Store.open(str(demo_store(tmp_path))) as store:
        req = BriefingRequest(run_id="r1", watchlist_name="chips", tickers=["NVDA", "TSM", "ASML"],
                              topics=["inventory", "supply_chain", "geopolitical"], formats=("md",),
                              period=between(date(2024, 5, 1), date(2026, 9, 1)), out_dir=tmp_path / "out")  # fmt: skip
        files = write_briefing(store, req)
        assert files.html is None and set(files.paths) == {"md"}  # only the Markdown file is written
        wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]')
        settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
    assert [o.status for o in out] == ["sent"], out
    mail = message_from_bytes(received[0].content, _class=EmailMessage, policy=policy.default)
    types = [p.get_content_type() for p in mail.walk()]
    assert "text/plain" in types and "text/html" in types
    (page,) = [p for p in mail.walk() if p.get_content_type() == "text/html"]
    assert "watchdesk briefing: chips" in str(page.get_content())
    assert list(tmp_path.joinpath("out").glob("*.html")) == []  # and still no HTML file
