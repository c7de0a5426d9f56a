"""Delivering a written briefing: real SMTP (aiosmtpd) and a real HTTP server on loopback stand in for the
mail server and Slack; the policy refuses what it must while the other targets still receive."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest

from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import iso_week
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store

SECRET = "T000-B000-s3cr3tT0ken"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def smtp() -> Iterator[tuple[int, list[Any]]]:
    with loopback_smtp() as server:
        yield server


@contextmanager
def loopback_smtp() -> Iterator[tuple[int, list[Any]]]:
    """An SMTP server on loopback: (its port, the envelopes it received)."""
    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


def watchlist(delivery: str, *, domains: str = '"sec.gov", "127.0.0.1"') -> Watchlist:
    return parse_watchlist(f"""
name = "chips"
[[tickers]]
symbol = "NVDA"
{delivery}
[policy]
allowed_domains = [{domains}]
allowed_recipients = ["pm@example.com", "@desk.example.com"]
""")


def written(store: Store, tmp: Path) -> BriefingFiles:
    doc = DocumentRecord(url="https://www.sec.gov/x.htm", source="edgar", text="Inventory rose sharply.",
                         fetched_at=datetime(2025, 8, 28, tzinfo=UTC), ticker="NVDA", filed_at=date(2025, 8, 27),
                         form="10-Q")  # fmt: skip
    store.upsert_document(doc)
    req = BriefingRequest(run_id="r1", watchlist_name="chips", tickers=["NVDA"], topics=["inventory"],
                          period=iso_week("2025-W35"), out_dir=tmp / "out")  # fmt: skip
    return write_briefing(store, req)


def rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    return store.query(sql)


def test_email_one_message_multipart_refused_recipient_audited(smtp: tuple[int, list[Any]], tmp_path: Path) -> None:
    port, received = smtp
    wl = watchlist('[[delivery]]\nkind = "email"\nto = ["pm@example.com", "ana@desk.example.com", "x@evil.example"]')
    settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        first = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
        again = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r2", backoff=0)
        deliveries = rows(store, "SELECT target, status FROM deliveries ORDER BY target")
        audit = rows(store, "SELECT action, target, outcome FROM actions WHERE outcome = 'refused'")
    assert {(o.target, o.status) for o in first} == {
        ("pm@example.com", "sent"), ("ana@desk.example.com", "sent"), ("x@evil.example", "refused")}
    assert [o.status for o in again if o.target != "x@evil.example"] == ["skipped", "skipped"]
    assert len(received) == 1, "one message per period"
    env = received[0]
    assert sorted(env.rcpt_tos) == ["ana@desk.example.com", "pm@example.com"]
    msg = message_from_bytes(env.content)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.get_payload()] == ["text/plain", "text/html"]
    assert "chips" in msg["Subject"] and "2025-W35" in msg["Subject"]
    assert ("x@evil.example", "refused") in deliveries
    assert audit == [("deliver.email", "x@evil.example", "refused")] * 2


def test_slack_gets_the_headline_once_and_a_disallowed_host_is_refused(
    webhook: tuple[int, list[dict[str, Any]], list[int]], tmp_path: Path
) -> None:
    port, posts, _ = webhook
    wl = watchlist('[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'
                   '[[delivery]]\nkind = "slack"\nwebhook_env = "OTHER_HOOK"\n')  # fmt: skip
    env = {"HOOK": f"http://127.0.0.1:{port}/services/{SECRET}", "OTHER_HOOK": f"https://hooks.evil.example/{SECRET}"}
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=Settings(env=env), store=store, run_id="r1", backoff=0)
        tables = [rows(store, "SELECT * FROM deliveries"), rows(store, "SELECT * FROM actions")]
        stored = json.dumps(tables, default=str)
    assert [o.status for o in out] == ["sent", "refused"]
    assert len(posts) == 1 and posts[0]["text"].startswith("*watchdesk: chips, 2025-W35*")
    assert "NVDA" in posts[0]["text"]
    assert SECRET not in stored and "OTHER_HOOK" in stored


def test_slack_500_is_retried_then_recorded_failed_and_the_file_is_intact(
    webhook: tuple[int, list[dict[str, Any]], list[int]], tmp_path: Path
) -> None:
    port, posts, statuses = webhook
    statuses += [500, 500, 500]
    wl = watchlist('[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n')
    settings = Settings(env={"HOOK": f"http://127.0.0.1:{port}/services/{SECRET}"})
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        before = {p: p.read_bytes() for p in files.paths.values()}
        out = deliver_briefing(files, watchlist=wl, settings=settings, store=store, run_id="r1", backoff=0)
        recorded = rows(store, "SELECT status, attempts, error FROM deliveries")
    assert len(posts) == 3 and [o.status for o in out] == ["failed"]
    assert recorded[0][:2] == ("failed", 3) and "HTTP 500" in recorded[0][2] and SECRET not in recorded[0][2]
    assert {p: p.read_bytes() for p in files.paths.values()} == before


def test_a_webhook_url_with_a_line_break_is_sent_trimmed_and_a_broken_one_fails_alone(
    webhook: tuple[int, list[dict[str, Any]], list[int]], tmp_path: Path
) -> None:
    """A security review (session 22): SLACK_URL=$'http://.../hook\\n' (an env file edited on Windows) crashed the
    run with "unexpected InvalidURL", and the targets after it were never delivered."""
    port, posts, _ = webhook
    wl = watchlist('[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'
                   '[[delivery]]\nkind = "slack"\nwebhook_env = "BROKEN"\n'
                   f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "copy"}"\n')  # fmt: skip
    env = {"HOOK": f"http://127.0.0.1:{port}/services/{SECRET}\r\n",
           "BROKEN": f"http://127.0.0.1:{port}/services/{SECRET} x\n"}  # fmt: skip
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=Settings(env=env), store=store, run_id="r1", backoff=0)
        stored = json.dumps(rows(store, "SELECT * FROM deliveries"), default=str)
    assert [(o.kind, o.status) for o in out] == [("slack", "sent"), ("slack", "failed"), ("file", "sent")], out
    assert "not a valid URL" in (out[1].error or "") and SECRET not in stored and len(posts) == 1


def test_a_file_target_never_overwrites_a_file_that_is_no_briefing(tmp_path: Path) -> None:
    """A security review (session 22): `path = ".../NOTES.md"` overwrote the user's notes with the briefing."""
    notes, copy = tmp_path / "victim" / "NOTES.md", tmp_path / "mine" / "latest.md"
    notes.parent.mkdir()
    notes.write_text("IMPORTANT USER NOTES\n")
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{notes}"\n[[delivery]]\nkind = "file"\npath = "{copy}"\n')
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        first = deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r1", backoff=0)
        again = deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r2", backoff=0)
    assert [o.status for o in first] == ["failed", "sent"] and "not a watchdesk briefing" in (first[0].error or "")
    assert notes.read_text() == "IMPORTANT USER NOTES\n"
    assert copy.read_text().startswith("# watchdesk briefing") and again[1].status in {"sent", "skipped"}
    # the re-review: a notes file titled like a briefing, and a link to another briefing, are not written either
    look_alike, link = tmp_path / "mine" / "notes.md", tmp_path / "mine" / "link.md"
    look_alike.write_text("# watchdesk briefing notes\nmine\n")
    link.symlink_to(copy)
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{look_alike}"\n'
                   f'[[delivery]]\nkind = "file"\npath = "{link}"\n')
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r3", backoff=0)
    assert [o.status for o in out] == ["failed", "failed"] and look_alike.read_text().endswith("mine\n")


def test_a_file_target_naming_the_briefing_folder_is_delivered(tmp_path: Path) -> None:
    # `path = "briefings"` (the example watchlist, a planned goal) with the default --out briefings: the files are
    # there already; the copy onto themselves used to fail with SameFileError
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "out"}"\n')
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        before = {p: p.read_text() for p in files.paths.values()}
        out = deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r1", backoff=0)
    assert [(o.status, o.error) for o in out] == [("sent", None)]
    assert {p: p.read_text() for p in files.paths.values()} == before


def test_file_targets_honour_their_path(tmp_path: Path) -> None:
    wl = watchlist(f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "shared"}"\n'
                   f'[[delivery]]\nkind = "file"\npath = "{tmp_path / "web" / "latest.html"}"\n')  # fmt: skip
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        out = deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r1", backoff=0)
    assert [o.status for o in out] == ["sent", "sent"]
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == sorted(p.name for p in files.paths.values())
    assert (tmp_path / "web" / "latest.html").read_text() == files.paths["html"].read_text()


def test_a_run_whose_delivery_failed_exits_1_and_says_how_to_resend(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `watchdesk run` printed "delivery email ...: failed" and then "done" with exit 0, where `brief --deliver`
    # exits 1 for the same failure (helper review, session 20): cron and scripts could not tell
    from click.testing import CliRunner

    from watchdesk.graph.cli import cli
    from watchdesk.graph.demo import demo_pack

    monkeypatch.delenv("WATCHDESK_SMTP_URL", raising=False)
    wl = tmp_path / "mail.toml"
    wl.write_text("""
name = "mail"
[[tickers]]
symbol = "NVDA"
sources = ["edgar"]
accessions = ["0001045810-25-000023"]
[filings]
forms = ["10-K"]
since = 2025-01-01
until = 2025-09-01
[[delivery]]
kind = "email"
to = ["pm@example.com"]
[[delivery]]
kind = "file"
path = "DELIVERED"
[policy]
approval = "never"
allowed_recipients = ["pm@example.com"]
""".replace("DELIVERED", str(tmp_path / "delivered")))
    db = tmp_path / "m.duckdb"
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db), "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "not delivered (email pm@example.com: failed)" in result.output and "--deliver" in result.output
    with Store.open(db, read_only=True) as store:
        assert rows(store, "SELECT kind, status FROM deliveries ORDER BY kind") == [("email", "failed"),
                                                                                     ("file", "sent")]  # fmt: skip
    # the summary counts this run's rows apart from the database's (it used to print the totals as the run's)
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 1, again.output  # the failed e-mail is tried again by the next run, and fails again
    summary = " ".join(line for line in again.output.splitlines() if line.startswith("run ") or "database" in line)
    assert "this run: 0 documents, 0 findings" in summary and "database: documents 2," in summary, again.output
