"""A review (session 44): the LLM judge's and the goal planner's model was built by `init_chat_model(spec, ...)` alone,
so the provider's SDK opened its own HTTP client and reached whatever host its base URL named: no allow-list, no
public-address check, no audit row. Now the SDK (langchain-openai's ChatOpenAI, a dev dependency here) is handed
watchdesk's client: a host off the allow-list is refused before any connection, each request leaves one audit row
(method, host, status, bytes) and no row carries the key. Here a real ChatOpenAI talks to an OpenAI-compatible stub
server on 127.0.0.1."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest

from tests.integration.test_approval import settings
from watchdesk.agents.flagging.llm_judge import chat_model
from watchdesk.agents.flagging.llm_record import model_asker
from watchdesk.graph import runner
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError, PolicyError, ResponseTooLargeError
from watchdesk.sources.llm_http import ModelClient
from watchdesk.sources.models import AuditEvent

pytest.importorskip("langchain_openai")
KEY = "sk-test-0123456789abcdefSECRET"
ANSWER = {"verdicts": [{"id": 0, "polarity": "negative", "score": -0.6, "about_topic": True, "reason": "r"}]}
CALL = "transcripts/plaintext_2023_2025/MU_2024_Q3.txt"  # the smallest whole call of the fixtures (33 KB)
REQUEST = {"system": "Judge each mention.", "user": "<mention id=0>Inventory rose.</mention>", "mentions": [{"id": 0}]}


@pytest.fixture
def stub() -> Iterator[tuple[str, list[dict[str, str]]]]:
    """An OpenAI-compatible chat completions server on loopback, answering ANSWER; it keeps each request's headers."""
    seen: list[dict[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            asked = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
            seen.append({k.lower(): v for k, v in self.headers.items()})
            ids = sorted({int(i) for i in re.findall(r'id="?(\d+)', asked["messages"][-1]["content"])} or {0})
            reply(self, 200, completion({"verdicts": [{**ANSWER["verdicts"][0], "id": i} for i in ids]}))

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", seen
    finally:
        server.shutdown()
        server.server_close()


def completion(answer: dict[str, object]) -> bytes:
    """An OpenAI chat completion whose message is `answer` as JSON."""
    return json.dumps({
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-4o-mini",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": json.dumps(answer)}}],
        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
    }).encode()  # fmt: skip


def reply(handler: BaseHTTPRequestHandler, status: int, body: bytes) -> None:
    handler.send_response(status)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _env(monkeypatch: pytest.MonkeyPatch, base: str) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", base)
    monkeypatch.delenv("OPENAI_API_BASE", raising=False)


def test_each_request_to_the_model_leaves_one_audit_row_without_the_key(
    stub: tuple[str, list[dict[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, seen = stub
    _env(monkeypatch, base)
    rows: list[AuditEvent] = []
    ask = model_asker(chat_model("openai:gpt-4o-mini", audit=rows.append, run_id="run-1"))
    for _ in range(2):
        answer, usage = ask(REQUEST)
        assert answer["verdicts"][0]["polarity"] == "negative" and usage["input_tokens"] == 11
    assert len(seen) == 2 and seen[0]["authorization"] == f"Bearer {KEY}"  # the key went to the model, only there
    assert [(r.method, r.host, r.outcome, r.status, r.agent, r.run_id) for r in rows] == [
        ("POST", "127.0.0.1", "ok", 200, "llm", "run-1")
    ] * 2
    assert all(r.nbytes > 100 and r.url == f"{base}/chat/completions" for r in rows)
    assert not any(KEY in repr(r) or "SECRET" in repr(r) or "Bearer" in repr(r) for r in rows)


def test_a_base_url_off_the_allow_list_is_refused_before_any_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    _env(monkeypatch, "https://llm.example.net/v1")
    with pytest.raises(
        ConfigError,
        match=r"base URL https://llm.example.net/v1/ is refused \(host 'llm.example.net' "
        "not allowed\\); a watchlist run reaches a host its policy's allowed_domains names",
    ):
        chat_model("openai:gpt-4o-mini")
    chat_model("openai:gpt-4o-mini", allowed=("example.net",))  # a policy that names it


def test_a_request_the_sdk_sends_elsewhere_is_refused_and_audited(monkeypatch: pytest.MonkeyPatch) -> None:
    _env(monkeypatch, "https://api.openai.com/v1")
    rows: list[AuditEvent] = []
    model = chat_model("openai:gpt-4o-mini", audit=rows.append)
    with pytest.raises(PolicyError, match=r"host 'elsewhere\.example\.org' not allowed"):
        model.http_client.get("https://elsewhere.example.org/v1/models")  # the socket guard would say if it connected
    assert [(r.host, r.outcome, r.detail) for r in rows] == [
        ("elsewhere.example.org", "refused", "host 'elsewhere.example.org' not allowed")
    ]


def test_a_provider_whose_requests_cannot_be_routed_is_refused_saying_what_to_use() -> None:
    with pytest.raises(ConfigError, match=r"cannot yet send anthropic's requests through its gateway.*openai:MODEL"):
        chat_model("anthropic:claude-x")


@pytest.mark.fixtures
def test_a_runs_model_requests_are_in_its_audit(
    stub: tuple[str, list[dict[str, str]]], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shared_fixtures: Path
) -> None:
    base, seen = stub
    _env(monkeypatch, base)
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "MU_2024_Q3.txt").write_bytes((shared_fixtures / CALL).read_bytes())
    watchlist = parse_watchlist('[[tickers]]\nsymbol = "MU"\ncik = 723125\nsources = ["transcripts"]\n'
                                f'[[tickers.transcripts]]\nkind = "folder"\npath = "{folder}"\n')  # fmt: skip
    outcome = runner.start_run(watchlist, dataclasses.replace(settings(tmp_path), model="openai:gpt-4o-mini"))
    assert outcome.status == "done"
    with duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True) as con:
        rows = con.execute("SELECT action, host, outcome, status, run_id FROM actions WHERE agent = 'llm'").fetchall()
        every = f"{con.execute('SELECT * FROM actions').fetchall()} {con.execute('SELECT * FROM runs').fetchall()}"
        spent = json.loads(con.execute("SELECT cost FROM runs").fetchall()[0][0])
    assert seen and rows == [("http.post", "127.0.0.1", "ok", 200, outcome.run_id)] * len(seen)
    assert spent["llm_requests"] == len(seen)
    assert KEY not in every and "SECRET" not in every and "Bearer" not in every


@pytest.mark.parametrize("declared", [True, False])
def test_an_answer_past_the_size_cap_is_cut_off_and_audited(declared: bool) -> None:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(200)
            if declared:
                self.send_header("content-length", "5000")
            self.end_headers()  # HTTP/1.0: without a length the body ends when the connection closes
            self.wfile.write(b"x" * 5000)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows: list[AuditEvent] = []
    try:
        client = ModelClient(allowed=(), audit=rows.append, run_id=None, timeout=5, max_bytes=1000)
        with client, pytest.raises(ResponseTooLargeError, match="the LLM answer cap of 1,000 bytes; aborted"):
            client.post(f"http://127.0.0.1:{server.server_address[1]}/v1/chat/completions", content=b"{}")
    finally:
        server.shutdown()
        server.server_close()
    assert [(r.method, r.outcome) for r in rows] == [("POST", "error")] and "1,000" in rows[0].detail
