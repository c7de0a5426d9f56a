"""Delivering a written briefing to its targets, under the policy, recording every attempt.

The policy is enforced here, in code: an address not in `allowed_recipients` or a webhook host outside
`allowed_domains` is refused (a `refused` delivery and an audit row) while the other targets still get the
briefing. Transient failures are retried, but never a message handed over that the server did not confirm (it may
have arrived: "unconfirmed"); each target's outcome is one row of `deliveries`, stored as `sending` before anything
is handed over (delivery_rows.py). A target that already received this period's briefing (or may have) is skipped
unless `resend` (so a second run in a week sends nothing, and a resumed run does not send again what it may have sent);
`resend="undelivered"` skips only the targets it was sent to (a resend after a partial failure).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Container, Mapping, Sequence
from contextlib import AbstractContextManager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import duckdb

from watchdesk.agents.briefing import channels
from watchdesk.agents.briefing.channels import DeliveryError
from watchdesk.agents.briefing.charts import Chart
from watchdesk.agents.briefing.delivery_rows import (
    already_sent,
    begin,
    in_flight,
    key,
    record,
    resend_command,
    retire,
    retrying,
    settle_unknown,
    unsure_then,
)
from watchdesk.agents.briefing.mail import Image, mail_html
from watchdesk.agents.briefing.retry import Attempts, Pause, retry, wait_after
from watchdesk.agents.briefing.webhook import host_of, slack_target, url_problem, webhook_port_refusal
from watchdesk.sources.addresses import recipient_allowed
from watchdesk.sources.errors import ConfigError, WatchdeskError
from watchdesk.sources.gateway import domain_matches
from watchdesk.store.store import REOPEN_WAIT_S, Store
from watchdesk.store.unrecorded import unkept

# the one reason a target is skipped: it has this period's briefing (`brief --deliver` resends: resend=True)
SKIPPED_WHY = "this period's briefing was already sent there; {} sends it again"
UNCONFIRMED_WHY = "this period's briefing was handed over there before with no confirmation, so it may have arrived"


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


def deliver(
    msg: Message,
    targets: Sequence[Target],
    *,
    channels_: Channels,
    store: Store,
    resend: bool | Literal["undelivered"] = False,
    report: Callable[[str], None] = lambda _m: None,
) -> list[Outcome]:
    busy = in_flight(store, msg.briefing_id)  # sends another process is retrying now: its own to finish
    unknown = settle_unknown(store, msg, busy=busy)  # an earlier process began and never saw the end of
    sent = {} if resend is True else already_sent(store, msg.briefing_id)
    if resend == "undelivered":  # an unconfirmed target is sent again: the person checked it did not arrive
        sent = {where: how for where, how in sent.items() if how == "sent"}
    ids: dict[tuple[str, str], str] = {}  # (kind, target) -> its `sending` row, stored before the send
    targets = _one_copy_each(targets)
    if msg.period[0] is not None:  # a briefing (not a notice): targets removed from the watchlist are retired
        for (kind, target), periods in retire(store, msg, targets={key(t.kind, n) for t in targets
                                                                     for n in _names(t)}).items():  # fmt: skip
            report(f"delivery {kind} {target}: removed from the watchlist, so its earlier undelivered "
                   f"{'briefing' if len(periods) == 1 else 'briefings'} ({'; '.join(periods)}) "
                   f"{'is' if len(periods) == 1 else 'are'} no longer counted or sent (`watchdesk runs` keeps the "
                   "trail)")  # fmt: skip

    def sending(kind: str, to: Sequence[str]) -> Callable[[Sequence[str]], Pause]:
        ids.update(begin(store, msg, kind=kind, targets=to))
        return lambda tried: lambda attempt, said: _released(store, msg, ids, kind=kind, targets=tried,
                                                             attempt=attempt, said=said, report=report,
                                                             wait_s=channels_.reopen_wait_s)  # fmt: skip

    outcomes: list[Outcome] = []
    begun: list[Target] = []  # the targets whose turn came, in order
    try:
        _each(msg, targets, outcomes, channels_=channels_, store=store, sent=sent, busy=busy, unknown=unknown,
              ids=ids, sending=sending, report=report, begun=begun)  # fmt: skip
    except KeyboardInterrupt as stop:  # during a send: said and recorded as it may have gone, then the Ctrl-C goes on
        settled = getattr(stop, "settled", [])
        for done in settled:  # recipients its server had answered before the Ctrl-C: as it answered
            report(f"delivery {done.kind} {done.target}: {done.status}" + (f" ({done.error})" * bool(done.error)))
            _record_stopping(store, msg, done, delivery_id=ids.pop((done.kind, done.target), None))
        said = {key(o.kind, o.target) for o in outcomes + settled} | {key(*k) for k in ids} | sent.keys() | busy.keys()
        _stopped_sending(store, msg, ids, handed_over=getattr(stop, "handed_over", None), report=report)
        # the target in hand when the Ctrl-C came (its recipients not yet begun) and those after it
        _not_begun(store, msg, targets[max(len(begun) - 1, 0):], said=said, report=report)
        raise
    return outcomes


def _stopped_sending(store: Store, msg: Message, ids: Mapping[tuple[str, str], str], *, handed_over: bool | None,
                     report: Callable[[str], None]) -> None:  # fmt: skip
    """The sends a Ctrl-C stopped during an attempt (begun, never recorded): `unconfirmed` when the message may have
    been handed over (or nothing says it was not), else `failed`; each said. Left `sending` (the next delivery calls
    it unconfirmed, with nobody told meanwhile) when the store refuses the row."""
    for (kind, target), delivery_id in ids.items():
        status, why = ("failed", "stopped (Ctrl-C) before the message was handed over, so not sent") if handed_over \
            is False else ("unconfirmed", "stopped (Ctrl-C) while it was being sent, so it may have arrived; "
                                          f"{unsure_then(msg, store.path)}")  # fmt: skip
        report(f"delivery {kind} {target}: {status} ({why})")
        _record_stopping(store, msg, Outcome(kind=kind, target=target, status=status, attempts=1, error=why),
                         delivery_id=delivery_id)  # fmt: skip


def _not_begun(store: Store, msg: Message, rest: Sequence[Target], *, said: Container[tuple[str, str]],
               report: Callable[[str], None]) -> None:  # fmt: skip
    """The targets a Ctrl-C came before (never begun): each said and recorded not sent (failed), with the command
    that sends them; those `said` already (an outcome, a send stopped, a target this briefing reached) are left out."""
    why = "not sent: the Ctrl-C stopped the delivery before its turn"
    names = list(dict.fromkeys((t.kind, name) for t in rest for name in _names(t) if key(t.kind, name) not in said))
    for kind, name in names:
        report(f"delivery {kind} {name}: {why}")
        _record_stopping(store, msg, Outcome(kind=kind, target=name, status="failed", error=why))
    if names:
        report(f"not begun after the Ctrl-C: {'; '.join(f'{k} {n}' for k, n in names)}; "
               f"{resend_command(msg, store.path)} sends the briefing to each target it has not reached")


def _names(target: Target) -> list[str]:
    """What a target's deliveries are stored as: a file target's path (or the briefing folder), each address of an
    e-mail one, a Slack one's variable."""
    if target.kind == "file":
        return [target.path or "briefing folder"]
    if target.kind == "slack":
        return [slack_target(target.webhook_env)]
    return list(target.to) if target.kind == "email" else []


def _one_copy_each(targets: Sequence[Target]) -> list[Target]:
    """The targets with each e-mail address once, where it first stands (compared without case, as `key` does): two
    spellings of one address, in one entry or two, were sent two copies."""
    seen: dict[str, str] = {}
    out = []
    for target in targets:
        if target.kind == "email":
            to = tuple(seen.setdefault(a.lower(), a) for a in target.to if a.lower() not in seen)
            if not to and target.to:
                continue
            target = replace(target, to=to)
        out.append(target)
    return out


def _record_stopping(store: Store, msg: Message, outcome: Outcome, *, delivery_id: str | None = None) -> None:
    """An outcome recorded as a Ctrl-C stops the delivery: left unrecorded when the store refuses it. The Ctrl-C's
    watcher (graph/signals.py) may interrupt this very statement as it stops the queries running: tried once more,
    after which the statement is this process's last."""
    for last in (False, True):
        try:
            with suppress(WatchdeskError, duckdb.Error):
                record(store, msg, kind=outcome.kind, target=outcome.target, status=outcome.status,
                       attempts=outcome.attempts, error=outcome.error, delivery_id=delivery_id)  # fmt: skip
            break
        except KeyboardInterrupt:
            if last:
                raise


class _StoppedAfter(KeyboardInterrupt):
    """A Ctrl-C during a send to some of a message's recipients, the others `settled` (their server had answered)."""

    def __init__(self, *, handed_over: bool | None, settled: Sequence[Outcome]) -> None:
        super().__init__()
        self.handed_over, self.settled = handed_over, list(settled)


def _each(msg: Message, targets: Sequence[Target], outcomes: list[Outcome], *, channels_: Channels, store: Store,
          sent: Mapping[tuple[str, str], str], busy: Mapping[tuple[str, str], str],
          unknown: Mapping[tuple[str, str], str], ids: dict[tuple[str, str], str], sending: Sending,
          report: Callable[[str], None], begun: list[Target]) -> None:  # fmt: skip
    """Each target delivered in turn (added to `begun` as its turn comes), its outcome recorded and said, added to
    `outcomes`."""
    for target in targets:
        begun.append(target)
        for outcome in _deliver_one(msg, target, channels_=channels_, skip=sent.keys() | busy.keys(), sending=sending,
                                    report=report):  # fmt: skip
            where = key(outcome.kind, outcome.target)
            if outcome.status != "skipped":
                record(store, msg, kind=outcome.kind, target=outcome.target, status=outcome.status,
                       attempts=outcome.attempts, error=outcome.error,
                       delivery_id=ids.pop((outcome.kind, outcome.target), None))  # fmt: skip
            why = outcome.error
            if outcome.status == "skipped" and where in busy:
                why = f"another watchdesk process is sending it now: {busy[where]}"
            elif outcome.status == "skipped" and where in unknown:
                why = why or (f"it may already have been sent: {unknown[where]}; not sent again: "
                              f"{unsure_then(msg, store.path)}")  # fmt: skip
            elif outcome.status == "skipped":
                why = why or (f"{UNCONFIRMED_WHY}; {unsure_then(msg, store.path)}" if sent.get(where) == "unconfirmed"
                              else SKIPPED_WHY.format(resend_command(msg, store.path, every=True)))  # fmt: skip
            if outcome.status != "skipped" and store.set_aside is not None:  # the store was not reopened after a wait
                kept = ("NOT recorded: no file could be written; said in full at the end" if unkept(store.path or "")
                        else f"recorded in {store.set_aside} until the database can be written")  # fmt: skip
                why = (f"{why}; " if why else "") + kept
            report(f"delivery {outcome.kind} {outcome.target}: {outcome.status}" + (f" ({why})" if why else ""))
            outcomes.append(outcome)
        if any(o.stopped for o in outcomes):  # recorded: the Ctrl-C goes on, the targets after it are not begun
            raise KeyboardInterrupt


def _released(store: Store, msg: Message, ids: Mapping[tuple[str, str], str], *, kind: str, targets: Sequence[str],
              attempt: int, said: str, report: Callable[[str], None],
              wait_s: float) -> AbstractContextManager[None]:  # fmt: skip
    """The store closed while `targets` wait to be tried again: their rows and the audit say so first, so a process
    killed meanwhile leaves them `sending` with the retry said (the next delivery settles them `unconfirmed`)."""
    retrying(store, msg, kind=kind, targets=targets, ids=ids, attempt=attempt, said=said)
    doing = f"waits to try again its delivery to {kind} {', '.join(targets)} ({msg.period_label})"
    return store.released(run_id=msg.run_id, briefing_id=msg.briefing_id, doing=doing, report=report, wait_s=wait_s)


def _deliver_one(
    msg: Message,
    target: Target,
    *,
    channels_: Channels,
    skip: Container[tuple[str, str]],
    sending: Sending,
    report: Callable[[str], None],
) -> list[Outcome]:
    if target.kind == "file":
        where = target.path or "briefing folder"
        if ("file", where) in skip:
            return [Outcome(kind="file", target=where, status="skipped")]
        return [_copy_files(msg, target.path)]
    if target.kind == "email":
        return _email(msg, target, channels_=channels_, skip=skip, sending=sending, report=report)
    if target.kind == "slack":
        return [_slack(msg, target, channels_=channels_, skip=skip, sending=sending, report=report)]
    return [Outcome(kind=target.kind, target="?", status="failed", error=f"unknown delivery kind {target.kind!r}")]


# How a briefing starts, Markdown or HTML: a file a target names is overwritten only when it is one
_BRIEFING_START = (b"# watchdesk briefing: ", b"<!DOCTYPE html>")


def _copy(src: Path, dest: Path) -> None:
    """A copy of `src` at `dest`; none when `dest` is that file already (a target naming the briefing folder). A
    file there that is no watchdesk briefing (someone's notes) is never overwritten: FileExistsError."""
    if dest.is_symlink():  # written through, it would change whatever file the link points at
        raise FileExistsError(f"{dest} is a symbolic link: not written through")
    if dest.exists() and dest.samefile(src):
        return
    if dest.is_file():
        with dest.open("rb") as f:
            head = f.read(512)
        if not (head.startswith(_BRIEFING_START[0]) or (head.startswith(_BRIEFING_START[1])
                                                        and b"<title>watchdesk briefing: " in head)):
            raise FileExistsError(f"{dest} exists and is not a watchdesk briefing: not overwritten")
    elif dest.exists() or dest.is_symlink():
        raise FileExistsError(f"{dest} is not a regular file: not overwritten")
    shutil.copyfile(src, dest)


def target_folder(path: str) -> Path:
    """The folder a file target writes into: the folder it names, or that of the .md/.html file it names."""
    dest = Path(path).expanduser()
    return dest.parent if dest.suffix in {".md", ".html"} else dest


def _copy_files(msg: Message, path: str | None) -> Outcome:
    """The files are already in the briefing folder; a `path` gets a copy (a folder, or a .md/.html file)."""
    if not path:
        return Outcome(kind="file", target="briefing folder", status="sent", attempts=1)
    dest, folder = Path(path).expanduser(), target_folder(path)
    if folder != dest and (missing := _not_written(dest.suffix[1:], msg.paths)):
        return Outcome(kind="file", target=path, status="failed", attempts=1, error=missing)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if folder != dest:
            _copy(msg.paths[dest.suffix[1:]], dest)
        else:
            for src in msg.paths.values():
                _copy(src, dest / src.name)
    except OSError as exc:
        return Outcome(kind="file", target=path, status="failed", attempts=1, error=f"{type(exc).__name__}: {exc}")
    return Outcome(kind="file", target=path, status="sent", attempts=1)


def _not_written(fmt: str, paths: Mapping[str, Path]) -> str | None:
    """Why a target naming a .md or .html file gets no copy: the briefing was not written in that format (--format)."""
    if fmt in paths:
        return None
    if not paths:
        return f"no briefing file was written, so there is no .{fmt} file to copy"
    names = {"md": "Markdown", "html": "HTML"}
    return (f"the briefing was written as {' and '.join(names.get(f, f) for f in paths)} alone, with no .{fmt} file to "
            f"copy: brief with --format md,html (the default), or give this target a "
            f"{' or '.join('.' + f for f in paths)} file or a folder")


def _email(
    msg: Message,
    target: Target,
    *,
    channels_: Channels,
    skip: Container[tuple[str, str]],
    sending: Sending,
    report: Callable[[str], None],
) -> list[Outcome]:
    allowed = [a for a in target.to if recipient_allowed(a, channels_.allowed_recipients)]
    out = [Outcome(kind="email", target=a, status="refused", error="not in the policy's allowed_recipients")
           for a in target.to if a not in allowed]  # fmt: skip
    todo = [a for a in allowed if key("email", a) not in skip]
    out += [Outcome(kind="email", target=a, status="skipped") for a in allowed if a not in todo]
    if not todo:
        return out
    if not channels_.smtp_url:
        return out + [Outcome(kind="email", target=a, status="failed", error="WATCHDESK_SMTP_URL is not set")
                      for a in todo]  # fmt: skip
    try:
        server = channels.smtp_server(channels_.smtp_url)
    except ConfigError as exc:
        return out + [Outcome(kind="email", target=a, status="failed", error=str(exc)) for a in todo]
    subject = f"watchdesk briefing: {msg.watchlist}, {msg.period_label}"
    html, images = msg.html, list[Image]()
    if html is not None:
        where = msg.paths.get("html") or msg.paths.get("md")
        html, images, left_out = mail_html(html, msg.charts, full=str(where or ""))
        if left_out:
            report(f"delivery email: {left_out}")
    email = channels.email_message(sender=server.sender, to=todo, subject=subject, text=msg.text, html=html,
                                   images=images)  # fmt: skip
    refused: dict[str, str] = {}
    pause = sending("email", todo)  # the store closed while the targets tried again wait: pause(those targets)
    first = Attempts(lambda: refused.update(channels.send_email(server, email)))
    try:
        attempts, error = retry(first, channels_, pause=pause(todo),
                                say=lambda m: report(f"delivery email {', '.join(todo)}: {m}"))  # fmt: skip
        stopped = False
    except KeyboardInterrupt:  # in a wait, nothing in flight: recorded as it stands; during an attempt, not known
        if first.in_flight or not first.made:
            raise
        (attempts, error), stopped = first.stopped(channels_), True
    tried, last = dict.fromkeys(todo, attempts), dict[str, DeliveryError]()
    later = [a for a, why in refused.items() if why.startswith("4")] if error is None else []
    if later and attempts < channels_.attempts and not stopped:  # attempts left
        # turned away for now (4xx at RCPT: greylisting, a full mailbox) while the others took it: sent again to them
        # alone, as a message turned away for every recipient is tried again (before: failed after one attempt)
        made = attempts

        def again() -> None:
            nonlocal made
            made += 1
            tried.update(dict.fromkeys(later, made))  # each recipient's own: one taken on attempt 2 was sent on it
            answers = channels.send_email(server, email, to=later)
            for address in later:
                refused.pop(address, None)
            refused.update(answers)
            later[:] = [a for a, why in answers.items() if why.startswith("4")]
            if later:
                said = "; ".join(f"{a}: {answers[a]}" for a in later)
                raise _ForNow(f"{server.where} turned away for now {said}", transient=True)

        # waited for as between any two attempts: a greylisting server asks the sender to come back later, and the
        # attempt made at once was spent (a review of e3c1f5d); the store is closed as they wait (pause)
        wait = wait_after(channels_, attempts)
        said = (f"attempt {attempts} of {channels_.attempts}: {server.where} turned away for now "
                + "; ".join(f"{a}: {refused[a]}" for a in later) + f"; trying again in {wait:g} s")
        second = Attempts(again)
        try:
            with pause(later)(attempts, said):
                report(f"delivery email {', '.join(later)}: {said}")
                channels_.sleep(wait)
                _, again_error = retry(second, channels_, first=attempts + 1,
                                       say=lambda m: report(f"delivery email {', '.join(later)}: {m}"))  # fmt: skip
        except KeyboardInterrupt as stop:  # those still turned away stay failed with their answer; the others were sent
            if second.in_flight:  # only those in this attempt may have it: the others' answers stand
                answered = [a for a in todo if a not in later]
                raise _StoppedAfter(handed_over=getattr(stop, "handed_over", None), settled=_recipients(
                    answered, server=server, refused=refused, tried=tried, last={}, error=None,
                    stopped=False)) from None  # fmt: skip
            again_error, stopped = second.error, True
        if again_error is not None and not isinstance(again_error, _ForNow):  # the attempt's error, not an answer
            last = {a: again_error for a in later}
            for address in later:
                refused.pop(address, None)
    return out + _recipients(todo, server=server, refused=refused, tried=tried, last=last, error=error,
                             stopped=stopped)  # fmt: skip


def _recipients(to: Sequence[str], *, server: channels.SmtpServer, refused: Mapping[str, str],
                tried: Mapping[str, int], last: Mapping[str, DeliveryError], error: DeliveryError | None,
                stopped: bool) -> list[Outcome]:  # fmt: skip
    """Each recipient's outcome: failed with its answer when the server turned it away while it took the message for
    the others (not "sent"), else as its last attempt (`last`, else `error`) went."""
    answers = {a.lower(): why for a, why in refused.items()}
    return [
        Outcome(kind="email", target=a, status="failed", attempts=tried[a], stopped=stopped,
                error=f"{server.where} refused it: {answers[a.lower()]}") if a.lower() in answers
        else Outcome(kind="email", target=a, status=_status(last.get(a, error)), attempts=tried[a], stopped=stopped,
                     error=None if (e := last.get(a, error)) is None else str(e))
        for a in to
    ]


class _ForNow(DeliveryError):
    """Recipients the server still turned away for now (4xx) while taking the message for the others: tried again;
    each one's answer is kept with the recipients it refused."""


def _status(error: DeliveryError | None) -> str:
    """sent, failed, refused (the policy's no), or unconfirmed: handed over with no answer, so it may have arrived
    (never sent again unasked)."""
    if error is None:
        return "sent"
    return "unconfirmed" if error.maybe_sent else "refused" if error.refused else "failed"


def _slack(
    msg: Message,
    target: Target,
    *,
    channels_: Channels,
    skip: Container[tuple[str, str]],
    sending: Sending,
    report: Callable[[str], None],
) -> Outcome:
    env = target.webhook_env or ""
    # an env file edited on Windows leaves "\r\n" on the value: surrounding white space is no part of a URL
    url = (channels_.webhooks.get(env) or "").strip()
    where = slack_target(env)  # the variable, whatever URL it holds: a URL fixed later settles this target
    if not url:
        unset = f"variable {env or '(webhook_env)'} is not set"
        return Outcome(kind="slack", target=where, status="failed", error=unset)
    if why := url_problem(url):  # never tried: port 99999 failed as a connection would ("ConnectError")
        return Outcome(kind="slack", target=where, status="failed", error=f"variable {env} is not a valid URL ({why})")
    host = host_of(url)
    if not any(domain_matches(host, d) for d in channels_.allowed_hosts):
        return Outcome(kind="slack", target=where, status="refused", error=f"host {host} is not in allowed_domains")
    if why := webhook_port_refusal(url, allowed_domains=channels_.allowed_hosts):  # as the gateway refuses a fetch
        return Outcome(kind="slack", target=where, status="refused", error=why)
    if ("slack", where) in skip:
        return Outcome(kind="slack", target=where, status="skipped")
    pause = sending("slack", [where])([where])
    post = Attempts(lambda: channels.post_webhook(url, {"text": msg.headline}))
    try:
        attempts, error = retry(post, channels_, pause=pause, say=lambda m: report(f"delivery slack {where}: {m}"))
        stopped = False
    except KeyboardInterrupt:  # as an e-mail's: recorded as it stands when no attempt was in flight
        if post.in_flight or not post.made:
            raise
        (attempts, error), stopped = post.stopped(channels_), True
    return Outcome(kind="slack", target=where, status=_status(error), attempts=attempts, stopped=stopped,
                   error=None if error is None else str(error))  # fmt: skip

