"""The one redaction of secrets in URLs: every URL printed, stored or recorded passes through here."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote

from watchdesk.sources.char_scan import holds

REDACTED = "REDACTED"
# Names holding a credential ("apikey", "api_key", "access_token", "X-Amz-Signature", "client_secret"), and short
# names that are one whole ("sig", "auth", "pwd", "session_id"): "author", "passage" or "keyword" are not secrets.
_SECRET_PARAM = re.compile(
    r"(?<![a-z])key(?![a-z])|[a-z]key$|token|secret|passw|signature|credential|x-amz-|x-goog-"
    # a server's session, whatever it calls it: jsessionid, PHPSESSID, ASP.NET_SessionId
    r"|sess(?:ion)?[_-]?id$",
    re.IGNORECASE,
)
_SECRET_NAME = re.compile(
    r"sig|auth|pwd|pw|pass|code|session|session[_-]?id|sessid|sid|jwt|otp|pin|hmac|hash|ticket|nonce|access",
    re.IGNORECASE,
)
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>`]+")
# What ends a sentence or a bracket after a URL in text ("...?apikey=XYZ: could not connect"): the sentence's, not
# a parameter's value, so redacting the value keeps it (one trailing "." of a secret may show; no secret is in it)
_URL_TAIL = re.compile(r"[.,:;!?)\]]+$")
# The user info runs to the last "@" of the authority (a password may hold "@"); the authority ends at the first
# "/", "?" or "#", so "?@" is in the query, not user info.
_USERINFO = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#\s]*@")
# Parameters are separated by "&" or ";", and a second "?" starts another run of them (servers read all three)
_PARAM_SEP = re.compile(r"([&;?])")
# A path parameter (".../call.html;jsessionid=...", "/a;token=.../b"): Java servers take the session from there
_PATH_PARAM = re.compile(r";([^;/?#=]*)=([^;/?#]*)")
_AUTHORITY = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*")
# A Slack incoming webhook's secret is its path (hooks.slack.com/services/T.../B.../XXXX): no parameter names it
_WEBHOOK_PATH = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://hooks\.slack(?:-gov)?\.com\.?(?::\d+)?/)[^?#]+", re.IGNORECASE)


# C0 controls but tab and newline, DEL and C1: an ESC from a fetched link would clear the screen or fake a line.
# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): a fetched U+202E reverses on screen
# all that follows it in its line or paragraph, a citation or date included (Trojan Source). The marks U+200E, U+200F
# and U+061C stay: each acts as one strong letter would, and right-to-left text needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with control characters shown as escapes ("\\x1b", "\\u202e"): fetched text printed or stored is
    inert, and cannot reorder what is shown after it."""
    return _CONTROL.sub(_escaped, text) if _CONTROL.search(text) else text


def is_printable(text: str) -> bool:
    """Whether `text` has no character printable() would show as an escape (a long text read by char_scan)."""
    return not holds(_CONTROL, text)


# What json.dumps(ensure_ascii=False) writes as it is, yet a terminal or pager acts on: DEL, C1 and the bidi controls
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def inert_json(value: Any, *, indent: int | None = None) -> str:
    """`value` as JSON with letters of any script as they are, and DEL, C1 and bidi controls as JSON escapes
    ("\\u202e"): a line shown in a terminal reads as written, and a JSON reader gets the same value back."""
    return inert_json_text(json.dumps(value, ensure_ascii=False, indent=indent))


def inert_json_text(text: str) -> str:
    """JSON text (from any serialiser that writes letters as they are) with DEL, C1 and bidi controls as escapes:
    they can only stand inside its strings, where an escape is the same character."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if holds(_JSON_UNSAFE, text) else text


def is_credential_name(name: str) -> bool:
    """A parameter named as a credential beyond doubt (apikey, access_token, client_secret, X-Amz-Signature): dropped
    from a news link. Short names such as "sid" or "code" are often a story's id there; they are redacted where a URL
    is shown, never dropped (two stories would become one)."""
    return bool(_SECRET_PARAM.search(unquote(name)))


def is_secret_param(name: str) -> bool:
    """A query parameter whose value is a credential (apikey, token, ...), by its (percent-decoded) name."""
    name = unquote(name)
    return bool(_SECRET_PARAM.search(name) or _SECRET_NAME.fullmatch(name))


def redact_url(url: str) -> str:
    """`url` with the values of credential-like parameters (query and fragment), any user:password@ and a Slack
    webhook's path redacted (and control characters shown as escapes)."""
    url = _USERINFO.sub(rf"\g<1>{REDACTED}@", printable(url))
    url = _WEBHOOK_PATH.sub(rf"\g<1>{REDACTED}", url)
    if ";" in url:
        url = _redact_path_params(url)
    base, sep, rest = url.partition("?")
    if not sep:
        base, hash_, fragment = url.partition("#")
        return f"{base}{hash_}{_params(fragment)}" if hash_ else url
    query, hash_, fragment = rest.partition("#")
    return f"{base}?{_params(query)}{hash_}{_params(fragment) if hash_ else ''}"


def _redact_path_params(url: str) -> str:
    """`url` with the values of secret path parameters redacted; the query and fragment are _params' business."""
    head = _AUTHORITY.match(url)
    start = head.end() if head else 0
    end = min((i for i in (url.find("?", start), url.find("#", start)) if i >= 0), default=len(url))
    path = _PATH_PARAM.sub(lambda m: f";{m[1]}={REDACTED}" if is_secret_param(m[1]) else m[0], url[start:end])
    return url[:start] + path + url[end:]


def _params(text: str) -> str:
    """`name=value` runs with a secret's value redacted; every other byte stays as sent."""
    pieces = _PARAM_SEP.split(text)
    for i in range(0, len(pieces), 2):
        name, eq, _ = pieces[i].partition("=")
        if eq and is_secret_param(name):
            pieces[i] = f"{name}={REDACTED}"
    return "".join(pieces)


# A credential parameter in an address written without its scheme ("ir.example.com/call?apikey=..."), which _URL does
# not find: after "?", "&" or ";" its value goes as in a URL ("for key=..." in prose stays)
_BARE_PARAM = re.compile(r"(?<=[?&;])([A-Za-z0-9_.%\[\]-]+)=([^\s&;?#'\"<>`]+)")
# A credential outside any URL, as a client's error quotes it: a bearer token ("Authorization: Bearer eyJ..."), a key
# header or argument ("'x-api-key': '...'", "api_key=..."), or an API key by its provider's shape (OpenAI and Anthropic
# sk-..., Google AIza..., Slack xox?-, GitHub gh?_)
_AUTH_TOKEN = re.compile(
    r"\b(bearer\s+)(?!REDACTED)[A-Za-z0-9._~+/=-]{8,}"
    r"|\b((?:x-)?api[_-]?key['\"]?\s*[:=]\s*['\"]?)(?!REDACTED)[\w~+/=-]+(?:\.[\w~+/=-]+)*",
    re.IGNORECASE,
)
_KEY_SHAPE = re.compile(
    r"\b(?:sk-[A-Za-z0-9_-]{16,}|AIza[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,})"
)


def redact_text(text: str) -> str:
    """`text` with every URL in it redacted (messages, gaps, plan targets, errors), any credential parameter of
    an address written without its scheme, and bearer tokens and API keys as clients' errors quote them."""
    text = printable(text)
    text = _URL.sub(_redact_match, text) if "://" in text else text
    text = _BARE_PARAM.sub(_redact_bare, text) if "=" in text else text
    return _KEY_SHAPE.sub(REDACTED, _AUTH_TOKEN.sub(lambda m: f"{m[1] or m[2]}{REDACTED}", text))


def redact_echoed(text: str, *, url: str, secrets: tuple[str, ...] = ()) -> str:
    """`text`, built from a provider's answer to `url`, redacted (redact_text), with every secret the request carried
    taken out wherever the answer echoes it, bare ("Invalid API KEY s3cr3t"): `secrets`, and the values of `url`'s
    credential parameters (its query, fragment and path parameters), each as sent and percent-decoded."""
    carried = {*secrets}
    for piece in re.split(r"[?&;#]", url)[1:]:
        name, eq, value = piece.partition("=")
        if eq and value and is_secret_param(name):
            carried |= {value, unquote(value)}
    for secret in sorted(carried - {""}, key=len, reverse=True):  # a longer form first: its shorter one is in it
        text = text.replace(secret, REDACTED)
    return redact_text(text)


def _redact_bare(m: re.Match[str]) -> str:
    if not is_secret_param(m[1]):
        return m[0]
    tail = _URL_TAIL.search(m[2])  # the sentence's punctuation, as after a URL
    return f"{m[1]}={REDACTED}{tail.group(0) if tail else ''}"


def _redact_match(m: re.Match[str]) -> str:
    url = m.group(0)
    tail = _URL_TAIL.search(url)
    return redact_url(url[: tail.start()]) + tail.group(0) if tail else redact_url(url)


# A watchlist names the variable holding a webhook (`webhook_env = "SLACK_WEBHOOK"`); a value that is no variable's
# name is the secret itself (watchdesk before 2026-12-03 stored it as written), and none of it is kept.
_NAMES_A_VARIABLE = frozenset({"webhook_env"})
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def redact_json(value: Any, *, key: str = "") -> Any:
    """A JSON value (a watchlist or plan as a run stores it) with every URL in its strings redacted, and a webhook
    given where its variable's name belongs withheld whole. Strings without a URL are kept as they are."""
    if isinstance(value, dict):
        return {k: redact_json(v, key=str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_json(v, key=key) for v in value]
    if isinstance(value, str) and key in _NAMES_A_VARIABLE and not _VARIABLE.fullmatch(value):
        return REDACTED
    if isinstance(value, str) and "://" in value:
        return redact_text(value)
    return value


def redact_json_text(text: str | None) -> str | None:
    """`text`, a JSON document, with redact_json applied; returned unchanged when nothing in it is a secret (or it is
    no JSON), so a stored value is rewritten only to take a secret out."""
    if not text:
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return redact_text(text)
    redacted = redact_json(value)
    return text if redacted == value else json.dumps(redacted, ensure_ascii=False, separators=(",", ":"))


# URLs that are whole secrets while they are in use (a webhook's, on any host): (a form of one, how a log line says it),
# once for each post in flight (two threads may post to one webhook)
_WITHHELD: list[tuple[str, str]] = []
_WITHHELD_LOCK = threading.Lock()


@contextmanager
def withheld(url: str, *forms: str) -> Iterator[None]:
    """While a webhook is posted: `url`, and each other form of it (as httpx writes it), is said in a log line as its
    scheme and host alone ("https://chat.example.com/REDACTED"). A webhook's path is its secret on any host
    (Mattermost's /hooks/..., Discord's /api/webhooks/...), not on Slack's alone, and no parameter's name says so."""
    head = _AUTHORITY.match(url)
    shown = _USERINFO.sub(r"\g<1>", head.group(0) if head else "") + f"/{REDACTED}"
    entries = [(form, shown) for form in dict.fromkeys((url, *forms)) if form]
    with _WITHHELD_LOCK:
        _WITHHELD.extend(entries)
    try:
        yield
    finally:
        with _WITHHELD_LOCK:
            for entry in entries:
                _WITHHELD.remove(entry)


class _RedactedLog(logging.Filter):
    """A log record's message with the secrets of the URLs in it redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            said = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit the message: left as they are
            return True
        if "://" in said:
            with _WITHHELD_LOCK:
                withheld = sorted(set(_WITHHELD), key=lambda entry: -len(entry[0]))  # one form may begin another
            for url, shown in withheld:
                said = said.replace(url, shown)
            record.msg, record.args = redact_text(said), ()
        return True


_REDACTED_LOG = _RedactedLog()


def guard_http_logs() -> None:
    """httpx logs each request it sends at INFO, its URL whole (?apikey=, a webhook's path): a program or notebook
    that logs at INFO would keep the secrets there. Its records are redacted from the first call on."""
    logger = logging.getLogger("httpx")
    if _REDACTED_LOG not in logger.filters:
        logger.addFilter(_REDACTED_LOG)
