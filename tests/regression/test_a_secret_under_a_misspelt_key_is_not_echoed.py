"""Bug: a watchlist that put its Slack webhook under a misspelt key (`webhook = "https://hooks.slack.com/services/
T000/B000/..."` for `webhook_env`) failed to load with `(got 'https://hooks.slack.com/services/T000/B000/...')` on
stderr: the webhook's secret is its path, which the one redaction function did not know, and the loader echoed the
value of an unknown key. An SMTP URL with a "/" in its password under an unknown key was echoed the same way. Now
an unknown key is named without its value, and a Slack webhook's path is redacted wherever a URL is printed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.sources.redact import redact_text

HOOK_SECRET = "XXXXhookSECRETXXXX"
SMTP_SECRET = "pa/ssSECRET"
WATCHLIST = f"""
name = "typo"
[[tickers]]
symbol = "NVDA"
cik = 1045810
[[delivery]]
kind = "slack"
webhook = "https://hooks.slack.com/services/T000/B000/{HOOK_SECRET}"
[[delivery]]
kind = "email"
to = ["pm@example.com"]
smtp = "smtp://desk:{SMTP_SECRET}@mail.example.com:587"
[policy]
allowed_domains = ["sec.gov", "hooks.slack.com"]
allowed_recipients = ["pm@example.com"]
"""


def test_a_misspelt_key_is_named_but_its_secret_never_printed(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text(WATCHLIST)
    result = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, ["run", str(wl), "--dry-run"])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert "delivery.0.webhook" in result.output and "; did you mean webhook_env?" in result.output
    assert "delivery.1.smtp" in result.output
    assert HOOK_SECRET not in result.output and SMTP_SECRET not in result.output


def test_a_slack_webhook_is_redacted_wherever_a_url_is_printed() -> None:
    said = redact_text(f"webhook https://hooks.slack.com/services/T000/B000/{HOOK_SECRET} failed")
    assert HOOK_SECRET not in said and "https://hooks.slack.com/" in said
    # a news link is not a webhook: its path stays as it is
    assert redact_text("https://rss.nytimes.com/services/xml/rss/nyt/Business.xml").endswith("Business.xml")
