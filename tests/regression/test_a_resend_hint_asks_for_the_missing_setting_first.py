"""Bug (a demanding user's walkthrough): `watchdesk brief WL --deliver` in a shell without the webhook variable (or
WATCHDESK_SMTP_URL) failed the target ("variable HOOK is not set") and ended "not delivered (slack webhook $HOOK:
failed); ... `watchdesk brief ... --deliver --undelivered` sends it again where it did not arrive": typed as it
stood, that command failed the same way. Now the line asks for the setting first ("set HOOK first (a scheduled run
reads ~/.config/watchdesk/env), then `...` sends it again"); other failures keep the line as it was. Real DuckDB
file, a real HTTP server on loopback for Slack."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.regression.test_a_fixed_webhook_settles_its_failed_slack_target import a_store
from watchdesk.graph.cli import cli


def test_the_hint_names_the_variable_to_set_and_then_sends(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    port, posts, _ = webhook
    _, args = a_store(tmp_path)
    first = CliRunner(env={"HOOK": ""}).invoke(cli, args)
    said = " ".join(first.stderr.split())
    assert first.exit_code == 1, said
    assert "delivery slack webhook $HOOK: failed (variable HOOK is not set)" in said, said
    assert "not delivered (slack webhook $HOOK: failed); the briefing is written and stored; set HOOK first (a " \
        "scheduled run reads ~/.config/watchdesk/env), then `watchdesk brief " in said, said  # fmt: skip
    command = said.split("~/.config/watchdesk/env), then `")[1].split("`")[0]
    again = CliRunner(env={"HOOK": f"http://127.0.0.1:{port}/services/T0/B0/x"}).invoke(cli, shlex.split(command)[1:])
    assert again.exit_code == 0 and len(posts) == 1, again.output
