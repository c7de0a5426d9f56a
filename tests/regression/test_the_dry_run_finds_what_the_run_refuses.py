"""Bug (a walkthrough): `watchdesk run --dry-run` said "valid" (exit 0) for watchlists the run then refused or
failed on: a feed on a port the policy does not name ("port 8443 of 'www.cnbc.com' not allowed", audited as a
refusal), a feed URL with port 99999 (a "not a valid URL" gap), a webhook variable pointing outside
policy.allowed_domains (refused at delivery) and a --db that is no DuckDB store ("is not a DuckDB database"). Now the
dry run lists each as a problem and exits 2, never echoing the webhook's URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, run_args
from watchdesk.graph.cli import EXIT_CONFIG, cli

NEWS = WATCHLIST.replace('sources = ["edgar"]', 'sources = ["edgar", "news"]').replace(
    "[policy]", '[[news.feeds]]\nurl = "FEED"\n[[delivery]]\nkind = "slack"\nwebhook_env = "DESK_HOOK"\n'
    '[policy]\nallowed_domains = ["sec.gov", "cnbc.com", "hooks.slack.com"]')
CNBC = "https://www.cnbc.com/id/100727362/device/rss/rss.html"
HOOK = "https://hooks.slack.com/services/T000/B000/XYZSECRET"


def _dry_run(tmp_path: Path, *, feed: str = CNBC, hook: str = HOOK, db: Path | None = None) -> tuple[int, str]:
    args = [*run_args(tmp_path, text=NEWS.replace("FEED", feed)), "--dry-run"]
    if db is not None:
        args += ["--db", str(db)]
    result = CliRunner(env={"DESK_HOOK": hook}).invoke(cli, args)
    return result.exit_code, " ".join((result.output + result.stderr).split())


def test_a_watchlist_the_run_takes_is_valid(tmp_path: Path) -> None:
    code, said = _dry_run(tmp_path)
    assert code == 0 and said.endswith("valid"), said


@pytest.mark.parametrize(
    ("feed", "problem"),
    [
        ("https://www.cnbc.com:8443/rss", "news.feeds[0]: port 8443 of 'www.cnbc.com' not allowed (name it in "
         "allowed_domains as www.cnbc.com:8443 if it should be): the run would refuse it"),
        ("https://www.cnbc.com:99999/rss", "news.feeds[0]: https://www.cnbc.com:99999/rss is not a valid URL (its "
         "port is not a number from 0 to 65535)"),
    ],
)
def test_a_feed_port_the_run_refuses_is_a_problem(tmp_path: Path, feed: str, problem: str) -> None:
    code, said = _dry_run(tmp_path, feed=feed)
    assert code == EXIT_CONFIG and problem in said, said


def test_a_webhook_outside_the_allowed_domains_is_a_problem(tmp_path: Path) -> None:
    code, said = _dry_run(tmp_path, hook="https://evil.example.net/services/T/B/XYZSECRET")
    assert code == EXIT_CONFIG, said
    assert "delivery[0]: $DESK_HOOK points at host 'evil.example.net', which is not in policy.allowed_domains" in said
    assert "XYZSECRET" not in said


def test_a_db_that_is_no_store_is_a_problem(tmp_path: Path) -> None:
    other = tmp_path / "notes.toml"
    other.write_text("not a database\n" * 400, encoding="utf-8")
    code, said = _dry_run(tmp_path, db=other)
    assert code == EXIT_CONFIG and f"--db: {other} is not a DuckDB database" in said, said
