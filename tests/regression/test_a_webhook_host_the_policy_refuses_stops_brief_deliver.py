"""Bug (a demanding user's walkthrough): `watchdesk brief wl.toml --deliver` with a Slack target whose variable points
at a host outside policy.allowed_domains wrote the briefing, sent the e-mail, then refused Slack and exited 1, while a
recipient the policy does not allow stops the same command before anything is written (exit 2), and the dry run lists
that very webhook host as a problem. Now the brief's up-front checks include the dry run's webhook check (the host,
and a port the policy does not name): exit 2, nothing written or sent, the URL's secret never echoed. Real SMTP on
loopback, a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"\n'


def test_a_webhook_host_outside_the_policy_stops_the_brief_before_anything_is_sent(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace("[policy]", f"{SLACK}[policy]"), encoding="utf-8")
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com",
                                "DESK_HOOK": "https://hooks.slack.com/services/T0/B0/XYZSECRET"}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 2, said  # before: 1, after the e-mail went
    assert ("error: nothing was written or sent: 1 problem: - delivery[1]: $DESK_HOOK points at host "
            "'hooks.slack.com', which is not in policy.allowed_domains: a delivery would refuse to post there (add "
            "the host, or fix the variable)") in said, said
    assert received == [] and not (tmp_path / "out2").exists() and "XYZSECRET" not in said
