"""Bug: `watchdesk brief --deliver` with a webhook variable that is no URL (the scheme left out, port 99999, a space,
backslashes for slashes) wrote the briefing, failed the Slack delivery and exited 1, where a WATCHDESK_SMTP_URL that
is no SMTP address exits 2 before anything is written or sent (bad input is exit 2, the house rule), and a run found
it only at its end, after fetching everything. Now each delivery setting that cannot be read is refused up front,
exit 2, by `brief --deliver`, by `run` (before anything is fetched) and by the dry run, naming the variable and what
a good value looks like, never its value (the webhook's path is its secret). Real DuckDB file, a real HTTP server on
loopback standing in for Slack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from tests.regression.test_a_fixed_webhook_settles_its_failed_slack_target import a_store
from watchdesk.graph.cli import EXIT_CONFIG, cli

SECRET = "xoxS3cretPart"
BAD = {
    "no scheme": (f"hooks.slack.com/services/T0/B0/{SECRET}", "it does not begin with https:// (or http://) and a "
                                                              "host"),
    "port": (f"https://hooks.slack.com:99999/services/T0/B0/{SECRET}", "its port is not a number from 0 to 65535"),
    "space": (f"https://hooks.slack.com/services/T0/B0/{SECRET} x", "it has a space, a line break or a control "
                                                                     "character inside"),
    "backslashes": (f"https://hooks.slack.com\\services\\T0\\B0\\{SECRET}", "its host is no host name (slashes "
                                                                           "typed as backslashes?)"),
}  # fmt: skip
SAID = ('delivery[0] (kind = "slack"): the variable HOOK is not a webhook URL ({why}): set it to an http(s) URL such '
        "as Slack gives an incoming webhook (https://hooks.slack.com followed by its path); its value is not shown, "
        "as it holds the webhook's secret")  # fmt: skip


@pytest.mark.parametrize("case", list(BAD))
def test_brief_deliver_exits_2_before_writing_or_sending(
    tmp_path: Path, case: str, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    _, posts, _ = webhook
    url, why = BAD[case]
    _, args = a_store(tmp_path)
    result = CliRunner(env={"HOOK": url}).invoke(cli, [*args[:-1], str(tmp_path / "new")])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said  # before: 1, the briefing written and the delivery failed
    assert "error: nothing was written or sent: 1 problem: - " + SAID.format(why=why) in said, said
    assert SECRET.lower() not in said.lower() and "Traceback" not in said
    assert posts == [] and not (tmp_path / "new").exists()


def test_a_run_stops_before_fetching_and_the_dry_run_says_it(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST.replace("[policy]", '[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n[policy]'))
    args = ["run", str(wl), "--replay", str(nvidia_pack(tmp_path / "pack")), "--out", str(tmp_path / "out"), "--db",
            str(tmp_path / "w.duckdb")]  # fmt: skip
    url, why = BAD["no scheme"]
    run = CliRunner(env={"HOOK": url}).invoke(cli, args)
    said = " ".join(run.output.split())
    assert run.exit_code == EXIT_CONFIG, said  # before: fetched, flagged and briefed, then the Slack delivery failed
    assert "nothing was fetched: 1 problem: - " + SAID.format(why=why) in said, said
    assert not (tmp_path / "w.duckdb").exists() and SECRET.lower() not in said.lower()
    dry = CliRunner(env={"HOOK": url}).invoke(cli, [*args, "--dry-run"])
    said = " ".join(dry.output.split())
    assert dry.exit_code == EXIT_CONFIG and SAID.format(why=why) in said, said
