"""The sandbox, enforced in code: which agent may do which action, on which domain or path."""

from __future__ import annotations

import re
from pathlib import Path

from watchdesk.graph.state import Step
from watchdesk.graph.watchlist import Policy
from watchdesk.sources.gateway import domain_matches

ALLOWED_ACTIONS: dict[str, frozenset[str]] = {
    "filings": frozenset({"fetch_filings"}),
    "transcripts": frozenset({"fetch_transcripts"}),
    "news": frozenset({"fetch_news"}),
    "flagging": frozenset({"flag_new_documents"}),
    "briefing": frozenset({"write_briefing"}),
}


# A step's permissions are joined with "," (planner); a comma inside a folder's name ("calls,nvda") is no separator:
# only a comma before the next permission's kind is.
NEXT_PERMISSION = re.compile(r",(?=(?:net|fs|store):)")


def permissions(step: Step) -> list[str]:
    return NEXT_PERMISSION.split(step["permission"])


def domain_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    return any(domain_matches(host, domain) for domain in allowed)


def check_step(step: Step, *, policy: Policy, out_dir: Path) -> str | None:
    """None when the step may run, else the reason it is refused."""
    if step["action"] not in ALLOWED_ACTIONS.get(step["agent"], frozenset()):
        return f"action {step['action']!r} is not allowed for agent {step['agent']!r}"
    for permission in permissions(step):
        if step["agent"] == "flagging" and permission.startswith("net:"):  # the LLM judge's host (WATCHDESK_MODEL)
            refusal = model_host_refusal(permission.removeprefix("net:"), policy=policy)
        else:
            refusal = _check_permission(permission, policy=policy, out_dir=out_dir)
        if refusal:
            return refusal
    return None


def model_host_refusal(host: str, *, policy: Policy) -> str | None:
    """Why the LLM judge may not reach `host` ("api.openai.com", "localhost:11434"), or None: its provider's own API
    host (naming the provider in WATCHDESK_MODEL chose it), this machine, or a host allowed_domains names (a port
    not the scheme's own named with it), as sources/llm_http.py's client checks each request."""
    from urllib.parse import urlsplit

    from watchdesk.sources.llm_http import PROVIDER_HOSTS, reach_refusal

    try:
        parts = urlsplit(f"//{host}")
        refusal = reach_refusal("", (parts.hostname or "").lower(), parts.port,
                                allowed=(*policy.allowed_domains, *PROVIDER_HOSTS.values()))  # fmt: skip
    except ValueError:  # a port that is no number
        refusal = f"{host!r} is no host"
    return (f"the LLM judge's host {host} is refused ({refusal}): a model is reached on its provider's own host, on "
            f"this machine or on a host the policy's allowed_domains {list(policy.allowed_domains)} names"
            if refusal else None)  # fmt: skip


def _check_permission(permission: str, *, policy: Policy, out_dir: Path) -> str | None:
    kind, _, scope = permission.partition(":")
    if kind == "net" and not domain_allowed(scope, policy.allowed_domains):
        return f"domain {scope} is not in the policy's allowed_domains {list(policy.allowed_domains)}"
    if kind == "fs":
        mode, _, path = scope.partition(":")
        # Reading a folder the watchlist names is allowed; writing only inside the output folder.
        if mode == "write" and not _inside(Path(path), out_dir):
            return f"writing to {path} is outside the output folder {out_dir}"
        if mode not in {"read", "write"}:
            return f"unknown file permission {permission!r}"
    if kind not in {"net", "fs", "store"}:
        return f"unknown permission {permission!r}"
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
