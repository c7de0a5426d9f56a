"""E-mail recipients: one address per entry, checked against the policy's allow-list.

An entry is one address and nothing else: "a@x.com, b@y.com", "Name <a@x.com>" or "a@x.com;b@y.com" are refused,
so no string can carry a second recipient past `allowed_recipients` (the domain of "evil@x.test, pm@example.com"
ends in example.com).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# one address; a goal's text is searched for the same shape (graph/goal/delivery.py). No "%" or "!" in the local part:
# "evil%evil.test@example.com" passes "@example.com", and a mail server that still routes by "%" relays it to evil.test
ADDRESS_PATTERN = r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
ADDRESS = re.compile(rf"^{ADDRESS_PATTERN}$")
DOMAIN = re.compile(r"^@?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def recipient_allowed(address: str, allowed: Sequence[str]) -> bool:
    """`address` is one e-mail address that an entry allows: the same address, or its whole domain written
    "@example.com" or "example.com". Checked when a watchlist loads and again before anything is sent."""
    address = address.strip().lower()
    if not ADDRESS.match(address):
        return False
    domain = address.rpartition("@")[2]
    entries = [a.strip().lower() for a in allowed]
    return any(address == entry or domain == entry.lstrip("@") for entry in entries)
