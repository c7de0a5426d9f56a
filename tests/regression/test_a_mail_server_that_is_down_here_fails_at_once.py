"""Bug (a user walkthrough): `watchdesk brief --deliver` to a mail server on this machine that was not running (a
refused connection on loopback) tried three times, waiting 2 s then 4 s, to say the same "the connection was refused"
each time: nothing starts a local server in seconds. Now a refused connection to this machine (an SMTP server or a
webhook on loopback) fails at once, says what to check, and ends with the resend command; a transient failure (451
greylisting, HTTP 500) is still tried again after 2 s then 4 s. The waits are the test's own (Channels.sleep): no
test sleeps for real seconds. Real SMTP and HTTP on loopback, a real DuckDB file."""

from __future__ import annotations

import shlex
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.integration.conftest import webhook  # noqa: F401  (a fixture)
from tests.integration.test_delivery import free_port, loopback_smtp, watchlist, written
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_greylisted_recipient_is_tried_again import Greylisting, serving
from watchdesk.graph import delivery
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

SLACK = '[[delivery]]\nkind = "slack"\nwebhook_env = "HOOK"\n'


@pytest.fixture()
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the CLI's delivery asks for, taken without waiting."""
    asked: list[float] = []
    monkeypatch.setattr(delivery, "deliver_briefing", partial(delivery.deliver_briefing, sleep=asked.append))
    return asked


def test_a_mail_server_down_on_this_machine_fails_at_once_with_the_resend_hint(tmp_path: Path,
                                                                             waits: list[float]) -> None:  # fmt: skip
    db, args = a_briefed_store(tmp_path)
    port = free_port()  # nobody listens
    result = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert waits == [], f"waited {waits} s to meet the same refusal again"  # before: [2.0, 4.0]
    assert (f"delivery email pm@example.com: failed (SMTP 127.0.0.1:{port}: the connection was refused: no mail "
            "server listens at that port on this machine; start it, or give WATCHDESK_SMTP_URL the port it listens "
            "on)") in said, said
    assert "trying again" not in said
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT status, attempts FROM deliveries") == [("failed", 1)]
    command = said.split("not delivered (email pm@example.com: failed); the briefing is written and stored, `")[1]
    with loopback_smtp() as (port, received):  # the server started, the hint sends it
        again = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}).invoke(
            cli, shlex.split(command.split("`")[0])[1:])  # fmt: skip
    assert again.exit_code == 0 and len(received) == 1, again.output


def test_a_webhook_down_on_this_machine_fails_at_once(tmp_path: Path, waits: list[float]) -> None:
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace('[[delivery]]\nkind = "email"\nto = ["pm@example.com"]',
                                                         SLACK), encoding="utf-8")  # fmt: skip
    result = CliRunner(env={"HOOK": f"http://127.0.0.1:{free_port()}/services/x"}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and waits == [], said
    assert ("delivery slack webhook $HOOK: failed (webhook at 127.0.0.1: the connection was refused (nothing listens "
            "on this machine at that port: is it running?))") in said, said


def test_greylisting_is_tried_again_after_2_then_4_s(tmp_path: Path) -> None:
    asked: list[float] = []
    with serving(Greylisting()) as port, Store.open(tmp_path / "d.duckdb") as store:
        (out,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(
            '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'), settings=Settings(
            smtp_url=f"smtp://127.0.0.1:{port}"), store=store, run_id="r1", sleep=asked.append)  # fmt: skip
    assert asked == [2.0, 4.0]
    assert (out.status, out.attempts) == ("failed", 3) and "451 4.7.1 Greylisted" in (out.error or "")


def test_a_webhook_answering_500_is_tried_again_after_2_then_4_s(
    tmp_path: Path, webhook: tuple[int, list[dict[str, Any]], list[int]]  # noqa: F811
) -> None:
    port, posts, statuses = webhook
    statuses += [500, 500]  # the third attempt is answered 200
    asked: list[float] = []
    with Store.open(tmp_path / "d.duckdb") as store:
        (out,) = deliver_briefing(written(store, tmp_path), watchlist=watchlist(SLACK), settings=Settings(
            env={"HOOK": f"http://127.0.0.1:{port}/services/x"}), store=store, run_id="r1",
            sleep=asked.append)  # fmt: skip
    assert asked == [2.0, 4.0] and (out.status, out.attempts) == ("sent", 3) and len(posts) == 3


def test_a_port_on_this_machine_that_never_greets_fails_at_once_and_asks_whether_it_is_the_port(
    tmp_path: Path, waits: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A walkthrough's wrong port, where an HTTP server listened: it took the connection and said nothing, and the
    e-mail was tried three times, 20 s each plus the waits (76 s), to say "no answer within 20 s"."""
    import socket

    from watchdesk.agents.briefing import channels

    monkeypatch.setattr(channels, "TIMEOUT", 0.5)  # the server's silence, told in half a second
    _, args = a_briefed_store(tmp_path)
    with socket.socket() as quiet:
        quiet.bind(("127.0.0.1", 0))
        quiet.listen()
        url = f"smtp://127.0.0.1:{quiet.getsockname()[1]}?from=desk@example.com"
        result = CliRunner(env={"WATCHDESK_SMTP_URL": url}).invoke(cli, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and waits == [], said
    port = url.split(":")[2].split("?")[0]
    assert (f"failed (SMTP 127.0.0.1:{port}: no answer within 0.5 s (it took the connection but never greeted as a "
            "mail server does: is that its port? A port that takes TLS from the start, such as 465, needs "
            "smtps://))") in said, said
