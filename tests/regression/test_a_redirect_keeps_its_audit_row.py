"""A security review (session 23): a request that was redirected left the audit table no row saying so. The
gateway audits the redirect (302, "redirect to ...") and then the answer, both under the URL asked for and as
attempt 1, and the table keyed its rows by run, agent, action, URL and attempt: the second row replaced the first.
A page on an allowed host that sent the run to another host read "HTTP 200" for the first URL, and the host that
served it appeared nowhere; a redirect refused by the policy lost the row naming where it pointed. Rows held until
the run's store was open (the ticker map's requests) kept only the first of the two.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.store.store import Store

FIRST = "https://ir.example.com/q3-call.html"
THERE = "https://cdn.example.net/calls/q3.html"


def handler(request: httpx.Request) -> httpx.Response:
    if request.url.host == "ir.example.com":
        return httpx.Response(302, headers={"Location": THERE})
    return httpx.Response(200, content=b"the call")


def fetch(audit: AuditBuffer) -> None:
    config = GatewayConfig(allowed_domains=("example.com", "example.net"), rate_limits={})
    with Gateway(config, audit=audit, transport=httpx.MockTransport(handler)) as gw:
        assert gw.get(FIRST, agent="transcripts", run_id="r1", cache=False).body == b"the call"


def rows(store: Store) -> list[tuple[str, int, str]]:
    return [tuple(r) for r in store.query('SELECT target, status, detail FROM actions ORDER BY "at", status DESC')]


def test_the_redirect_and_the_answer_each_keep_their_row(tmp_path: Path) -> None:
    store, audit = Store.open(tmp_path / "s.duckdb"), AuditBuffer()
    audit.attach(store, run_id="r1")
    fetch(audit)
    assert rows(store) == [(FIRST, 302, f"redirect to {THERE}"), (FIRST, 200, "HTTP 200")]
    store.close()


def test_rows_held_before_the_store_was_open_are_written_together(tmp_path: Path) -> None:
    store, audit = Store.open(tmp_path / "s.duckdb"), AuditBuffer()
    fetch(audit)
    audit.attach(store, run_id="r1")
    assert [r[1] for r in rows(store)] == [302, 200]
    store.close()
