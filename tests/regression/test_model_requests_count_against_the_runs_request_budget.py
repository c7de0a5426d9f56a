"""A review (session 45): the LLM judge's requests were audited but not counted: the run's request budget
(max_requests_per_run, the gateway's) never saw them, and the openai SDK retried a 500 twice on its own, each retry a
row saying attempt 1. Now every model request (each retry) is counted against the run's budget, the SDK is built with
max_retries=0 and watchdesk's client tries again by the gateway's rules, each row with its attempt. A real ChatOpenAI
talks to an OpenAI-compatible stub on 127.0.0.1 that answers 500 twice, then 200."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.regression.test_the_llm_judges_requests_go_through_the_sandbox import (
    ANSWER,
    KEY,
    REQUEST,
    completion,
    reply,
)
from watchdesk.agents.flagging.llm_judge import chat_model
from watchdesk.agents.flagging.llm_record import model_asker
from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import AuditEvent

pytest.importorskip("langchain_openai")
FAST = GatewayConfig(backoff_base_s=0.01)  # the gateway's rules, with waits too short to slow the test


class Sent(list[int]):
    fails = 2


@pytest.fixture
def flaky(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sent]:
    """A chat completions server on loopback answering 500 to its first two requests (or as many as the list's own
    `fails` says), then ANSWER; the statuses sent."""
    sent = Sent()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", 0)))
            status = 500 if len(sent) < sent.fails else 200
            sent.append(status)
            reply(self, status, b'{"error": {"message": "overloaded"}}' if status == 500 else completion(ANSWER))

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.delenv("OPENAI_API_BASE", raising=False)
    try:
        yield sent
    finally:
        server.shutdown()
        server.server_close()


def test_two_500s_are_tried_again_by_watchdesks_rules_each_counted_and_audited(flaky: list[int]) -> None:
    rows: list[AuditEvent] = []
    gateway = Gateway(GatewayConfig(max_requests=10))
    model = chat_model("openai:gpt-4o-mini", audit=rows.append, budget=gateway.spend, rules=FAST)
    answer, _usage = model_asker(model)(REQUEST)
    assert answer["verdicts"][0]["polarity"] == "negative"
    assert flaky == [500, 500, 200]  # not the SDK's retries on top: three requests in all
    assert [(r.attempt, r.outcome, r.status) for r in rows] == [(1, "http_error", 500), (2, "http_error", 500),
                                                                 (3, "ok", 200)]  # fmt: skip
    assert rows[0].detail.startswith("HTTP 500; retry in ") and rows[2].detail == "HTTP 200"
    assert gateway.stats.model == 3


def test_a_spent_budget_stops_the_model_and_the_fetches_alike(flaky: list[int]) -> None:
    rows: list[AuditEvent] = []
    gateway = Gateway(GatewayConfig(max_requests=2, allowed_domains=("example.com",)))
    model = chat_model("openai:gpt-4o-mini", audit=rows.append, budget=gateway.spend, rules=FAST)
    with pytest.raises(PolicyError, match="request budget of 2 for this run spent; raise max_requests_per_run"):
        model_asker(model)(REQUEST)
    assert flaky == [500, 500]  # the third attempt was never sent
    assert [(r.attempt, r.outcome) for r in rows] == [(1, "http_error"), (2, "http_error"), (3, "refused")]
    assert rows[2].detail == "request budget of 2 for this run spent"
    with pytest.raises(PolicyError, match="request budget of 2 for this run spent"):  # refused before any connection
        gateway.get("https://example.com/feed.xml", agent="news")


def test_a_model_that_keeps_failing_is_tried_three_times_not_five(flaky: Sent) -> None:
    """A dead or overloaded server costs each of a run's many requests 2 retries (the SDK's own count), not the
    gateway's 4: a document is tens of requests."""
    flaky.fails = 99
    rows: list[AuditEvent] = []
    model = chat_model("openai:gpt-4o-mini", audit=rows.append, rules=FAST)
    with pytest.raises(Exception, match="overloaded"):
        model_asker(model)(REQUEST)
    assert [(r.attempt, r.status) for r in rows] == [(1, 500), (2, 500), (3, 500)] and flaky == [500] * 3
