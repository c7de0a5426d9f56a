"""cli9 (a demanding user's leftovers): with a WATCHDESK_SMTP_URL that names no sender (no ?from=, and a login that is
no address, or none) the briefing went From watchdesk@localhost without a word: a relay may refuse it and a
recipient's server file it as spam, while the user saw "delivery email ...: sent". The delivery, `run --dry-run` and
the approval prompt now say so, with the ?from= to add (never the URL, which may hold a password); a URL with
?from= says nothing. Real SMTP on loopback."""

from __future__ import annotations

from email import message_from_bytes
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli
from watchdesk.graph.planner import email_setting_note

SAID = ("WATCHDESK_SMTP_URL names no sender, so the e-mail goes From watchdesk@localhost, which a mail server may "
        "refuse and a recipient's may file as spam: add ?from=you@example.com to it")


def _deliver(tmp_path: Path, query: str) -> tuple[str, list[str]]:
    _, args = a_briefed_store(tmp_path)
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}{query}"}).invoke(cli, args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), [str(message_from_bytes(e.content)["From"]) for e in received]


def test_brief_deliver_says_the_mail_goes_from_no_sender(tmp_path: Path) -> None:
    said, senders = _deliver(tmp_path, "")
    assert senders == ["watchdesk@localhost"]
    assert f"delivery email pm@example.com: {SAID}" in said, said  # before: only "sent"
    assert "delivery email pm@example.com: sent" in said


def test_a_named_sender_is_used_and_not_warned_of(tmp_path: Path) -> None:
    said, senders = _deliver(tmp_path, "?from=desk@fund.example")
    assert senders == ["desk@fund.example"] and "names no sender" not in said, said


def test_the_dry_run_and_the_approval_prompt_say_it(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text('[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n'
                  '[policy]\nallowed_recipients = ["pm@example.com"]\n')  # fmt: skip
    url = "smtp://desk:pw-9x@127.0.0.1:2525"
    dry = CliRunner(env={"WATCHDESK_SMTP_URL": url}).invoke(cli, ["run", str(wl), "--dry-run", "--db",
                                                                  str(tmp_path / "d.duckdb")])  # fmt: skip
    said = " ".join(dry.output.split())
    assert f"warning: {SAID}" in said and "pw-9x" not in said, said
    plan = [{"agent": "briefing", "params": {"deliver": ["email pm@example.com"]}}]
    assert SAID in email_setting_note(plan, smtp_url=url)  # type: ignore[arg-type]
    assert email_setting_note(plan, smtp_url=url + "?from=desk@fund.example") == ""  # type: ignore[arg-type]
