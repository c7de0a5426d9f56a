"""What a scheduled run will read: the variables cron's shell gets from the env file (and the crontab's own
NAME=value lines), checked against what the watchlist's runs need; the env file written from this shell on request.

Cron passes a job none of the installing shell's variables, so a setting that is only exported there is missing
every week; `schedule install` finds that before the first run, not in a log nobody reads. Values are never said.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Collection, Mapping
from pathlib import Path

from watchdesk.graph.settings import Settings, from_env
from watchdesk.graph.watchlist import Watchlist
from watchdesk.sources.errors import ConfigError

ENV_FILE = Path("~/.config/watchdesk/env")  # sourced before a scheduled run: WATCHDESK_* variables live here
# placeholders said as words: anything shaped like a URL with a password is redacted from every message
EXAMPLES = {
    "WATCHDESK_SEC_IDENTITY": ("'Your Name you@example.com'", "SEC's required User-Agent"),
    "WATCHDESK_SMTP_URL": ("'...'", "your mail server's smtp:// or smtps:// URL, with its user and password"),
}
WEBHOOK = ("'...'", "the Slack incoming-webhook URL")
_DUMP = "import json, os, sys; json.dump(dict(os.environ), sys.stdout)"
_CRONTAB_VAR = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


def env_file() -> Path:
    return ENV_FILE.expanduser()


def env_file_said(path: Path) -> str | None:
    """A warning when the env file (its SMTP password, webhooks, keys) is open to other users, naming it, its mode and
    the chmod that closes it; None when it is not, or there is none. One anyone may write, or another user owns, is
    refused (ConfigError): its writer could point every briefing and notice at a server of theirs. One only readable
    by others is used (a user may want it so): a hand-made file is often 0644, and it was used without a word."""
    try:
        seen = path.stat()
    except OSError:
        return None
    mode = seen.st_mode & 0o777
    if seen.st_mode & 0o002 or seen.st_uid not in (os.getuid(), 0):
        who = f"anyone may write it (mode {mode:04o})" if seen.st_mode & 0o002 else f"user {seen.st_uid} owns it"
        raise ConfigError(f"{path} is not read: {who}, so anyone could set where briefings and notices go (its SMTP "
                          f"server, its webhooks); make it yours alone: `chmod 600 {path}`"
                          f"{'' if seen.st_mode & 0o002 else f' and `chown {os.getuid()} {path}`'}")
    if mode & 0o077:
        writes = ", and its group may change where briefings go" if mode & 0o020 else ""
        return (f"{path} (the scheduled runs' settings: SMTP password, webhooks, keys) is open to other users (mode "
                f"{mode:04o}){writes}: `chmod 600 {path}`")
    return None


def source_env(path: Path) -> str:
    """The line's first command: the env file sourced with every assignment exported (`NAME=value` as written by
    hand reaches the run as `export NAME=value` does). Not one anyone may write: sourcing runs its commands, before
    the run can refuse it (env_file_said, which then says why in the run's log)."""
    env = shlex.quote(str(path))
    return f'[ -f {env} ] && [ -z "$(find {env} -prune -perm -0002)" ] && {{ set -a; . {env}; set +a; }}'


def crontab_variables(crontab: str) -> dict[str, str]:
    """The NAME=value lines of a crontab: cron sets them for every job of the table."""
    found: dict[str, str] = {}
    for line in crontab.splitlines():
        if (m := _CRONTAB_VAR.match(line)) and not line.lstrip().startswith("#"):
            value = m.group(2)
            found[m.group(1)] = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value
    return found


def cron_environment(path: Path | None, *, crontab: str, home: str,
                     done_said: str = "nothing installed") -> dict[str, str]:  # fmt: skip
    """The variables a job of this crontab sees after the line's first command: cron's bare environment, the
    crontab's variables, then the env file sourced by sh as the line sources it (None: no file; `done_said`: what the
    command did, said first when the file cannot be read, with the lines sh cannot parse)."""
    base = _cron_base(crontab, home=home)
    try:
        return _sourced(base, first=source_env(path) if path else ":")
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(_unread_said(path, exc, done_said=done_said, lines=_lines_to_blame(path))) from None


def _cron_base(crontab: str, *, home: str) -> dict[str, str]:
    return {"HOME": home, "PATH": "/usr/bin:/bin", "SHELL": "/bin/sh"} | crontab_variables(crontab)


def _sourced(base: Mapping[str, str], *, first: str, text: str = "") -> dict[str, str]:
    """The environment sh hands on after `first` (which may read `text` on its standard input)."""
    script = f'{first}; exec "$0" -c {shlex.quote(_DUMP)}'
    done = subprocess.run(["sh", "-c", script, sys.executable], env=dict(base), input=text, capture_output=True,
                          text=True, timeout=30, check=False)  # fmt: skip
    if done.returncode != 0:
        raise ValueError(f"exit {done.returncode}")
    return dict(json.loads(done.stdout))


def _lines_to_blame(path: Path | None) -> tuple[str, list[int]]:
    """The file's text and the lines sh cannot parse in it (none when it cannot be read as text)."""
    from watchdesk.graph.env_lines import unreadable_lines

    try:
        text = path.read_text(encoding="utf-8") if path else ""
        return text, unreadable_lines(text)
    except (OSError, UnicodeDecodeError, subprocess.TimeoutExpired):
        return "", []


def _unread_said(path: Path | None, exc: Exception, *, done_said: str, lines: tuple[str, list[int]]) -> str:
    """What a command says of a file sh stops in: `exc`'s exit status, never its words (they may quote a secret), and
    the lines to blame, "; sh cannot parse its line 2 (it sets X), ...", when there are."""
    from watchdesk.graph.env_lines import lines_said

    text, bad = lines
    blamed = (f"; sh cannot parse its {lines_said(text, bad)}, and a scheduled run stops there, before watchdesk "
              "starts" if bad else "")  # fmt: skip
    return (f"{done_said}: sh could not read {path} as a scheduled run would ({exc}){blamed}; fix the file (lines "
            "like export NAME='value')")


def _readable_part(path: Path, *, home: str) -> tuple[dict[str, str], str | None]:
    """The env file as a scheduled run reads it, and None; or, when sh cannot read it whole, what it reads of its
    other lines (nothing when even those stop it), and what to say of it (never a line's text). The lines to blame are
    looked for once (each look runs `sh -n` over the file's lines)."""
    from watchdesk.graph.env_lines import lines_said, without_lines

    base = _cron_base("", home=home)
    try:
        return _sourced(base, first=source_env(path)), None
    except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
        failed: Exception = exc
    text, bad = lines = _lines_to_blame(path)
    if bad:
        try:
            read = _sourced(base, first='set -a; eval "$(cat)"; set +a', text=without_lines(text, bad))
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        else:
            return read, (f"{path}: sh cannot parse its {lines_said(text, bad)}, and a scheduled run stops there, "
                          "before watchdesk starts: fix it (lines like export NAME='value'); read its other lines")
    said = _unread_said(path, failed, done_said="nothing read", lines=lines)
    return {}, f"{said}; going on with this shell's settings alone"


# what `watchdesk approve` never takes from the env file: which database and which pack are the command line's (a
# resumed run replays its own recorded pack), nor what the shell sets of itself (a webhook variable named so)
_NOT_FROM_FILE = frozenset({"WATCHDESK_DB", "WATCHDESK_REPLAY", "PWD", "OLDPWD", "SHLVL", "_", "HOME", "PATH", "SHELL"})


def with_scheduled_settings(here: Mapping[str, str], *, home: str,
                            wanted: Collection[str] = ()) -> tuple[dict[str, str], list[str], str | None]:  # fmt: skip
    """This shell's environment, with the settings the env file sets and this shell does not (or sets empty) added,
    read as a scheduled run reads the file; the names so added; and what to say of a file sh cannot read whole (its
    other lines are read). `watchdesk approve` resumes a run, often a scheduled one, from a person's shell: it sends
    what the scheduled run would have. Settings are WATCHDESK_* variables, the `wanted` ones (the run's webhook
    variables) and those WATCHDESK_MODEL's provider reads (its key: the run's LLM judge is built with them); this
    shell's own values win."""
    from watchdesk.graph.llm_env import model_variables

    path = env_file()
    if not path.is_file():
        return dict(here), [], None
    open_to_others = env_file_said(path)
    scheduled, note = _readable_part(path, home=home)
    note = "\nwarning: ".join(n for n in (open_to_others, note) if n) or None
    wanted = {*wanted, *model_variables(here.get("WATCHDESK_MODEL") or scheduled.get("WATCHDESK_MODEL"), scheduled)}
    added = {name: value for name, value in scheduled.items() if value and not here.get(name)
             and (name.startswith("WATCHDESK_") or name in wanted) and name not in _NOT_FROM_FILE}  # fmt: skip
    return dict(here) | added, sorted(added), note


def scheduled_settings(settings: Settings, *, home: str,
                       wanted: Collection[str] = ()) -> tuple[Settings, list[str], str | None]:  # fmt: skip
    """`settings` (this shell's, with the command's options) completed from the env file as `with_scheduled_settings`
    completes the environment, the names it added, and what to say of a file sh cannot read whole; a bad value
    there is said with the file's name."""
    env, added, note = with_scheduled_settings(settings.env, home=home, wanted=wanted)
    if not added:
        return settings, [], note
    try:
        completed = from_env(env)
    except ConfigError as exc:
        raise ConfigError(f"nothing was resumed: {env_file()}, read for {', '.join(added)}: {exc}") from None
    return completed.with_(db_path=settings.db_path, out_dir=settings.out_dir, as_of=settings.as_of), added, note


def missing_settings(watchlist: Watchlist, env: Mapping[str, str]) -> list[str]:
    """The variables a live run of `watchlist` needs that `env` lacks: SEC's identity, the SMTP server of an e-mail
    target, a slack target's webhook variable. A bad value is said as from_env says it."""
    from watchdesk.graph.run_gateway import needs_sec

    settings = from_env(env)
    missing = []
    if settings.mode == "live" and not settings.sec_identity and needs_sec(watchlist):
        missing.append("WATCHDESK_SEC_IDENTITY")
    if any(d.kind == "email" for d in watchlist.delivery) and not settings.smtp_url:
        missing.append("WATCHDESK_SMTP_URL")
    elif any(d.kind == "email" for d in watchlist.delivery):  # set, but every run would fail to deliver on it
        from watchdesk.agents.briefing.channels import smtp_server

        smtp_server(settings.smtp_url or "")
    missing += [d.webhook_env for d in watchlist.delivery
                if d.kind == "slack" and d.webhook_env and not (env.get(d.webhook_env) or "").strip()]  # fmt: skip
    return list(dict.fromkeys(missing))


def effects_said(missing: list[str]) -> str:
    """What every scheduled run would do without `missing`: stop (the identity), or fail the targets that need them
    while the others get the briefing."""
    effects = (["stop before fetching (exit 2)"] if "WATCHDESK_SEC_IDENTITY" in missing else []) + (
        ["fail to deliver to the e-mail or Slack targets that need them, while its other targets get the briefing "
         "(exit 1)"] if set(missing) - {"WATCHDESK_SEC_IDENTITY"} else [])  # fmt: skip
    return ", and with the identity alone ".join(effects)


def missing_said(missing: list[str], path: Path, *, here: Mapping[str, str]) -> str:
    """What to put where, with placeholder values (never this shell's), and whether --write-env can do it."""
    lines = "\n".join(f"  export {name}={value}   # {what}"
                      for name in missing for value, what in [EXAMPLES.get(name, WEBHOOK)])  # fmt: skip
    said = effects_said(missing)
    set_here = [name for name in missing if here.get(name)]
    copy = (f"or pass --write-env to copy {', '.join(set_here)} from this shell" if set_here else
            "--write-env copies them from this shell once they are set here")  # fmt: skip
    return (f"nothing installed: scheduled runs read their settings from {path} (cron passes them none of this "
            f"shell's variables), and there {', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: "
            f"every run would {said}. Put these lines in {path} (readable by you only: chmod 600 "
            f"{path}):\n{lines}\n{copy}")


def write_env(path: Path, names: list[str], *, here: Mapping[str, str]) -> None:
    """Append `export NAME=value` for each name from this shell to the env file, readable by its owner only."""
    lacking = [name for name in names if not here.get(name)]
    if lacking:
        raise ConfigError(f"nothing installed: --write-env copies settings from this shell, where "
                          f"{', '.join(lacking)} {'is' if len(lacking) == 1 else 'are'} not set either: set "
                          f"{'it' if len(lacking) == 1 else 'them'} here, or write {path} yourself")  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    added = "".join(f"export {name}={shlex.quote(here[name])}\n" for name in names)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # before a secret goes in: a file written by hand is often readable by all (an editor's 0644)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(before + ("" if not before or before.endswith("\n") else "\n") + added)
