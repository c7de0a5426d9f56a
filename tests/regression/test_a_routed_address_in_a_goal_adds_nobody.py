"""A review of ed51628 (no "%" in an address): `watchdesk plan "... email me at ops%evil.test@example.com"` then
matched the address's tail and wrote allowed_recipients = ["evil.test@example.com"], a mailbox the goal never named
(before, it kept the whole address, which loading now refuses); "bob!alice@example.com" likewise gave
"alice@example.com". An address glued to the word before it is now not one e-mail address: nobody is added."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize("written", ["ops%evil.test@example.com", "bob!alice@example.com"])
def test_a_routed_address_adds_nobody(written: str) -> None:
    result = CliRunner().invoke(cli, ["plan", f"Track NVIDIA filings and email me at {written}"])
    assert result.exit_code == 0, result.output
    assert f"'{written}': not one e-mail address; nobody added" in result.output
    assert "allowed_recipients" not in result.output.split("Decisions:", 1)[1].split("\n\n", 1)[1]
    assert "evil.test@example.com\"" not in result.output and "alice@example.com\"" not in result.output


@pytest.mark.parametrize("goal", ["email jane@fund.com", "email (jane@fund.com)", "email 'jane@fund.com' weekly"])
def test_a_plain_address_is_still_added(goal: str) -> None:
    result = CliRunner().invoke(cli, ["plan", f"Track NVIDIA filings and {goal}"])
    assert 'allowed_recipients = ["jane@fund.com"]' in result.output, result.output
