"""Sending one briefing through one channel: SMTP e-mail and Slack incoming webhooks. I/O only.

Errors are sorted into transient (worth a retry: connection trouble, SMTP 4xx, HTTP 429/5xx) and permanent.
Messages never contain the SMTP password or the webhook URL.
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from watchdesk.sources.errors import ConfigError, WatchdeskError

TIMEOUT = 20.0


class DeliveryError(WatchdeskError):
    """A send failed; `transient` says whether trying again may help."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, kw_only=True)
class SmtpServer:
    host: str
    port: int
    tls: bool  # smtps:// (TLS from the start); smtp:// upgrades with STARTTLS when the server offers it
    user: str | None
    password: str | None
    sender: str

    def __repr__(self) -> str:  # never the password
        return f"SmtpServer({self.host}:{self.port}, tls={self.tls}, user={self.user!r})"

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"


def smtp_server(url: str) -> SmtpServer:
    """`smtp://user:pass@host:587?from=desk@example.com` or `smtps://...`; the password may be %-encoded."""
    parts = urlsplit(url)
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ConfigError("WATCHDESK_SMTP_URL must look like smtp://user:pass@host:587 or smtps://user:pass@host")
    user = unquote(parts.username) if parts.username else None
    sender = parse_qs(parts.query).get("from", [""])[0] or (user if user and "@" in user else "watchdesk@localhost")
    return SmtpServer(
        host=parts.hostname,
        port=parts.port or (465 if parts.scheme == "smtps" else 587),
        tls=parts.scheme == "smtps",
        user=user,
        password=unquote(parts.password) if parts.password else None,
        sender=sender,
    )


def email_message(*, sender: str, to: list[str], subject: str, text: str, html: str | None) -> EmailMessage:
    """multipart/alternative: the Markdown as text/plain, the HTML briefing as text/html."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, ", ".join(to), subject
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def send_email(server: SmtpServer, msg: EmailMessage) -> None:
    try:
        if server.tls:
            client: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT,
                                                    context=ssl.create_default_context())  # fmt: skip
        else:
            client = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
        with client:
            client.ehlo()
            if not server.tls and client.has_extn("starttls"):
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if server.user and server.password:
                client.login(server.user, server.password)
            client.send_message(msg)
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(f"SMTP {exc.smtp_code} from {server.where}", transient=400 <= exc.smtp_code < 500) from None
    except smtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"{server.where} refused {sorted(exc.recipients)}", transient=False) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"SMTP {server.where}: {type(exc).__name__}", transient=True) from None


def post_webhook(url: str, payload: dict[str, object]) -> int:
    """POST the message; the URL (a secret) appears in no error message."""
    host = urlsplit(url).hostname or "?"
    try:
        response = httpx.post(url, json=payload, timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        raise DeliveryError(f"webhook at {host}: {type(exc).__name__}", transient=True) from None
    if response.status_code == 429 or response.status_code >= 500:
        raise DeliveryError(f"webhook at {host} answered HTTP {response.status_code}", transient=True)
    if response.status_code >= 400:
        raise DeliveryError(f"webhook at {host} answered HTTP {response.status_code}", transient=False)
    return response.status_code
