"""Delivery as the graph and the CLI use it: the watchlist's targets and policy, the settings' secrets."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from watchdesk.agents.briefing.agent import BriefingFiles
from watchdesk.agents.briefing.deliver import Channels, Message, Outcome, Target, deliver
from watchdesk.agents.briefing.headline import headline_text
from watchdesk.agents.briefing.plain import plain_text
from watchdesk.graph.approved_targets import last_approved, only_approved
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist
from watchdesk.store.store import Store


def channels_for(watchlist: Watchlist, settings: Settings, *, backoff: float = 2.0,
                 sleep: Callable[[float], None] = time.sleep) -> Channels:  # fmt: skip
    return Channels(
        allowed_recipients=watchlist.policy.allowed_recipients,
        allowed_hosts=watchlist.policy.allowed_domains,
        smtp_url=settings.smtp_url,
        webhooks=settings.webhooks(d.webhook_env for d in watchlist.delivery if d.webhook_env),
        backoff=backoff,
        sleep=sleep,
        reopen_wait_s=settings.reopen_wait_s,
    )


def targets_of(watchlist: Watchlist) -> list[Target]:
    return [Target(kind=d.kind, path=d.path, to=d.to, webhook_env=d.webhook_env) for d in watchlist.delivery]


def deliver_briefing(
    files: BriefingFiles,
    *,
    watchlist: Watchlist,
    settings: Settings,
    store: Store,
    run_id: str,
    report: Callable[[str], None] = lambda _m: None,
    resend: bool | Literal["undelivered"] = False,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Outcome]:
    """Send a written briefing to every target of the watchlist; refusals and failures are recorded, not raised."""
    data = files.data
    headline = headline_text(data)
    if "html" in files.paths or "md" in files.paths:
        # the file's name, never its local path: the folder means nothing to a chat's readers
        headline += f"\nFull briefing: {Path(files.paths.get('html') or files.paths['md']).name}"
    html = files.html
    if html is None and any(d.kind == "email" for d in watchlist.delivery):
        # an e-mail carries the HTML briefing (its tables and charts) whatever files --format wrote
        from watchdesk.agents.briefing.html import render_html

        html = render_html(data)
    charts = []
    if html is not None:
        from watchdesk.agents.briefing.charts import briefing_charts  # the charts, for an e-mail's images
        from watchdesk.agents.briefing.html import chart_weeks

        charts = briefing_charts(data.history, chart_weeks(data))
    msg = Message(
        briefing_id=files.briefing_id,
        run_id=run_id,
        watchlist=watchlist.name,
        period=(data.period_start, data.period_end),
        period_label=data.period_label,
        paths=files.paths,
        text=plain_text(files.markdown),
        html=html,
        headline=headline,
        charts=charts,
        watchlist_path=str(settings.watchlist_path.resolve()) if settings.watchlist_path else None,
    )
    channels_ = channels_for(watchlist, settings, backoff=backoff, sleep=sleep)
    return deliver(msg, targets_of(watchlist), channels_=channels_, store=store, resend=resend, report=report)


@dataclass(frozen=True)
class Undelivered:
    """The targets a run's briefing did not surely reach, each (kind, target, status, error) as its latest attempt
    went, and the command that sends it again ("" when every target got it)."""

    rows: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    resend: str = ""


def undelivered(store: Store, run_id: str, *, db_path: Path) -> Undelivered:
    """What the run's end says of its delivery (not_delivered_said), read while the run still has its store open: the
    briefing's deliveries, not the notice an unattended run sent while it waited for approval; each target's latest
    (a run resumed after Ctrl-C tried it again: said once, as that attempt went)."""
    from watchdesk.agents.briefing.delivery_rows import TARGET_KEY, resend_line

    rows = store.query(
        "SELECT kind, target, status, error, period_start, period_end FROM deliveries WHERE run_id = ? "
        "AND NOT starts_with(coalesce(briefing_id, ''), 'approval:') "
        f"QUALIFY row_number() OVER (PARTITION BY kind, {TARGET_KEY} ORDER BY \"at\" DESC) = 1 "
        "AND status IN ('failed', 'refused', 'unconfirmed') ORDER BY kind, target",
        [run_id],
    )
    if not rows:
        return Undelivered()
    ((path, name, out_dir),) = store.query("SELECT watchlist_path, watchlist, out_dir FROM runs WHERE run_id = ?",
                                           [run_id])  # fmt: skip
    # the database absolute too: a scheduled run's log is read from another folder than cron's
    resend = resend_line(name=name, path=path, db=db_path, period=rows[0][4:6], out=out_dir)
    return Undelivered(rows=[r[:4] for r in rows], resend=resend)


_UNSET = re.compile(r"(?:variable )?([A-Za-z_][A-Za-z0-9_]*) is not set$")  # a delivery's setting missing here


def not_delivered_said(rows: Iterable[tuple[str, str, str, str | None]], *, resend: str) -> list[str]:
    """What a run or `watchdesk brief --deliver` says at its end of the targets it did not surely reach, each row
    (kind, target, status, error), and what to do: send again where it failed, allow it first where the policy refused,
    check first where it may have arrived (`resend` sends it where it did not)."""
    from watchdesk.sources.redact import redact_text

    rows = list(rows)
    lines = []
    if failed := [r for r in rows if r[2] == "failed"]:
        said = "; ".join(f"{kind} {target}: failed" for kind, target, *_ in failed)  # each said as it failed
        # sent again with the setting still missing, it fails again: the setting first
        unset = sorted({m[1] for *_, error in failed if (m := _UNSET.match(error or ""))})
        first = (f"; set {' and '.join(unset)} first (a scheduled run reads ~/.config/watchdesk/env), then" if unset
                 else ",")  # fmt: skip
        lines.append(f"not delivered ({said}); the briefing is written and stored{first} `{resend}` sends it again "
                     "where it did not arrive")  # fmt: skip
    if refused := [r for r in rows if r[2] == "refused"]:  # sent again, it would be refused again
        said = "; ".join(f"{kind} {target}: refused ({error})" for kind, target, _status, error in refused)
        lines.append(f"not delivered ({said}): the watchlist's [policy] refuses it, so sending it again as it stands "
                     "would be refused again; if it should get the briefing, allow it there (allowed_recipients takes "
                     f"an address or an @domain, allowed_domains a webhook's host), then `{resend}` sends it to each "
                     "target it has not reached")  # fmt: skip
    if unsure := [r for r in rows if r[2] == "unconfirmed"]:  # sent again unasked, it might arrive twice
        said = "; ".join(f"{kind} {target}: {error}" for kind, target, _status, error in unsure)
        lines.append(f"may have been sent ({said}); the briefing is written and stored: check that it arrived before "
                     f"sending it again with `{resend}`")  # fmt: skip
    return [redact_text(line) for line in lines]


def notify_awaiting_approval(
    *, watchlist: Watchlist, settings: Settings, store: Store, run_id: str, report: Callable[[str], None],
    tell_targets: bool = True,
) -> list[Outcome]:
    """A short notice instead of a briefing when a run stops for approval: to the e-mail and Slack targets when it
    stopped unattended (`tell_targets`), and as a file in the briefing folder in any case (at a terminal the person
    asked may leave the prompt, or close the terminal)."""
    from watchdesk.graph.resume import waiting_said

    text = waiting_said(store, run_id=run_id, watchlist=watchlist.name, db_path=settings.db_path)
    msg = Message(briefing_id=f"approval:{run_id}", run_id=run_id, watchlist=watchlist.name, period=(None, None),
                  period_label="awaiting approval", paths={}, text=text, html=None, headline=text)  # fmt: skip
    # at a terminal the person asked is there: only the file is written
    targets, not_told = approved_targets(store, watchlist, run_id=run_id, report=report) if tell_targets else ([], [])
    outcomes = not_told + deliver(msg, targets, channels_=channels_for(watchlist, settings), store=store, report=report)
    # where the briefing would have been: a file-only watchlist (watchdesk init's) told nobody otherwise, and each
    # weekly cron run left one more run waiting in silence; approving or rejecting the run removes the file
    from watchdesk.graph.notices import write_notice

    write_notice(approval_notice(settings.out_dir, run_id), text, what="approval notice", report=report)
    return outcomes


def approved_targets(store: Store, watchlist: Watchlist, *, run_id: str, report: Callable[[str], None],
                     notice: str = "approval notice", until: str = "this run is approved",
                     ) -> tuple[list[Target], list[Outcome]]:  # fmt: skip
    """The e-mail and Slack targets a waiting run's notice may go to: those the watchlist's last approved run had too.
    The notice carries the plan, so a recipient added since (the change that made approval be asked again) is told
    nothing until a person approves it; each one left out is said (`notice` and `until` name the notice and what
    would tell them), and is an outcome `not told`."""
    approved = last_approved(store, watchlist.name, run_id=run_id)
    why = ("not a target of the watchlist's last approved run" if approved else
           "no run of this watchlist was approved yet")  # fmt: skip
    return only_approved(targets_of(watchlist), approved, why=why, report=report, notice=notice,
                         then=f"it gets nothing until {until}")  # fmt: skip


def approval_notice(out_dir: Path, run_id: str) -> Path:
    """The file telling a scheduled run awaits approval, in the briefing folder."""
    return Path(out_dir) / f"AWAITING-APPROVAL-{run_id}.md"
