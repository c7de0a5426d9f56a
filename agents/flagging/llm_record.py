"""Where the judge's requests go: a chat model, a recording of one, or a replay of recorded answers.

An asker takes one request (llm_prompt.build_request) and returns its answer as JSON (a Batch) with the tokens
used, or raises. Recorded files are JSONL, one request per line, found by the request's key:

    {"key": "...", "request": {...}, "response": {"verdicts": [...]}, "usage": {"input_tokens": ...}}

A line may carry "error" instead of "response" (the recorded call failed; replay fails the same way, so the
rules' verdicts stand as they did), and a response file made elsewhere needs only "key" and "response".
A replay never guesses: a request it has no answer for raises ReplayMissError naming the request.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from watchdesk.agents.flagging.llm_prompt import Batch, request_key
from watchdesk.sources.errors import ConfigError, ReplayMissError
from watchdesk.sources.redact import redact_text

Usage = dict[str, int]
Asker = Callable[[dict[str, Any]], tuple[dict[str, Any], Usage]]
RECORD_FILE = "llm-judge.jsonl"
REPLAY_PREFIX = "replay:"
MAX_ERROR_CHARS = 500  # a client's error may carry a whole response body; its first lines say what failed


class RecordedError(RuntimeError):
    """A call that failed when it was recorded, failing again in replay."""


def model_asker(model: Any) -> Asker:
    """Requests sent to a LangChain chat model with structured output (Batch)."""
    from langchain_core.messages import HumanMessage, SystemMessage

    structured = model.with_structured_output(Batch, include_raw=True)

    def ask(request: dict[str, Any]) -> tuple[dict[str, Any], Usage]:
        answer = structured.invoke([SystemMessage(request["system"]), HumanMessage(request["user"])])
        raw = answer.get("raw") if isinstance(answer, dict) else None
        parsed = answer.get("parsed") if isinstance(answer, dict) else answer
        if not isinstance(parsed, Batch):
            error = answer.get("parsing_error") if isinstance(answer, dict) else None
            raise ValueError(f"malformed answer: {error or type(parsed).__name__}")
        return parsed.model_dump(), usage_of(raw)

    return ask


def usage_of(raw: Any) -> Usage:
    meta = getattr(raw, "usage_metadata", None) or {}
    return {k: meta[k] for k in ("input_tokens", "output_tokens", "total_tokens") if isinstance(meta.get(k), int)}


class Recorder:
    """Asks `inner` and appends each request with its answer (or its error) to DIR/llm-judge.jsonl."""

    def __init__(self, inner: Asker, directory: Path) -> None:
        self.inner = inner
        self.path = directory / RECORD_FILE
        self._lock = threading.Lock()
        directory.mkdir(parents=True, exist_ok=True)

    def __call__(self, request: dict[str, Any]) -> tuple[dict[str, Any], Usage]:
        line: dict[str, Any] = {"key": request_key(request), "request": request}
        try:
            response, usage = self.inner(request)
        except Exception as exc:
            self._append(line | {"error": recorded_error(exc)})
            raise
        self._append(line | {"response": response, "usage": usage})
        return response, usage

    def _append(self, line: dict[str, Any]) -> None:
        with self._lock, self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def recorded_error(exc: BaseException) -> str:
    """A failed call's error as a recording keeps it: secrets redacted (a recording is made to be shared) and cut
    to MAX_ERROR_CHARS."""
    said = redact_text(f"{type(exc).__name__}: {exc}")
    cut = " [... cut]"
    return said if len(said) <= MAX_ERROR_CHARS else said[: MAX_ERROR_CHARS - len(cut)] + cut


class Replay:
    """Answers from every *.jsonl file of a directory (or one file), by request key; no network."""

    def __init__(self, source: Path) -> None:
        # absolute, as a --replay pack is (sources/replay.py): its errors are read in a log or a gap from elsewhere
        source = source.expanduser().absolute()
        if not source.exists():
            raise ConfigError(f"{source} does not exist: give WATCHDESK_MODEL=replay: a file of answers or a folder of "
                              "*.jsonl files; record answers with WATCHDESK_LLM_RECORD=FOLDER and a real model, or "
                              "answer the requests of `watchdesk flag --llm-requests`")
        files = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
        if not files:
            raise ConfigError(f"{source}: no recorded LLM answers (*.jsonl); record some with WATCHDESK_LLM_RECORD")
        self.source = source
        self.answers: dict[str, dict[str, Any]] = {}
        self.where: dict[str, str] = {}  # key -> "file:line", for errors that name the answer
        for path in files:
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                key, item = _item_of(path, n, line)
                if key in self.answers and _answer(self.answers[key]) != _answer(item):
                    raise ConfigError(f"{path}:{n}: request {key} is answered twice, differently (first at "
                                      f"{self.where[key]}): keep one answer")
                self.answers.setdefault(key, item)
                self.where.setdefault(key, f"{path}:{n}")

    # A replay reproduces a run or says why it cannot: a malformed or incomplete answer is an error, never a quiet
    # fall back to the offline verdicts (llm_judge reads this)
    strict = True

    def locate(self, request: dict[str, Any]) -> str:
        key = request_key(request)
        return f"{self.where.get(key, self.source)} (request {key})"

    def __call__(self, request: dict[str, Any]) -> tuple[dict[str, Any], Usage]:
        key = request_key(request)
        line = self.answers.get(key)
        if line is None:
            first: dict[str, Any] = next(iter(request.get("mentions", [])), {})
            raise ReplayMissError(
                f"no recorded LLM answer in {self.source} for request {key} ({len(request.get('mentions', []))} "
                f"mentions, first: {first.get('topic')} {str(first.get('sentence', ''))[:80]!r}); record it with "
                f"WATCHDESK_LLM_RECORD={self.source if self.source.is_dir() else 'FOLDER'} and a real model, or "
                "answer `watchdesk flag --llm-requests`"
            )
        if "error" in line:
            raise RecordedError(line["error"])
        return line["response"], dict(line.get("usage") or {})


def _item_of(path: Path, n: int, line: str) -> tuple[str, dict[str, Any]]:
    try:
        item = json.loads(line)
        key = str(item["key"])
    except (json.JSONDecodeError, KeyError, TypeError) as exc:  # parsed once: a bad line names its file and line
        raise ConfigError(f"{path}:{n}: expected a JSON object with key and response ({exc})") from None
    if not isinstance(item, dict) or not ("response" in item or "error" in item):
        _missing(path, n)
    return key, item


def _answer(item: dict[str, Any]) -> Any:
    return item.get("response", item.get("error"))


def _missing(path: Path, n: int) -> str:
    raise ConfigError(f"{path}:{n}: a line with a key but neither response nor error: answer the request first")


def write_requests(requests: Iterable[dict[str, Any]], out: Path) -> int:
    """The requests alone, one JSON line each ({"key", "request"}); returns how many were written."""
    n = 0
    with out.open("w", encoding="utf-8") as stream:
        for request in requests:
            stream.write(json.dumps({"key": request_key(request), "request": request}, ensure_ascii=False) + "\n")
            n += 1
    return n


def asker_for(spec: str, *, record: Path | None = None, build: Callable[[str], Any]) -> Asker:
    """The asker WATCHDESK_MODEL names: "replay:DIR" or a chat model built by `build`, recorded when `record`."""
    if spec.startswith(REPLAY_PREFIX):
        asker: Asker = Replay(Path(spec.removeprefix(REPLAY_PREFIX)))
    else:
        asker = model_asker(build(spec))
    return Recorder(asker, record) if record else asker
