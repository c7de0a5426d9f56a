"""Bug: e-mail addresses that differ only by case ("PM@example.com", "pm@example.com") were one address to the
policy's allowed_recipients (it compares without case) but two to delivery: listed both ways the PM got two copies
of the briefing (two RCPTs, or two messages from two [[delivery]] entries); a watchlist that changed an address's
case sent the week's briefing to it again; and a failure to "PM@..." stayed counted by `watchdesk runs` after the
briefing reached "pm@...". Chosen: an address is compared without case everywhere (delivery_rows.key, TARGET_KEY):
its domain is case-insensitive by RFC 5321, and though its local part may in theory not be, no mail service in use
tells them apart; the allow-list already did so. The address is sent and stored as the watchlist first writes it.
Real SMTP on loopback, a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import free_port, loopback_smtp, watchlist, written
from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

URL = "smtp://127.0.0.1:{}?from=desk@example.com"


def test_two_spellings_of_one_address_get_one_copy(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace(
        'to = ["pm@example.com"]', 'to = ["PM@Example.com", "pm@example.com"]\n[[delivery]]\nkind = "email"\n'
        'to = ["pm@EXAMPLE.com"]'), encoding="utf-8")  # fmt: skip
    with loopback_smtp() as (port, received):
        result = CliRunner(env={"WATCHDESK_SMTP_URL": URL.format(port)}).invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert [e.rcpt_tos for e in received] == [["PM@Example.com"]], "one copy, to the address as first written"
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT target, status FROM deliveries") == [("PM@Example.com", "sent")]


def test_an_address_whose_case_changed_is_not_sent_the_week_again(tmp_path: Path) -> None:
    with loopback_smtp() as (port, received), Store.open(tmp_path / "d.duckdb") as store:
        files = written(store, tmp_path)
        for run_id, address in (("r1", "pm@example.com"), ("r2", "PM@EXAMPLE.COM")):  # the watchlist edited between
            (out,) = deliver_briefing(files, watchlist=watchlist(f'[[delivery]]\nkind = "email"\nto = ["{address}"]'),
                                      settings=Settings(smtp_url=URL.format(port)), store=store, run_id=run_id,
                                      backoff=0)  # fmt: skip
    assert out.status == "skipped" and len(received) == 1, "sent again for a change of case"


def test_a_failure_put_right_under_another_case_is_no_longer_counted(tmp_path: Path) -> None:
    db, _ = a_briefed_store(tmp_path)
    with Store.open(db) as store:
        files = written(store, tmp_path)
        for address, url in (("PM@example.com", URL.format(free_port())), ("pm@example.com", None)):
            with loopback_smtp() as (port, _received):  # the first with the server down, the second up
                deliver_briefing(files, watchlist=watchlist(f'[[delivery]]\nkind = "email"\nto = ["{address}"]'),
                                 settings=Settings(smtp_url=url or URL.format(port)), store=store, run_id="r0",
                                 backoff=0, resend="undelivered")  # fmt: skip
        assert sorted(store.query("SELECT target, status FROM deliveries")) == [
            ("PM@example.com", "failed"), ("pm@example.com", "sent")]
    listed = CliRunner().invoke(cli, ["runs", "--db", str(db)])
    assert "r0\tdone\t" in listed.stdout, listed.output  # before: "r0 done (delivery: 1 failed; ...)"
