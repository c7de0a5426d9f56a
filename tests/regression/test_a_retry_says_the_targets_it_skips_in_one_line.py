"""Found in last session's review: `watchdesk brief WL --deliver --undelivered`, the retry a failed delivery prints,
said one long line for every target the briefing had already reached ("delivery file X: skipped (this period's
briefing was already sent there; `watchdesk brief ... --deliver` sends it again)", the same command each time), so
the line that mattered, the target it retried, was lost among them. Now the targets skipped one after another for one
reason are said in one line, in the order the targets come; a skip for another reason (another process sending it, a
send that may have arrived) keeps a line of its own. A real retry: the e-mail refused by a closed port, then sent to a
real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_delivery import loopback_smtp, watchlist, written
from tests.regression.test_a_resend_goes_only_where_it_failed import delivered_once
from watchdesk.graph.cli import cli
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store


def test_the_retry_says_the_targets_that_have_it_in_one_line(tmp_path: Path) -> None:
    shared, archive = tmp_path / "shared", tmp_path / "archive"
    targets = (f'[[delivery]]\nkind = "file"\n[[delivery]]\nkind = "file"\npath = "{shared}"\n[[delivery]]\n'
               f'kind = "file"\npath = "{archive}"\n[[delivery]]\nkind = "email"\nto = ["pm@example.com"]\n')
    closed = {"WATCHDESK_SMTP_URL": "smtp://127.0.0.1:1?from=desk@example.com"}  # nothing listens: refused
    db = delivered_once(tmp_path, watchlist(targets), closed)
    with loopback_smtp() as (port, received):
        retry = CliRunner(env={"WATCHDESK_SMTP_URL": f"smtp://127.0.0.1:{port}?from=desk@example.com"}).invoke(
            cli, ["brief", "--name", "chips", "--db", str(db), "--week", "2025-W35", "--out", str(tmp_path / "out"),
                  "--deliver", "--undelivered"])  # fmt: skip
    assert retry.exit_code == 0, retry.output
    assert len(received) == 1
    lines = [line for line in retry.output.splitlines() if line.startswith("delivery ")]
    assert lines[0].startswith(f"delivery file briefing folder, file {shared}, file {archive}: skipped (this period's "
                               "briefing was already sent there; `watchdesk brief --name chips "), lines
    assert lines[1] == "delivery email pm@example.com: sent", lines
    assert sum("skipped" in line for line in lines) == 1, lines


def test_a_skip_for_another_reason_keeps_its_own_line(tmp_path: Path) -> None:
    """A second delivery of a briefing two targets have and one between them may have had (its send unconfirmed):
    three lines in the targets' order, as the reasons alternate."""
    folders = [str(tmp_path / name) for name in ("a", "b", "c")]
    wl = watchlist("".join(f'[[delivery]]\nkind = "file"\npath = "{folder}"\n' for folder in folders))
    said: list[str] = []
    with Store.open(":memory:") as store:
        files = written(store, tmp_path)
        deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r1")
        store.con.execute("UPDATE deliveries SET status = 'unconfirmed' WHERE target = ?", [folders[1]])
        deliver_briefing(files, watchlist=wl, settings=Settings(), store=store, run_id="r2", report=said.append)
    assert [line.split(": skipped (")[0] for line in said] == [f"delivery file {f}" for f in folders], said
    assert "may have arrived" in said[1] and "already sent there" in said[0] and "already sent there" in said[2]
