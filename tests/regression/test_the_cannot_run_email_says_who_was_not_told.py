"""Bug: a scheduled run that could not start wrote a CANNOT-RUN notice file listing the targets it did not tell ("Not
told by e-mail or Slack: - email newhire@...: not told (why)"), but the e-mail it sent the approved targets lacked
that list: the PM reading it could not know a colleague on the watchlist was left uninformed. The e-mail now carries
the list in the file's words. Real DuckDB file (damaged, so the approved targets come from the copy beside it), real
SMTP on loopback: the message is read as the server received it."""

from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_broken_store_still_tells_the_approved_targets import WHY, damaged
from tests.regression.test_a_new_recipient_gets_no_notice_before_approval import desk, stored
from watchdesk.graph.approved_targets import record_file, remember
from watchdesk.graph.notices import notify_cannot_run
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

SECRET = "pw-8Lk2Qz"


def test_the_email_lists_the_targets_not_told_as_the_file_does(tmp_path: Path) -> None:
    db, out = tmp_path / "d.duckdb", tmp_path / "out"
    with Store.open(db) as store:  # pm@ was approved; newhire@ was added to the watchlist since
        stored(store, desk('"pm@fund.test"'), run_id="r1", status="done", approval="approved", ago=1)
        remember(store, watchlist="desk", db_path=db)
    damaged(db)
    with loopback_smtp() as (port, received):
        settings = Settings(db_path=db, out_dir=out, smtp_url=f"smtp://127.0.0.1:{port}?from=desk@fund.test")
        why_not = f"{WHY}; the relay smtp://desk:{SECRET}@mail.fund.test:587 refused too"  # a secret in the reason
        notify_cannot_run(watchlist=desk('"pm@fund.test", "newhire@fund.test"'), settings=settings, reason=why_not,
                          report=lambda _m: None)  # fmt: skip
    (envelope,) = received
    assert envelope.rcpt_tos == ["pm@fund.test"]
    mail = message_from_bytes(envelope.original_content, policy=policy.default)
    assert isinstance(mail, EmailMessage)
    body = mail.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    why = f"not a target of the watchlist's last approved run, as {record_file(db)} keeps them"
    listed = f"Not told by e-mail or Slack:\n- email newhire@fund.test: not told ({why})"
    assert listed in text, text
    notice = (out / "CANNOT-RUN-desk.md").read_text(encoding="utf-8")
    assert listed in notice, notice
    assert text.strip() == notice.removeprefix("# ").strip(), "the e-mail and the file say the same"
    assert SECRET not in text + notice


def test_an_email_with_everyone_told_has_no_such_list(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        stored(store, desk('"pm@fund.test"'), run_id="r1", status="done", approval="approved", ago=1)
    with loopback_smtp() as (port, received):
        settings = Settings(db_path=db, out_dir=tmp_path / "out", smtp_url=f"smtp://127.0.0.1:{port}?from=desk@fund.test")
        notify_cannot_run(watchlist=desk('"pm@fund.test"'), settings=settings, reason=WHY, report=lambda _m: None)
    (envelope,) = received
    assert b"Not told" not in envelope.original_content
