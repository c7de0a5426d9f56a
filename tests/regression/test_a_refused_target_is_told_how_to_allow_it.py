"""Bug: a target the watchlist's policy refused (an address outside allowed_recipients) ended a run or `watchdesk brief
--deliver` with "the watchlist's policy refuses it, so sending again would not help": a dead end for a user who had
simply left the CFO out of allowed_recipients. Now the line says where to allow it and gives the command that then
sends it to the targets it has not reached (not again to the others). Since `brief --deliver` checks its targets as a
run does (test_a_recipient_the_policy_refuses_stops_brief_deliver.py), it refuses such a watchlist before sending,
exit 2, saying where to allow the address. Real SMTP on loopback, through the CLI."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli


def test_a_refused_recipient_is_told_where_to_allow_it_and_the_command_then_sends_it(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    text = wl.read_text(encoding="utf-8")
    wl.write_text(text.replace('to = ["pm@example.com"]', 'to = ["pm@example.com", "cfo@fund.example"]'),
                  encoding="utf-8")  # fmt: skip
    with loopback_smtp() as (port, received):
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}
        first = CliRunner(env=env).invoke(cli, args)
        said = " ".join(first.stderr.split())
        # since the brief checks its targets as a run does: refused before anything is sent, saying where to allow it
        assert first.exit_code == 2, first.output
        assert ("delivery[0].to: 'cfo@fund.example' is not in policy.allowed_recipients ['pm@example.com']: add it (or "
                "its @domain) there") in said, said
        allowed = 'allowed_recipients = ["pm@example.com"'
        wl.write_text(wl.read_text(encoding="utf-8").replace(allowed, f'{allowed}, "@fund.example"'), encoding="utf-8")
        again = CliRunner(env=env).invoke(cli, args)
        assert again.exit_code == 0, again.output
    assert [sorted(e.rcpt_tos) for e in received] == [["cfo@fund.example", "pm@example.com"]], "the PM got it once"


def test_a_recipient_refused_at_delivery_is_told_where_to_allow_it(tmp_path: Path) -> None:
    """The delivery's own refusal (a run's targets are checked before it starts; the policy is enforced again as each
    is sent): said with where to allow it and the command that then sends it, not "would not help"."""
    from watchdesk.graph.delivery import not_delivered_said

    (said,) = not_delivered_said([("email", "cfo@fund.example", "refused", "not in the policy's allowed_recipients")],
                                 resend="watchdesk brief wl.toml --deliver --undelivered")  # fmt: skip
    assert ("not delivered (email cfo@fund.example: refused (not in the policy's allowed_recipients)): the "
            "watchlist's [policy] refuses it, so sending it again as it stands would be refused again; if it "
            "should get the briefing, allow it there (allowed_recipients takes an address or an @domain, "
            "allowed_domains a webhook's host), then `watchdesk brief wl.toml --deliver --undelivered`") in said, said
