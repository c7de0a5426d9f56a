"""Found in last session's review: `watchdesk approve` reads ~/.config/watchdesk/env for each setting its shell does
not set, and said 'read EDITOR, LANG, MY_TOKEN, WATCHDESK_SMTP_URL, http_proxy from ~/.config/watchdesk/env (not set
in this shell), as a scheduled run reads it': every variable of the file the shell lacked, the user's own ones too,
though a resumed run uses none of them (its settings are WATCHDESK_* variables and the webhook variables its
watchlist names). Now it takes and names only those: 'read WATCHDESK_SMTP_URL from ...', and a Slack target's
variable ('DESK_HOOK') where the run's watchlist names it, never another webhook variable of the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp
from tests.regression.test_approve_sends_the_email_a_scheduled_run_would_send import UNSET, _env_file, _waiting_run
from watchdesk.graph.cli import cli
from watchdesk.graph.cron_env import with_scheduled_settings
from watchdesk.graph.demo import demo_pack

OTHERS = "export EDITOR=vim\nLANG=C.UTF-8\nexport MY_TOKEN='s3cret-token'\nhttp_proxy=http://proxy.test:3128\n"


def _said(text: str) -> str:
    return " ".join(text.split())


def approved_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, env_text: str,
                  shell: dict[str, str | None]) -> tuple[int, str, list[Any], Path]:  # fmt: skip
    """A waiting run of an e-mail target approved from a shell setting `shell` (SMTP_URL: the loopback server's URL)
    beside an env file holding `env_text` (with {smtp_url} the same URL): the exit code, what approve said (one line),
    the envelopes the server received, and the env file."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    with loopback_smtp() as (port, received):
        smtp_url = f"smtp://127.0.0.1:{port}?from=desk@example.com"
        env = _env_file(tmp_path / "home", env_text.format(smtp_url=smtp_url))
        run_id, db = _waiting_run(tmp_path, smtp_url)
        here = {**UNSET, **{k: smtp_url if v == "SMTP_URL" else v for k, v in shell.items()}}
        approved = CliRunner(env=here).invoke(cli, ["approve", run_id, "--db", str(db)])
    return approved.exit_code, _said(approved.output), received, env


def test_approve_names_only_the_setting_it_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unset: dict[str, str | None] = {"EDITOR": None, "LANG": None, "MY_TOKEN": None, "http_proxy": None}
    code, said, received, env = approved_with(tmp_path, monkeypatch, shell=unset,
                                              env_text=OTHERS + "export WATCHDESK_SMTP_URL='{smtp_url}'\n")  # fmt: skip
    assert code == 0, said
    assert f"read WATCHDESK_SMTP_URL from {env} (not set in this shell), as a scheduled run reads it" in said, said
    for other in ("EDITOR", "LANG", "MY_TOKEN", "http_proxy"):
        assert other not in said, said
    assert "delivery email pm@example.com: sent" in said, said
    assert [e.rcpt_tos for e in received] == [["pm@example.com"]]


def test_a_webhook_variable_is_read_when_the_runs_watchlist_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    hooks = "export DESK_HOOK='https://hooks.slack.com/services/T/B/x'\nexport OTHER_HOOK='https://hooks.slack.com/x'\n"
    env = _env_file(tmp_path / "home", OTHERS + hooks)
    wl = tmp_path / "w.toml"
    wl.write_text('name = "slacked"\n[[tickers]]\nsymbol = "NVDA"\nsources = ["edgar"]\n[policy]\napproval = "always"\n'
                  'allowed_domains = ["sec.gov", "hooks.slack.com"]\n[[delivery]]\nkind = "slack"\n'
                  'webhook_env = "DESK_HOOK"\n', encoding="utf-8")  # fmt: skip
    db = tmp_path / "w.duckdb"
    cron = {"WATCHDESK_REPLAY": str(demo_pack()), "DESK_HOOK": "https://hooks.slack.com/services/T/B/x"}
    started = CliRunner(env=cron).invoke(cli, ["run", str(wl), "--scheduled", "--db", str(db), "--out",
                                               str(tmp_path / "out")])  # fmt: skip
    (notice,) = (tmp_path / "out").glob("AWAITING-APPROVAL-*.md")
    run_id = notice.stem.removeprefix("AWAITING-APPROVAL-")
    here = {"WATCHDESK_REPLAY": None, "DESK_HOOK": None, "OTHER_HOOK": None, "MY_TOKEN": None}
    shown = CliRunner(env=here).invoke(cli, ["approve", run_id, "--show", "--db", str(db)])
    said = _said(shown.output)
    assert shown.exit_code == 0, (started.output, said)
    assert f"read DESK_HOOK from {env} (not set in this shell), as a scheduled run reads it" in said, said
    assert "OTHER_HOOK" not in said and "MY_TOKEN" not in said, said


def test_only_settings_are_added_to_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    _env_file(tmp_path, OTHERS + "export WATCHDESK_SEC_IDENTITY='Jane jane@example.com'\nexport DESK_HOOK=x\n")
    env, added, note = with_scheduled_settings({"HOME": "/h"}, home=str(tmp_path), wanted=("DESK_HOOK",))
    assert (added, note) == (["DESK_HOOK", "WATCHDESK_SEC_IDENTITY"], None)
    assert "MY_TOKEN" not in env and "EDITOR" not in env and env["HOME"] == "/h"
