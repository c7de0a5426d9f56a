"""Bug: a setting of WATCHDESK_SMTP_URL that watchdesk does not know was ignored: `?frm=desk@fund.example` (a typo of
from=) sent the briefing From watchdesk@localhost, which relays and spam filters turn away, with no word of the
setting; `?insecure=ture` read as off, `?from=` given twice took the first. And `watchdesk brief --deliver` with a URL
that does not read as SMTP wrote the briefing and failed the e-mail (exit 1), where `watchdesk run` refuses it before
anything is fetched (exit 2). Now each is refused, naming the setting (never a value that may be a secret), by the
run, its dry run and `brief --deliver`, which exits 2 before it writes or sends anything. Real SMTP on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.agents.briefing.channels import smtp_server
from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError


@pytest.mark.parametrize(("query", "said"), [
    ("?frm=desk@fund.example", "WATCHDESK_SMTP_URL has ?frm=, which watchdesk does not know: it takes from=ADDRESS, "
                               "insecure=1, internal=1"),
    ("?from=desk@fund.example&insecure=ture", "WATCHDESK_SMTP_URL's insecure= must be 1 or 0 (yes/no, true/false)"),
    ("?from=desk@fund.example&from=pm@fund.example", "WATCHDESK_SMTP_URL gives from= more than once: give each once"),
])  # fmt: skip
def test_a_setting_watchdesk_does_not_know_is_refused_by_brief_deliver(tmp_path: Path, query: str, said: str) -> None:
    _, args = a_briefed_store(tmp_path)
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://desk:pw-9x@127.0.0.1:{port}{query}"}).invoke(cli, args)
    assert result.exit_code == 2, result.output  # before: 0, sent from watchdesk@localhost (or as the typo left it)
    assert said in " ".join(result.output.split()), result.output
    assert "pw-9x" not in result.output
    assert received == [] and not (tmp_path / "out2").exists(), "refused before anything is written or sent"


def test_a_url_that_is_no_smtp_address_stops_brief_deliver_as_it_stops_a_run(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    result = CliRunner(env={"WATCHDESK_SMTP_URL": "https://mail.example.com"}).invoke(cli, args)
    assert result.exit_code == 2, result.output  # before: 1, the briefing written and the e-mail failed
    assert "nothing was written or sent: 1 problem: - delivery: WATCHDESK_SMTP_URL must look like smtp://host:587" in \
        " ".join(result.output.split()), result.output


def test_the_settings_watchdesk_knows_are_read_in_any_case() -> None:
    server = smtp_server("smtp://127.0.0.1:25?from=desk@fund.example&insecure=YES&internal=0")
    assert (server.sender, server.insecure, server.internal) == ("desk@fund.example", True, False)
    assert smtp_server("smtp://127.0.0.1:25?insecure").insecure is False  # said bare: as before, off
    with pytest.raises(ConfigError, match=r"\?fro=, \?x="):
        smtp_server("smtp://127.0.0.1:25?fro=a@b.example&x=1")
