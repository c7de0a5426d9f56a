"""A Slack target's delivery: its webhook variable's URL checked against the policy, then the headline posted."""

from __future__ import annotations

from collections.abc import Callable, Container

from watchdesk.agents.briefing import channels
from watchdesk.agents.briefing.delivery_types import Channels, Message, Outcome, Sending, Target, status_of
from watchdesk.agents.briefing.retry import Attempts, retry
from watchdesk.agents.briefing.webhook import host_of, slack_target, url_problem, webhook_port_refusal
from watchdesk.sources.gateway import domain_matches


def slack(msg: Message, target: Target, *, channels_: Channels, skip: Container[tuple[str, str]],
          sending: Sending, report: Callable[[str], None]) -> Outcome:  # fmt: skip
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
    return Outcome(kind="slack", target=where, status=status_of(error), attempts=attempts, stopped=stopped,
                   error=None if error is None else str(error))  # fmt: skip
