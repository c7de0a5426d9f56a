"""What a delivery is made of: its targets, the message, the channels' settings and secrets, each target's outcome."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from watchdesk.agents.briefing.channels import DeliveryError
from watchdesk.agents.briefing.charts import Chart
from watchdesk.agents.briefing.file_target import file_target
from watchdesk.agents.briefing.retry import Pause
from watchdesk.agents.briefing.webhook import slack_target
from watchdesk.store.store import REOPEN_WAIT_S

# stores that `targets` of a kind are about to be sent; the pause for those of them a retry waits for
Sending = Callable[[str, Sequence[str]], Callable[[Sequence[str]], Pause]]


@dataclass(frozen=True, kw_only=True)
class Target:
    kind: str  # file | email | slack
    path: str | None = None
    to: tuple[str, ...] = ()
    webhook_env: str | None = None


@dataclass(frozen=True, kw_only=True)
class Message:
    """What is sent: the briefing's files and texts, and who it is for."""

    briefing_id: str
    run_id: str
    watchlist: str
    period: tuple[object, object]  # (start, end)
    period_label: str
    paths: Mapping[str, Path]
    text: str  # the e-mail's text/plain part: the briefing as plain text (plain.py), or a notice
    html: str | None
    headline: str  # a few lines for chat channels
    charts: Sequence[Chart] = ()  # the HTML's charts, sent in an e-mail as PNG images
    watchlist_path: str | None = None  # the file the targets were read from, if any: what a resend command names


@dataclass(frozen=True, kw_only=True)
class Channels:
    """Where secrets and the policy come in: never logged, never stored."""

    allowed_recipients: tuple[str, ...] = ()
    allowed_hosts: tuple[str, ...] = ()
    smtp_url: str | None = field(default=None, repr=False)
    webhooks: Mapping[str, str] = field(default_factory=dict, repr=False)  # variable name -> URL
    attempts: int = 3
    backoff: float = 2.0  # seconds, doubled per retry
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)  # how a retry waits (a test's waits no time)
    reopen_wait_s: float = REOPEN_WAIT_S  # after a wait, how long another program's hold on the store is waited out


@dataclass(frozen=True, kw_only=True)
class Outcome:
    kind: str
    target: str
    status: str  # sent | failed | refused | skipped
    attempts: int = 0
    error: str | None = None
    stopped: bool = False  # a Ctrl-C stopped its attempts outside one: recorded as it stands, then the delivery stops


def status_of(error: DeliveryError | None) -> str:
    """sent, failed, refused (the policy's no), or unconfirmed: handed over with no answer, so it may have arrived
    (never sent again unasked)."""
    if error is None:
        return "sent"
    return "unconfirmed" if error.maybe_sent else "refused" if error.refused else "failed"


def target_names(target: Target) -> list[str]:
    """What a target's deliveries are stored as: a file target's path (or the briefing folder), each address of an
    e-mail one, a Slack one's variable."""
    if target.kind == "file":
        return [file_target(target.path)]
    if target.kind == "slack":
        return [slack_target(target.webhook_env)]
    return list(target.to) if target.kind == "email" else []
