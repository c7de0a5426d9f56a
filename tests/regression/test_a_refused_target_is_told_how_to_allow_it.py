"""Bug: a target the watchlist's policy refused (an address outside allowed_recipients) ended a run or `watchdesk brief
--deliver` with "the watchlist's policy refuses it, so sending again would not help": a dead end for a user who had
simply left the CFO out of allowed_recipients. Now the line says where to allow it and gives the command that then
sends it to the targets it has not reached (not again to the others). Real SMTP on loopback, through the CLI."""

from __future__ import annotations

import shlex
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
        assert first.exit_code == 1, first.output
        assert ("not delivered (email cfo@fund.example: refused (not in the policy's allowed_recipients)): the "
                "watchlist's [policy] refuses it, so sending it again as it stands would be refused again; if it "
                "should get the briefing, allow it there (allowed_recipients takes an address or an @domain, "
                "allowed_domains a webhook's host), then `watchdesk brief ") in said, said  # before: "would not help"
        command = said.split("a webhook's host), then `")[1].split("`")[0]
        assert command.endswith("--deliver --undelivered"), command
        allowed = 'allowed_recipients = ["pm@example.com"'
        wl.write_text(wl.read_text(encoding="utf-8").replace(allowed, f'{allowed}, "@fund.example"'), encoding="utf-8")
        again = CliRunner(env=env).invoke(cli, shlex.split(command)[1:])
        assert again.exit_code == 0, again.output
    assert [e.rcpt_tos for e in received] == [["pm@example.com"], ["cfo@fund.example"]], "the PM got it once"
