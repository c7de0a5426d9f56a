"""Bug: a target taken out of the watchlist kept its last failed, refused or unconfirmed delivery for ever: `watchdesk
runs` went on saying "r0 done (delivery: 1 failed; ...)" week after week, though nothing would ever send to it again.
Now a delivery of the watchlist's briefing retires the earlier undelivered deliveries of targets it no longer has: a
`removed` row after each (and an audit row), said once ("removed from the watchlist, so its earlier undelivered
briefing ... is no longer counted or sent"), so `watchdesk runs` stops counting it; its own rows and the run's trail
stay as they were, and put back in the watchlist it is sent to again. Real SMTP on loopback, a real DuckDB file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from tests.regression.test_a_greylisted_recipient_is_tried_again import serving
from watchdesk.graph.cli import cli
from watchdesk.store.store import Store

BOTH = 'to = ["pm@example.com", "cfo@desk.example.com"]'


class NoCfo:
    """Takes the PM; refuses the CFO for good until `cfo` is set."""

    def __init__(self) -> None:
        self.cfo, self.rcpts = False, list[list[str]]()

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address.startswith("cfo@") and not self.cfo:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.rcpts.append(list(envelope.rcpt_tos))
        return "250 OK"


def listed(db: Path, *run: str) -> str:
    result = CliRunner().invoke(cli, ["runs", *run, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_removed_target_stops_being_said_failed_and_its_history_stays(tmp_path: Path) -> None:
    db, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    first = wl.read_text(encoding="utf-8").replace('to = ["pm@example.com"]', BOTH).replace(
        'allowed_recipients = ["pm@example.com"]', 'allowed_recipients = ["pm@example.com", "@desk.example.com"]')
    wl.write_text(first, encoding="utf-8")
    server = NoCfo()
    with serving(server) as port:
        env = {"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}
        sent = CliRunner(env=env).invoke(cli, args)
        assert sent.exit_code == 1, sent.output
        assert "r0\tdone (delivery: 1 failed; `watchdesk runs r0` says which)" in listed(db)

        wl.write_text(first.replace(BOTH, 'to = ["pm@example.com"]'), encoding="utf-8")  # the CFO left the desk
        again = CliRunner(env=env).invoke(cli, [*args, "--undelivered"])
        said = " ".join(again.output.split())
        assert again.exit_code == 0, said
        assert ("delivery email cfo@desk.example.com: removed from the watchlist, so its earlier undelivered briefing "
                "(2025-08-25 to 2025-08-31 (failed)) is no longer counted or sent (`watchdesk runs` keeps the "
                "trail)") in said, said  # fmt: skip
        assert "r0\tdone\t" in listed(db), "before: still '1 failed', for ever"  # fmt: skip
        # the history is kept: the failed attempt, in the trail of the send that made it
        trail = listed(db, sent.output.split("delivery audited as ")[1].split(":`")[0].split(": `")[0])
        assert "deliver.email\tfailed\tcfo@desk.example.com\t" in trail and "550 5.1.1" in trail, trail

        server.cfo = True  # back at the desk, and in the watchlist: sent to
        wl.write_text(first, encoding="utf-8")
        back = CliRunner(env=env).invoke(cli, [*args, "--undelivered"])
        assert back.exit_code == 0, back.output
    assert server.rcpts == [["pm@example.com"], ["cfo@desk.example.com"]], "the PM once, the CFO once it is back"
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT target, status FROM deliveries ORDER BY \"at\"") == [
            ("pm@example.com", "sent"), ("cfo@desk.example.com", "failed"), ("cfo@desk.example.com", "removed"),
            ("cfo@desk.example.com", "sent")]
