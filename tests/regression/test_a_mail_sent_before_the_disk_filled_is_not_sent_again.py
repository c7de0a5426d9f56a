"""Bug: an e-mail the server took just before the disk filled, whose "sent" row could not be stored, was sent again when
the run was resumed (`watchdesk approve`): nothing in the store said it had gone, so the recipients got the briefing
twice. Now the intent is stored before the message is handed over (a `sending` row, made `sent` or `failed` after),
and a delivery that finds one still `sending` does not send it again unasked: it says the briefing may already have
been sent, when, and how to send it again (`watchdesk brief --deliver`); the row becomes `unconfirmed`, which the end
of a run reports with the full resend command. Real SMTP on loopback (aiosmtpd); the disk fills (DuckDB's own words)
right after the server took the message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.integration.test_delivery import smtp, watchlist, written  # noqa: F401 - smtp: the loopback server
from tests.regression.test_a_full_disk_stops_the_run import FULL
from watchdesk.agents.briefing import channels
from watchdesk.agents.briefing.agent import BriefingFiles
from watchdesk.agents.briefing.deliver import Outcome
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import DiskFullError
from watchdesk.store.store import Store

TO = '[[delivery]]\nkind = "email"\nto = ["pm@example.com"]'


def deliver(store: Store, files: BriefingFiles, *, port: int, said: list[str], resend: bool = False) -> Outcome:
    settings = Settings(smtp_url=f"smtp://127.0.0.1:{port}?from=watchdesk@example.com")
    (outcome,) = deliver_briefing(files, watchlist=watchlist(TO), settings=settings, store=store, run_id="r1",
                                  backoff=0, resend=resend, report=said.append)  # fmt: skip
    return outcome


def test_a_mail_whose_sending_was_not_recorded_is_not_sent_again(
    smtp: tuple[int, list[Any]],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    port, received = smtp
    full: list[bool] = []
    send, transaction = channels.send_email, Store.transaction

    def send_then_fill(*args: Any) -> Any:
        sent = send(*args)
        full.append(True)  # the server has it; from now on no write fits on the disk
        return sent

    def write(self: Store, work: Callable[[duckdb.DuckDBPyConnection], Any]) -> Any:
        if full:
            with self.statements():
                raise duckdb.TransactionException(FULL.format(wal="w.duckdb.wal"))
        return transaction(self, work)

    said: list[str] = []
    with Store.open(tmp_path / "w.duckdb") as store:
        files = written(store, tmp_path)
        monkeypatch.setattr(channels, "send_email", send_then_fill)
        monkeypatch.setattr(Store, "transaction", write)
        with pytest.raises(DiskFullError):
            deliver(store, files, port=port, said=said)
        assert len(received) == 1
        monkeypatch.undo()

        resumed = deliver(store, files, port=port, said=said)
        assert len(received) == 1, "not sent again by the resumed run"
        assert resumed.status == "skipped"
        ((line,),) = [[s for s in said if s.startswith("delivery email pm@example.com")]]
        assert line.startswith("delivery email pm@example.com: skipped (it may already have been sent: its sending "
                               "began at "), line
        assert " UTC and its outcome was never recorded; not sent again: check with the recipient, then `watchdesk " \
            "brief --name chips --db " in line, line
        assert line.endswith(" --deliver --undelivered` sends it to each target it may not have reached)"), line
        ((status, error),) = store.query("SELECT status, error FROM deliveries")
        assert status == "unconfirmed" and error.endswith("its outcome was never recorded; not sent again"), error

        again = deliver(store, files, port=port, said=said)
        assert again.status == "skipped" and len(received) == 1, "nor by the next run"
        resent = deliver(store, files, port=port, said=said, resend=True)
        assert resent.status == "sent" and len(received) == 2, "only when asked to"
