"""The one redaction of secrets in URLs: every URL printed, stored or recorded passes through here."""

from __future__ import annotations

import re
from urllib.parse import unquote

REDACTED = "REDACTED"
# Names holding a credential anywhere ("apikey", "access_token", "X-Amz-Signature", "client_secret") and short
# names that are one whole ("sig", "auth", "pwd"): "author" or "passage" are not secrets.
_SECRET_PARAM = re.compile(r"key|token|secret|passw|signature|credential|x-amz-|x-goog-", re.IGNORECASE)
_SECRET_NAME = re.compile(r"sig|auth|pwd|pass|code|session|sessionid|sid|jwt|otp|pin|hmac", re.IGNORECASE)
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>`]+")
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\s]*@")  # up to the host: "?@" is in the query


# C0 controls but tab and newline, DEL and C1: an ESC from a fetched link would clear the screen or fake a line
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters shown as escapes ("\\x1b"): fetched text printed or stored is inert."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text) if _CONTROL.search(text) else text


def is_secret_param(name: str) -> bool:
    """A query parameter whose value is a credential (apikey, token, ...), by its (percent-decoded) name."""
    name = unquote(name)
    return bool(_SECRET_PARAM.search(name) or _SECRET_NAME.fullmatch(name))


def redact_url(url: str) -> str:
    """`url` with the values of key/token/secret-like query parameters, and any user:password@, redacted (and
    control characters shown as escapes)."""
    url = _USERINFO.sub(rf"\g<1>{REDACTED}@", printable(url))
    base, sep, query = url.partition("?")
    if not sep:
        return url
    query, hash_, fragment = query.partition("#")
    parts = []
    for part in query.split("&"):
        name = part.split("=", 1)[0]
        # Only touched parameters are rewritten, so every other byte of the URL stays as sent.
        parts.append(f"{name}={REDACTED}" if is_secret_param(name) else part)
    return f"{base}?{'&'.join(parts)}{hash_}{fragment}"


def redact_text(text: str) -> str:
    """`text` with every URL in it redacted (messages, gaps, plan targets, errors)."""
    text = printable(text)
    return _URL.sub(lambda m: redact_url(m.group(0)), text) if "://" in text else text
