"""Bug (a demanding user's walkthrough): with a Slack target whose variable points at a host outside
policy.allowed_domains, `watchdesk run wl.toml --dry-run` exits 2 listing it ("a run refuses them before fetching"),
but `watchdesk run wl.toml` fetched, flagged and briefed everything, then said "delivery slack webhook $SLACK_HOOK:
refused (host hooks.slack.com is not in allowed_domains)" and exited 1 (16 s on the demo's week). `brief --deliver`
refuses it up front since 939f338; now a run's up-front checks (graph/validate.writable_paths) hold the dry run's
webhook check too: exit 2, nothing fetched, no store made, the webhook's secret never echoed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_approval import WATCHLIST
from watchdesk.graph.cli import cli
from watchdesk.graph.demo import DEMO_AS_OF, demo_pack

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "SLACK_HOOK"\n'
REFUSED = ("delivery[0]: $SLACK_HOOK points at host 'hooks.slack.com', which is not in policy.allowed_domains: a "
           "delivery would refuse to post there (add the host, or fix the variable)")  # fmt: skip


def test_a_run_stops_before_it_fetches_as_its_dry_run_says(tmp_path: Path) -> None:
    wl, db = tmp_path / "wl.toml", tmp_path / "a.duckdb"
    wl.write_text(WATCHLIST.replace('approval = "first:1"', 'approval = "never"') + SLACK, encoding="utf-8")
    env = {"WATCHDESK_REPLAY": str(demo_pack()), "SLACK_HOOK": "https://hooks.slack.com/services/T0/B0/XYZSECRET"}
    args = [str(wl), "--db", str(db), "--out", str(tmp_path / "out"), "--as-of", DEMO_AS_OF.isoformat()]
    dry = CliRunner(env=env).invoke(cli, ["run", *args, "--dry-run"])
    assert dry.exit_code == 2 and REFUSED in " ".join(dry.output.split()), dry.output

    ran = CliRunner(env=env).invoke(cli, ["run", *args])
    said = " ".join(ran.output.split())
    assert ran.exit_code == 2, said  # before: 1, once everything was fetched, flagged and briefed
    assert f"error: nothing was fetched: 1 problem: - {REFUSED}" in said, said
    assert not db.exists() and not (tmp_path / "out").exists() and "XYZSECRET" not in said


def test_an_allowed_host_runs(tmp_path: Path) -> None:
    wl, db = tmp_path / "wl.toml", tmp_path / "a.duckdb"
    allowed = 'approval = "never"\nallowed_domains = ["sec.gov", "hooks.slack.com"]'
    wl.write_text(WATCHLIST.replace('approval = "first:1"', allowed) + SLACK, encoding="utf-8")
    env = {"WATCHDESK_REPLAY": str(demo_pack()), "SLACK_HOOK": "https://hooks.slack.com/services/T0/B0/XYZSECRET"}
    args = [str(wl), "--db", str(db), "--out", str(tmp_path / "out"), "--as-of", DEMO_AS_OF.isoformat(), "--dry-run"]
    dry = CliRunner(env=env).invoke(cli, ["run", *args])
    assert dry.exit_code == 0 and "valid" in dry.output, dry.output
