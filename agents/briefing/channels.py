"""Sending one briefing through one channel: SMTP e-mail and Slack incoming webhooks. I/O only.

Errors are sorted into transient (worth a retry: connection trouble, SMTP 4xx, HTTP 429/5xx) and permanent.
Messages never contain the SMTP password or the webhook URL.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from watchdesk.agents.briefing.mail import Image
from watchdesk.sources.addresses import ADDRESS
from watchdesk.sources.errors import ConfigError, PolicyError, WatchdeskError
from watchdesk.sources.public_net import LOOPBACK, PublicOnlyClient, checked, internal_kind, resolve
from watchdesk.sources.redact import guard_http_logs, withheld

if TYPE_CHECKING:
    from typing_extensions import Buffer

TIMEOUT = 20.0
# The From of a mail whose WATCHDESK_SMTP_URL names no sender (no ?from=, no login that is an address): said each time
# it is used, since a relay may refuse it and a recipient's server file it as spam (it went out without a word)
DEFAULT_SENDER = "watchdesk@localhost"
NO_SENDER = (f"WATCHDESK_SMTP_URL names no sender, so the e-mail goes From {DEFAULT_SENDER}, which a mail server may "
             "refuse and a recipient's may file as spam: add ?from=you@example.com to it (an address that server lets "
             "you send as)")
_NO_ANSWER = "no answer within {:g} s"  # a server that is slow, not gone


class DeliveryError(WatchdeskError):
    """A send failed; `transient` says whether trying again may help, `maybe_sent` that the server may have taken
    the message all the same (it was handed over, and no answer came): sent again, it may arrive twice."""

    def __init__(self, message: str, *, transient: bool, maybe_sent: bool = False, refused: bool = False) -> None:
        super().__init__(message)
        self.transient = transient
        self.maybe_sent = maybe_sent
        self.refused = refused  # the policy's refusal (a host resolving inside), not the server's failure


class StoppedSending(KeyboardInterrupt):
    """A Ctrl-C during a send, which says whether the message was handed over by then (so it may have arrived)."""

    def __init__(self, *, handed_over: bool) -> None:
        super().__init__()
        self.handed_over = handed_over


class _Client(smtplib.SMTP):
    """An SMTP connection that knows whether the message was handed over (DATA sent), opened to the checked
    addresses of its host only (sources/public_net.py), as every fetch is."""

    handed_over = False

    def __init__(self, host: str, port: int, *, relay_inside: bool, **options: Any) -> None:
        self.relay_inside = relay_inside  # read by _get_socket, which smtplib calls from its __init__
        super().__init__(host, port, **options)

    def data(self, msg: Buffer | str) -> tuple[int, bytes]:
        self.handed_over = True
        return super().data(msg)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        # The name is resolved once and the socket opened to an address checked; TLS still checks the certificate
        # against the name (smtplib sends self._host, not the address). A host written as loopback is the user's own.
        if host in LOOPBACK:
            return super()._get_socket(host, port, timeout)  # type: ignore[misc]  # smtplib's, untyped in typeshed
        found = resolve(host, port)
        try:
            addresses = checked(host, found, inside=_RELAY if self.relay_inside else ())
        except PolicyError as exc:
            ours = not self.relay_inside and all(internal_kind(a) in _RELAY | {None} for a in found)
            hint = "; a mail relay on your own network: add ?internal=1 to WATCHDESK_SMTP_URL" if ours else ""
            raise DeliveryError(f"{exc}{hint}", transient=False, refused=True) from None
        failed: OSError | None = None
        for address in addresses:  # tried in order, as socket.create_connection does
            try:
                return super()._get_socket(address, port, timeout)  # type: ignore[misc]
            except OSError as exc:
                failed = exc
        raise failed or OSError(f"{host} resolves to no address")


class _ClientTLS(_Client, smtplib.SMTP_SSL):
    """The same over TLS from the start (smtps://)."""


@dataclass(frozen=True, kw_only=True)
class SmtpServer:
    host: str
    port: int
    tls: bool  # smtps:// (TLS from the start); smtp:// upgrades with STARTTLS when the server offers it
    user: str | None
    password: str | None
    sender: str
    insecure: bool = False  # log in without TLS to a remote server (?insecure=1): the password crosses in clear
    internal: bool = False  # a host resolving to a private or loopback address is the user's relay (?internal=1)

    def __repr__(self) -> str:  # never the password
        return f"SmtpServer({self.host}:{self.port}, tls={self.tls}, user={self.user!r})"

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


# Read by hand, not with urlsplit: a password holding "/", "?", "#" or "@" must not be cut into the path, the query
# or (in an error message) the port. Without credentials the address is host[:port][?query]; with them, the
# password runs to the first "@" after which a whole host[:port][?query] follows (a query may hold "from=a@b").
# Any number of digits is the port, checked for its range after: a port of six digits must not end the host there and
# leave the password to run on to a from= address's "@" (the login would go to that address's domain).
_HOST = r"(?P<host>[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:]+\])(?::(?P<port>\d+))?/?(?:\?(?P<query>[^#]*))?$"
_SMTP_URL = re.compile(rf"^(?P<scheme>smtps?)://{_HOST}", re.DOTALL)
_SMTP_URL_LOGIN = re.compile(rf"^(?P<scheme>smtps?)://(?P<user>[^:@/]*)(?::(?P<password>.*?))?@{_HOST}", re.DOTALL)
_SETTING_IN_PASSWORD = re.compile(r"\?(?:from|insecure|internal)=")  # a password that swallowed the host and query
_LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
_RELAY = frozenset({"private", "loopback"})  # what ?internal=1 allows: never link-local (the metadata address)


def smtp_server(url: str) -> SmtpServer:
    """`smtp://user:pass@host:587?from=desk@example.com` or `smtps://...`; the password may be %-encoded, or
    written as it is. `?insecure=1` allows logging in without TLS to a server other than this machine; `?internal=1`
    a host that resolves to a private address (a relay on the user's own network)."""
    m = _SMTP_URL.match(url.strip()) or _SMTP_URL_LOGIN.match(url.strip())
    if m is None and _port_not_a_number(url.strip()):  # never echo the value: it holds the password
        raise ConfigError("WATCHDESK_SMTP_URL's port must be a number, as in smtp://host:587 (what follows the "
                          "host's ':' is not one)")
    if m is None:
        # said without a URL holding a login: every message passes the redactor, which would blank the example's
        raise ConfigError("WATCHDESK_SMTP_URL must look like smtp://host:587 or smtps://host, with a login put after "
                          "the // as user:password@")
    if _SETTING_IN_PASSWORD.search(m.groupdict().get("password") or ""):
        # "smtp://user:pw@mail.example.com:58x?from=desk@example.com": the host did not parse, and the login's
        # password ran on to the from= address's "@", making its domain the server that would get the password
        raise ConfigError("WATCHDESK_SMTP_URL's host or port after the login's @ cannot be read (a port must be "
                          "digits, as in smtp://host:587, with the login before the host)")
    if m["port"] and not 1 <= int(m["port"]) <= 65535:
        # a long run of digits may be a password where the host was left out ("smtp://user:20251231"): not echoed
        said = f"it says {int(m['port'])}" if len(m["port"]) <= 5 else f"it has {len(m['port'])} digits"
        raise ConfigError(f"WATCHDESK_SMTP_URL's port must be 1 to 65535 ({said})")
    query = _settings_of(parse_qs(m["query"] or "", keep_blank_values=True))
    named = m.groupdict()
    user = unquote(named["user"]) if named.get("user") else None
    sender = query.get("from", [""])[0]
    # the From header: one address, never a line break that would start another header ("...%0d%0aBcc: ...")
    if sender and not ADDRESS.fullmatch(sender):
        raise ConfigError("WATCHDESK_SMTP_URL's from= must be one e-mail address (?from=desk@example.com)")
    sender = sender or (user if user and ADDRESS.fullmatch(user) else DEFAULT_SENDER)
    return SmtpServer(
        host=m["host"].strip("[]"),
        port=int(m["port"]) if m["port"] else (465 if m["scheme"] == "smtps" else 587),
        tls=m["scheme"] == "smtps",
        user=user,
        password=unquote(named["password"]) if named.get("password") else None,
        sender=sender,
        insecure=query.get("insecure", [""])[0].lower() in {"1", "true", "yes"},
        internal=query.get("internal", [""])[0].lower() in {"1", "true", "yes"},
    )


def _port_not_a_number(url: str) -> bool:
    """Whether an smtp(s):// URL that does not parse names its port in other than digits ("smtp://host:notaport",
    "smtp://host:58 7"): said so, where the general shape message left the user to find it."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in {"smtp", "smtps"}:
        return False
    host = rest.rpartition("@")[2].split("?", 1)[0].rstrip("/")
    if host.endswith("]") or ":" not in host:
        return False
    name, _, port = host.rpartition(":")
    return bool(name) and bool(port) and not port.isdigit()


_URL_SETTINGS = {"from": "ADDRESS", "insecure": "1", "internal": "1"}
_YES_NO = {"1", "true", "yes", "0", "false", "no", ""}


def _settings_of(query: dict[str, list[str]]) -> dict[str, list[str]]:
    """The SMTP URL's ?settings, each known and given once: a typo (`?frm=desk@example.com`, `?insecure=ture`) was
    ignored, and the mail went from watchdesk@localhost, or the login was refused for want of TLS, with no word of
    the setting (names and yes/no values are said; no other value is, in case it holds a secret)."""
    takes = ", ".join(f"{name}={value}" for name, value in _URL_SETTINGS.items())
    if unknown := sorted(set(query) - set(_URL_SETTINGS)):
        raise ConfigError(f"WATCHDESK_SMTP_URL has ?{'=, ?'.join(unknown)}=, which watchdesk does not know: it takes "
                          f"{takes}")  # fmt: skip
    if twice := sorted(name for name, values in query.items() if len(values) > 1):
        said = ", ".join(f"{n}=" for n in twice)
        raise ConfigError(f"WATCHDESK_SMTP_URL gives {said} more than once: give each once")
    if bad := sorted(n for n in ("insecure", "internal") if query.get(n, [""])[0].lower() not in _YES_NO):
        raise ConfigError(f"WATCHDESK_SMTP_URL's {'= and '.join(bad)}= must be 1 or 0 (yes/no, true/false)")
    return query


def email_message(
    *, sender: str, to: list[str], subject: str, text: str, html: str | None, images: Sequence[Image] = ()
) -> EmailMessage:
    """multipart/alternative: the briefing as plain text (text/plain), the HTML briefing as text/html (with its
    images, multipart/related); with the Date and Message-ID headers relays and spam filters expect."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, ", ".join(to), subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
        page = msg.get_body(("html",))
        for image in images:
            assert page is not None  # the part just added
            page.add_related(image.png, maintype="image", subtype="png", cid=f"<{image.cid}>", disposition="inline",
                             filename=image.filename)  # fmt: skip
    return msg


def send_email(server: SmtpServer, msg: EmailMessage, *, to: Sequence[str] | None = None) -> dict[str, str]:
    """Send `msg` (to `to` alone when given, else to its own recipients); the recipients the server refused while
    taking the others, with its answer. Once the message is handed over, a reply that does not come is no transient
    failure: the server may have taken it (maybe_sent)."""
    client: _Client | None = None
    refused: dict[str, tuple[int, bytes]] | None = None
    try:
        client = _connect(server)
        try:
            refused = client.send_message(msg, to_addrs=None if to is None else list(to))
        except BaseException:
            # closed, not QUIT: QUIT's answer may be the one still owed to DATA, and smtplib's `with` raised "250 OK"
            # as QUIT's failure in place of a Ctrl-C there: the mail taken was said "did not take", and sent again
            client.close()
            raise
        with contextlib.suppress(smtplib.SMTPException, OSError):  # taken: a failure at QUIT is none of the message's
            client.quit()
        client.close()
    except KeyboardInterrupt:
        raise StoppedSending(handed_over=client is not None and client.handed_over) from None
    except smtplib.SMTPResponseException as exc:
        if refused is None:  # an answer, not a silence: the server said it did not take the message
            raise DeliveryError(f"{server.where} did not take the message: {_answer(exc.smtp_code, exc.smtp_error)}",
                                transient=400 <= exc.smtp_code < 500) from None  # fmt: skip
    except smtplib.SMTPRecipientsRefused as exc:
        # every recipient turned away; all for now (4xx: greylisting, a full mailbox) is worth another attempt
        answers = "; ".join(f"{a}: {_answer(code, reply)}" for a, (code, reply) in sorted(exc.recipients.items()))
        raise DeliveryError(f"{server.where} refused {answers}",
                            transient=all(400 <= code < 500 for code, _ in exc.recipients.values())) from None
    except (smtplib.SMTPException, OSError) as exc:
        # smtplib says a reply that never came as a server gone ("Connection unexpectedly closed: timed out")
        silent = isinstance(exc, TimeoutError) or "timed out" in str(exc)
        why, lasting = (_NO_ANSWER.format(TIMEOUT), False) if silent else _said(exc, host=server.host)
        if silent and client is None:  # connected, never greeted: another program's port (an HTTP server's)?
            tls = "" if server.tls else " A port that takes TLS from the start, such as 465, needs smtps://"
            why += f" (it took the connection but never greeted as a mail server does: is that its port?{tls})"
            lasting = server.host in _LOOPBACK  # on this machine a wrong port stays wrong
        if refused is None and client is not None and client.handed_over:
            raise DeliveryError(f"SMTP {server.where}: {why} after the message was sent", transient=False,
                                maybe_sent=True) from None  # fmt: skip
        if refused is None:  # what will say the same a few seconds later is not tried again
            raise DeliveryError(f"SMTP {server.where}: {why}", transient=not lasting) from None
    # taken: a failure after it (at QUIT) is none of the message's
    return {address: _answer(code, reply) for address, (code, reply) in (refused or {}).items()}


def _said(exc: BaseException, *, host: str = "") -> tuple[str, bool]:
    """A connection's failure in words, and whether it lasts (trying again in seconds would meet it again)."""
    if isinstance(exc, smtplib.SMTPNotSupportedError):  # login() on a server whose EHLO named no AUTH
        return ("the server offers no login (no AUTH), yet WATCHDESK_SMTP_URL names a user: take user:password@ out "
                "of it, or give the server's port that takes a login", True)  # fmt: skip
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"its TLS certificate does not verify ({exc.verify_message or exc.reason})", True
    if isinstance(exc, ssl.SSLError):
        return (f"the TLS handshake failed ({exc.reason or exc}): use smtps:// for a server that takes TLS from the "
                "start (port 465), smtp:// for a server that speaks plain SMTP or STARTTLS (ports 25, 587)", True)
    if isinstance(exc, socket.gaierror):  # a name that does not resolve now may (EAI_AGAIN: the resolver is down)
        return f"no such host ({exc.strerror or exc})", exc.errno != socket.EAI_AGAIN
    if isinstance(exc, ConnectionRefusedError) and host in _LOOPBACK:
        return ("the connection was refused: no mail server listens at that port on this machine; start it, or give "
                "WATCHDESK_SMTP_URL the port it listens on", True)
    if isinstance(exc, ConnectionRefusedError):  # a remote server being restarted listens again in a moment
        return "the connection was refused (no mail server listens there)", False
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"the server closed the connection ({exc or 'no reason given'})", False
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:], False
    return str(exc) or type(exc).__name__, False


def _answer(code: int, reply: bytes | str) -> str:
    """A server's answer as it said it: its code and words, on one line."""
    words = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {' '.join(words.split())[:120]}".strip()


def _connect(server: SmtpServer) -> _Client:
    """A connection, greeted, upgraded to TLS when offered, and logged in when the URL names a user."""
    if server.tls:
        client: _Client = _ClientTLS(server.host, server.port, relay_inside=server.internal, timeout=TIMEOUT,
                                     context=ssl.create_default_context())  # fmt: skip
    else:
        client = _Client(server.host, server.port, relay_inside=server.internal, timeout=TIMEOUT)
    try:
        client.ehlo()
        secure = server.tls
        if not server.tls and client.has_extn("starttls"):
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
            secure = True
        if server.user and server.password:
            if not (secure or server.insecure or server.host in _LOOPBACK):
                raise DeliveryError(
                    f"{server.where} offers no TLS: the password is not sent in clear (use smtps://, a server "
                    "with STARTTLS, or add ?insecure=1 to WATCHDESK_SMTP_URL to allow it)", transient=False)
            client.login(server.user, server.password)
    except BaseException:
        client.close()
        raise
    return client


def post_webhook(url: str, payload: dict[str, object]) -> int:
    """POST the message; the URL (a secret) appears in no error message."""
    try:
        host = urlsplit(url).hostname or "?"
    except ValueError:
        raise DeliveryError("the webhook URL is not a valid URL", transient=False) from None
    guard_http_logs()  # the URL is the secret: httpx would log it whole at INFO
    try:
        # through the gateway's public-only connections: a host on allowed_domains whose DNS answers with an
        # internal address (rebinding, a stale record) is refused, as a fetch is; logged as its host alone, on any host
        with withheld(url, str(httpx.URL(url))), PublicOnlyClient(timeout=TIMEOUT) as client:
            response = client.post(url, json=payload)
    except PolicyError as exc:
        raise DeliveryError(str(exc), transient=False, refused=True) from None
    except httpx.HTTPError as exc:
        why, lasting = ((_NO_ANSWER.format(TIMEOUT), False) if isinstance(exc, httpx.TimeoutException)
                        else _posted(exc, loopback=host in _LOOPBACK))  # fmt: skip
        raise DeliveryError(f"webhook at {host}: {why}", transient=not lasting) from None
    except (httpx.InvalidURL, ValueError):  # a control character or space in it: never sent, never echoed
        raise DeliveryError(f"the webhook URL for {host} is not a valid URL", transient=False) from None
    if response.status_code == 429 or response.status_code >= 500:
        raise DeliveryError(f"webhook at {host} answered HTTP {response.status_code}", transient=True)
    if response.status_code in _NO_SUCH_HOOK:  # Slack's answer to a revoked webhook, a deleted app, a mistyped path
        raise DeliveryError(f"webhook at {host} answered HTTP {response.status_code}{_said_code(response.text)}: "
                            "the URL is not (or no longer) a webhook there, revoked or mistyped; set the variable to "
                            "the incoming webhook's current URL (Slack shows it on the app's Incoming Webhooks page)",
                            transient=False)  # fmt: skip
    if response.status_code >= 400:
        raise DeliveryError(f"webhook at {host} answered HTTP {response.status_code}{_said_code(response.text)}",
                            transient=False)  # fmt: skip
    return response.status_code


_NO_SUCH_HOOK = frozenset({401, 403, 404, 410})
_CODE = re.compile(r"[a-z][a-z_]{0,39}")  # Slack's answer: "no_service", "invalid_token", "channel_is_archived"


def _said_code(body: str) -> str:
    """The server's answer when it is a short code as Slack gives (never anything longer: it could quote the URL)."""
    code = body.strip()
    return f" ({code})" if _CODE.fullmatch(code) else ""


def _posted(exc: httpx.HTTPError, *, loopback: bool = False) -> tuple[str, bool]:
    """A webhook post's failure in words, as an e-mail's is (it said "ConnectError" alone), and whether it lasts: the
    OS's error under httpx's, never httpx's own words, which may quote the URL (the secret)."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    if isinstance(cause, socket.gaierror):
        return f"no such host ({cause.strerror or cause})", cause.errno != socket.EAI_AGAIN
    if isinstance(cause, ConnectionRefusedError) and loopback:  # this machine's: nothing starts it in seconds
        return "the connection was refused (nothing listens on this machine at that port: is it running?)", True
    if isinstance(cause, ConnectionRefusedError):
        return "the connection was refused (nothing listens there)", False
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"its TLS certificate does not verify ({cause.verify_message or cause.reason})", True
    if isinstance(cause, ssl.SSLError):
        return f"the TLS handshake failed ({cause.reason or cause}): is the URL's https:// or http:// right?", True
    if isinstance(cause, OSError) and cause.strerror:
        return cause.strerror[0].lower() + cause.strerror[1:], False
    return type(exc).__name__, False
