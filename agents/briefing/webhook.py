"""A Slack target's name and its webhook URL's checks: what is stored of it, and why a URL is none.

A Slack target is stored and said as `webhook $VARIABLE`: the variable the watchlist names, never the URL (its path
is the secret) nor its host. With the host in it ("webhook $HOOK (hooks.slack.com)", then "(?)" for a URL that did
not read), fixing the URL made the same target a new one, and the failure before it stayed one for ever.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from watchdesk.sources.gateway import port_refusal

NO_PORT = "its port is not a number from 0 to 65535"  # as the dry run says a feed's (graph/validate.py)
# a host as DNS writes it, or an IP address (urlsplit takes an IPv6 one out of its brackets): anything else, such as
# "hooks.slack.com\services\T0\B0\XYZ" (backslashes typed for slashes), may hold the URL's secret, and is never said
_HOST = re.compile(r"[a-z0-9_.-]+|[0-9a-f:.]+")
LOOKS_LIKE = "an http(s) URL such as Slack gives an incoming webhook (https://hooks.slack.com followed by its path)"


def slack_target(variable: str | None) -> str:
    """What a Slack target is stored and said as: its variable, the same whatever URL the variable holds."""
    return f"webhook ${variable or ''}"


def url_problem(url: str) -> str | None:
    """Why `url` (a webhook variable's value, trimmed) is no webhook URL, in words that never quote it; None when it
    is one."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return "it has a space, a line break or a control character inside"
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed "[" of an IPv6 address
        return "its host is no host name"
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return "it does not begin with https:// (or http://) and a host"
    if not parts.hostname or not _HOST.fullmatch(parts.hostname):
        return "its host is no host name (slashes typed as backslashes?)"
    try:
        parts.port  # noqa: B018 - urlsplit reads the port only when asked, and refuses 99999 or letters then
    except ValueError:
        return NO_PORT
    return None


def host_of(url: str) -> str:
    """The host a webhook URL posts to, "?" when it names none that can be said."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return "?"
    return host if _HOST.fullmatch(host) else "?"


def webhook_port_refusal(url: str, *, allowed_domains: tuple[str, ...]) -> str | None:
    """Why a webhook URL's port is refused, as the gateway refuses a fetch's (sources.gateway.port_refusal); None for
    its scheme's own port, one allowed_domains names, or a port that is no number (the post says that URL invalid)."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return None
    return port_refusal(parts.scheme.lower(), (parts.hostname or "").lower(), port, allowed_domains=allowed_domains)
