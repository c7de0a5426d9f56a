"""An e-mail target's delivery: one message to its allowed recipients, retried as a whole, and then to those the
server turned away for now (4xx at RCPT) alone; each recipient's outcome as its server answered."""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence

from watchdesk.agents.briefing import channels
from watchdesk.agents.briefing.channels import DeliveryError
from watchdesk.agents.briefing.delivery_rows import key
from watchdesk.agents.briefing.delivery_types import Channels, Message, Outcome, Sending, Target, status_of
from watchdesk.agents.briefing.mail import Image, mail_html
from watchdesk.agents.briefing.retry import Attempts, retry, wait_after
from watchdesk.sources.addresses import recipient_allowed
from watchdesk.sources.errors import ConfigError


class StoppedAfter(KeyboardInterrupt):
    """A Ctrl-C during a send to some of a message's recipients, the others `settled` (their server had answered)."""

    def __init__(self, *, handed_over: bool | None, settled: Sequence[Outcome]) -> None:
        super().__init__()
        self.handed_over, self.settled = handed_over, list(settled)


def email(msg: Message, target: Target, *, channels_: Channels, skip: Container[tuple[str, str]],
          sending: Sending, report: Callable[[str], None]) -> list[Outcome]:  # fmt: skip
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
    if server.sender == channels.DEFAULT_SENDER:
        report(f"delivery email {', '.join(todo)}: {channels.NO_SENDER}")
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
                raise StoppedAfter(handed_over=getattr(stop, "handed_over", None), settled=_recipients(
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
        else Outcome(kind="email", target=a, status=status_of(last.get(a, error)), attempts=tried[a], stopped=stopped,
                     error=None if (e := last.get(a, error)) is None else str(e))
        for a in to
    ]


class _ForNow(DeliveryError):
    """Recipients the server still turned away for now (4xx) while taking the message for the others: tried again;
    each one's answer is kept with the recipients it refused."""
