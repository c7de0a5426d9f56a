"""Bug (a demanding user's walkthrough): `watchdesk brief WL --deliver` with a recipient the watchlist's policy does
not allow ("pm@exmaple.com", a typo of the allowed "pm@example.com") wrote the briefing, e-mailed the others, said
the typo "refused (not in the policy's allowed_recipients)" and exited 1, where `watchdesk run WL` refuses the same
watchlist before fetching anything (exit 2) and asks "did you mean 'pm@example.com'?". The brief also never checked
a file target's folder up front. Now `brief --deliver` says each problem a run would (the recipient with its
suggestion, a webhook_env that names no variable, a file target whose folder cannot be written, the delivery
settings) and exits 2 before it writes or sends anything. Real DuckDB file, real SMTP on loopback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import EXIT_CONFIG, cli


def test_a_recipient_not_allowed_is_said_with_its_suggestion_before_anything_is_sent(tmp_path: Path) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    (tmp_path / "taken").write_text("a file, not a folder")
    wl.write_text(wl.read_text(encoding="utf-8").replace('to = ["pm@example.com"]', 'to = ["pm@example.com", '
                  f'"pm@exmaple.com"]\n[[delivery]]\nkind = "file"\npath = "{tmp_path}/taken/copies"'),
                  encoding="utf-8")  # fmt: skip
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}).invoke(
            cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said  # before: 1, the others e-mailed, the typo "refused"
    assert "error: nothing was written or sent: 2 problems: - delivery[0].to: 'pm@exmaple.com' is not in " \
        "policy.allowed_recipients ['pm@example.com']; did you mean pm@example.com? If not, add it (or its " \
        "@domain) there" in said, said  # fmt: skip
    assert f'- delivery[1] (kind = "file", path = "{tmp_path}/taken/copies"): the folder {tmp_path}/taken/copies ' \
        "cannot be written" in said, said  # fmt: skip
    assert received == [] and not (tmp_path / "out2").exists()
