"""A new user's walkthrough: WATCHDESK_LOCK_WAIT_S was read with float() only as a --scheduled run met a database
held by another run, so "abc" stopped that cron run as a bug ("unexpected ValueError ... exit 1"), and "-5" was taken
as no wait at all, while every other WATCHDESK_* number is checked as any command starts. Now it is one of the
settings: "abc" or "-5" is refused by every command, exit 2, naming the variable; 0 (do not wait) is accepted."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.settings import from_env
from watchdesk.sources.errors import ConfigError


@pytest.mark.parametrize("value", ["abc", "-5", "inf"])
def test_a_lock_wait_that_is_no_number_of_seconds_is_bad_input(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("WATCHDESK_LOCK_WAIT_S", value)
    result = CliRunner().invoke(cli, ["flag", "--text", "Channel inventory is now healthy."])
    assert result.exit_code == 2, result.output
    said = f"error: WATCHDESK_LOCK_WAIT_S must be a number of seconds, 0 or more, got {value!r}"
    assert result.stderr.strip() == said


def test_a_lock_wait_is_a_setting() -> None:
    assert from_env({}).lock_wait_s == 600.0
    assert from_env({"WATCHDESK_LOCK_WAIT_S": "0"}).lock_wait_s == 0.0
    assert from_env({"WATCHDESK_LOCK_WAIT_S": "90"}).lock_wait_s == 90.0
    with pytest.raises(ConfigError):
        from_env({"WATCHDESK_LOCK_WAIT_S": "soon"})
