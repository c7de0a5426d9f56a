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

from collections.abc import Callable, Container, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Literal

from watchdesk.agents.briefing.channels import DeliveryError
from watchdesk.agents.briefing.deliver_email import email
from watchdesk.agents.briefing.deliver_file import copy_files, target_folder
from watchdesk.agents.briefing.deliver_slack import slack
from watchdesk.agents.briefing.deliver_stop import not_begun, record_stopping, stopped_sending
from watchdesk.agents.briefing.delivery_rows import (
    already_sent,
    begin,
    in_flight,
    key,
    name_the_briefing_folder,
    record,
    resend_command,
    retire,
    retrying,
    settle_unknown,
    unsure_then,
)
from watchdesk.agents.briefing.delivery_types import (
    Channels,
    Message,
    Outcome,
    Sending,
    Target,
    target_names,
)
from watchdesk.agents.briefing.file_target import file_target
from watchdesk.agents.briefing.retry import Pause
from watchdesk.store.store import Store
from watchdesk.store.unrecorded import unkept

# what callers import from here: the delivery's vocabulary, and the folder a file target writes into
__all__ = ["Channels", "DeliveryError", "Message", "Outcome", "Target", "deliver", "target_folder"]

# the one reason a target is skipped: it has this period's briefing (`brief --deliver` resends: resend=True)
SKIPPED_WHY = "this period's briefing was already sent there; {} sends it again"
UNCONFIRMED_WHY = "this period's briefing was handed over there before with no confirmation, so it may have arrived"



def deliver(
    msg: Message,
    targets: Sequence[Target],
    *,
    channels_: Channels,
    store: Store,
    resend: bool | Literal["undelivered"] = False,
    report: Callable[[str], None] = lambda _m: None,
) -> list[Outcome]:
    if msg.period[0] is not None and any(t.kind == "file" and not t.path for t in targets) and store.available():
        # its rows of before, by the folder's older names: the same target (sent already, or not), not one removed
        name_the_briefing_folder(store, msg, paths={t.path for t in targets if t.kind == "file" and t.path})
    busy = in_flight(store, msg.briefing_id)  # sends another process is retrying now: its own to finish
    unknown = settle_unknown(store, msg, busy=busy)  # an earlier process began and never saw the end of
    sent = {} if resend is True else already_sent(store, msg.briefing_id)
    if resend == "undelivered":  # an unconfirmed target is sent again: the person checked it did not arrive
        sent = {where: how for where, how in sent.items() if how == "sent"}
    ids: dict[tuple[str, str], str] = {}  # (kind, target) -> its `sending` row, stored before the send
    targets = _one_copy_each(targets)
    if msg.period[0] is not None:  # a briefing (not a notice): targets removed from the watchlist are retired
        for (kind, target), periods in retire(store, msg, targets={key(t.kind, n) for t in targets
                                                                     for n in target_names(t)}).items():  # fmt: skip
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
            record_stopping(store, msg, done, delivery_id=ids.pop((done.kind, done.target), None))
        said = {key(o.kind, o.target) for o in outcomes + settled} | {key(*k) for k in ids} | sent.keys() | busy.keys()
        stopped_sending(store, msg, ids, handed_over=getattr(stop, "handed_over", None), report=report)
        # the target in hand when the Ctrl-C came (its recipients not yet begun) and those after it
        not_begun(store, msg, targets[max(len(begun) - 1, 0):], said=said, report=report)
        raise
    return outcomes


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


def _each(msg: Message, targets: Sequence[Target], outcomes: list[Outcome], *, channels_: Channels, store: Store,
          sent: Mapping[tuple[str, str], str], busy: Mapping[tuple[str, str], str],
          unknown: Mapping[tuple[str, str], str], ids: dict[tuple[str, str], str], sending: Sending,
          report: Callable[[str], None], begun: list[Target]) -> None:  # fmt: skip
    """Each target delivered in turn (added to `begun` as its turn comes), its outcome recorded and said, added to
    `outcomes`."""
    skips = _Skips(report)
    try:
        for target in targets:
            begun.append(target)
            for outcome in _deliver_one(msg, target, channels_=channels_, skip=sent.keys() | busy.keys(),
                                        sending=sending, report=report):  # fmt: skip
                if outcome.status == "skipped":
                    skips.add(outcome, _skipped_why(msg, outcome, store=store, sent=sent, busy=busy, unknown=unknown))
                    outcomes.append(outcome)
                    continue
                skips.say()  # in the order the targets came
                record(store, msg, kind=outcome.kind, target=outcome.target, status=outcome.status,
                       attempts=outcome.attempts, error=outcome.error,
                       delivery_id=ids.pop((outcome.kind, outcome.target), None))  # fmt: skip
                why = outcome.error
                if store.set_aside is not None:  # the store was not reopened after a wait
                    kept = ("NOT recorded: no file could be written; said in full at the end"
                            if unkept(store.path or "") else
                            f"recorded in {store.set_aside} until the database can be written")  # fmt: skip
                    why = (f"{why}; " if why else "") + kept
                report(f"delivery {outcome.kind} {outcome.target}: {outcome.status}" + (f" ({why})" if why else ""))
                outcomes.append(outcome)
            if any(o.stopped for o in outcomes):  # recorded: the Ctrl-C goes on, the targets after it are not begun
                raise KeyboardInterrupt
    finally:
        skips.say()


def _skipped_why(msg: Message, outcome: Outcome, *, store: Store, sent: Mapping[tuple[str, str], str],
                 busy: Mapping[tuple[str, str], str], unknown: Mapping[tuple[str, str], str]) -> str:  # fmt: skip
    where = key(outcome.kind, outcome.target)
    if where in busy:
        return f"another watchdesk process is sending it now: {busy[where]}"
    if outcome.error:
        return outcome.error
    if where in unknown:
        return f"it may already have been sent: {unknown[where]}; not sent again: {unsure_then(msg, store.path)}"
    if sent.get(where) == "unconfirmed":
        return f"{UNCONFIRMED_WHY}; {unsure_then(msg, store.path)}"
    return SKIPPED_WHY.format(resend_command(msg, store.path, every=True))


class _Skips:
    """Skipped targets said one line per run of them with one reason: a retry (`--undelivered`) of a briefing most
    targets had said the same long reason, with the same command, once for each of them (a review)."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self.report, self.targets, self.why = report, list[str](), ""

    def add(self, outcome: Outcome, why: str) -> None:
        if why != self.why:
            self.say()
        self.targets.append(f"{outcome.kind} {outcome.target}")
        self.why = why

    def say(self) -> None:
        if self.targets:
            self.report(f"delivery {', '.join(self.targets)}: skipped ({self.why})")
        self.targets, self.why = [], ""


def _released(store: Store, msg: Message, ids: Mapping[tuple[str, str], str], *, kind: str, targets: Sequence[str],
              attempt: int, said: str, report: Callable[[str], None],
              wait_s: float) -> AbstractContextManager[None]:  # fmt: skip
    """The store closed while `targets` wait to be tried again: their rows and the audit say so first, so a process
    killed meanwhile leaves them `sending` with the retry said (the next delivery settles them `unconfirmed`)."""
    retrying(store, msg, kind=kind, targets=targets, ids=ids, attempt=attempt, said=said)
    doing = f"waits to try again its delivery to {kind} {', '.join(targets)} ({msg.period_label})"
    return store.released(run_id=msg.run_id, briefing_id=msg.briefing_id, doing=doing, report=report, wait_s=wait_s)


def _deliver_one(msg: Message, target: Target, *, channels_: Channels, skip: Container[tuple[str, str]],
                 sending: Sending, report: Callable[[str], None]) -> list[Outcome]:  # fmt: skip
    if target.kind == "file":
        where = file_target(target.path)
        if ("file", where) in skip:
            return [Outcome(kind="file", target=where, status="skipped")]
        return [copy_files(msg, target.path)]
    if target.kind == "email":
        return email(msg, target, channels_=channels_, skip=skip, sending=sending, report=report)
    if target.kind == "slack":
        return [slack(msg, target, channels_=channels_, skip=skip, sending=sending, report=report)]
    return [Outcome(kind=target.kind, target="?", status="failed", error=f"unknown delivery kind {target.kind!r}")]
