"""Optional LLM judge: re-read the offline pass's flags, and the candidates it left out, with a chat model.

Mentions go to the model in batches (llm_prompt.py renders them: each sentence inside its own delimited field
with the sentences around it and the last question before it, when the document text is given) and come back
as structured output (`Batch`). For a flag, the model may change polarity and score, or drop it as not about
its topic; for a candidate the offline pass rejected or was unsure of (`extra`), about_topic=true adds it.
Anything short of a well-formed verdict (the model raising, timing out, answering in prose, skipping or
inventing ids, a score that contradicts its polarity) keeps the offline verdict, and is counted. A replay that
lacks an answer is the exception: it raises, since a reproducible run must not quietly differ.
Where requests go (a model, a recording, a replay) is llm_record.py's business.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationError

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.llm_addressed import addresses_model
from watchdesk.agents.flagging.llm_prompt import (
    PROMPT,
    WITHHELD,
    Around,
    Batch,
    Verdict,
    build_request,
    looks_like_instruction,
    mention,
    render,
)
from watchdesk.agents.flagging.llm_record import Asker, model_asker
from watchdesk.sources.errors import ConfigError, ReplayMissError, did_you_mean
from watchdesk.sources.gateway_config import GatewayConfig
from watchdesk.sources.llm_http import PROVIDER_HOSTS, Audit, ModelClient, host_refusal, refusing_async_client
from watchdesk.sources.redact import redact_url

__all__ = [
    "PROMPT",
    "WITHHELD",
    "Batch",
    "Refined",
    "Verdict",
    "base_url",
    "chat_model",
    "model_host",
    "plan",
    "refine",
    "render",
]

BATCH = 20
TIMEOUT_S = 60.0


@dataclass(kw_only=True)
class Refined:
    """Flags after the judge, and what it cost: fallbacks, withheld sentences, dropped flags, tokens, errors."""

    flags: list[Flag]
    fallbacks: int = 0
    withheld: int = 0
    dropped: list[Flag] = field(default_factory=list)  # judged not about their topic
    added: list[Flag] = field(default_factory=list)  # candidates the offline pass left out, judged on topic
    candidates_sent: int = 0
    usage: Counter[str] = field(default_factory=Counter)
    reasons: dict[int, str] = field(default_factory=dict)  # index in `flags` -> the model's reason
    errors: list[str] = field(default_factory=list)
    asked: int = 0  # requests sent
    answered: int = 0  # of them, answered well-formed: with none of `asked` answered, nothing was judged


def chat_model(
    spec: str,
    *,
    timeout: float = TIMEOUT_S,
    allowed: tuple[str, ...] = (),
    audit: Audit | None = None,
    run_id: str | None = None,
    budget: Callable[[], str | None] | None = None,
    rules: GatewayConfig | None = None,
) -> Any:
    """The chat model named "provider:model" (Settings.model), its requests sent through watchdesk's audited client
    (sources/llm_http.py): to its provider's own host, this machine, or a host in `allowed` (a run's policy), an
    audit row each, counted against `budget` (a run's gateway's `spend`) and tried again by the gateway's `rules`, not
    the SDK's own (max_retries=0). ConfigError saying what to fix, before any connection, for a model that cannot be so
    sent."""
    from langchain.chat_models import init_chat_model

    if why := unusable(spec):
        raise ConfigError(why)
    client = ModelClient(allowed=(*allowed, *PROVIDER_HOSTS.values()), audit=audit, run_id=run_id, timeout=timeout,
                         budget=budget, rules=rules)  # fmt: skip
    try:
        model = init_chat_model(spec, timeout=timeout, temperature=0, max_retries=0, http_client=client,
                                http_async_client=refusing_async_client())  # fmt: skip
    except Exception as exc:  # the SDK's own too: openai's OpenAIError "Missing credentials" when no key is set
        client.close()
        # LangChain's first line says what is wrong; the rest (its 30 providers, a link) made a warning of 5 lines
        why = str(exc).strip().split("\n", 1)[0].strip() or type(exc).__name__
        fix = ("give provider:model, e.g. openai:gpt-4o-mini, and install that provider's langchain package"
               if isinstance(exc, (ImportError, ValueError, TypeError)) else
               "set what it asks for where the run reads it (OPENAI_API_KEY for openai:, any value for a local "
               "server; a scheduled run reads ~/.config/watchdesk/env)")  # fmt: skip
        raise ConfigError(f"WATCHDESK_MODEL={spec!r} cannot be used ({why}); {fix}") from exc
    base = base_url(model)
    if refusal := host_refusal(base, allowed=client.allowed):
        client.close()
        raise ConfigError(f"WATCHDESK_MODEL={spec!r} cannot be used: its base URL {redact_url(base)} is refused "
                          f"({refusal}); a watchlist run reaches a host its policy's allowed_domains names, every "
                          "command the provider's own host and this machine; or unset OPENAI_BASE_URL")  # fmt: skip
    return model


def unusable(spec: str) -> str | None:
    """Why WATCHDESK_MODEL=`spec` cannot be used whatever the environment holds (a provider LangChain does not know, or
    one watchdesk does not wire: only PROVIDER_HOSTS' are sent through its client), or None; no model is built."""
    if (unknown := _unknown_provider(spec)) is not None:
        return f"WATCHDESK_MODEL={spec!r} cannot be used ({unknown}); give provider:model, e.g. openai:gpt-4o-mini"
    provider = _provider(spec)
    if provider is not None and provider not in PROVIDER_HOSTS:
        return (f"WATCHDESK_MODEL={spec!r} cannot be used (watchdesk cannot yet send {provider}'s requests through its "
                "gateway, where each is checked against the allow-list and audited); give an openai:MODEL, with "
                "OPENAI_BASE_URL for an OpenAI-compatible server (Ollama's is http://localhost:11434/v1), or "
                "replay:DIR")  # fmt: skip
    return None


def base_url(model: Any) -> str:
    """Where a model chat_model built sends its requests, however its SDK was told (OPENAI_BASE_URL, OPENAI_API_BASE,
    LangSmith's gateway variables)."""
    sdk = getattr(model, "root_client", None) or getattr(model, "root_async_client", None)
    return str(getattr(sdk, "base_url", None) or getattr(model, "openai_api_base", None) or "https://api.openai.com/v1")


def model_host(model: Any) -> str | None:
    """The host (with its port where not the scheme's own) a model chat_model built sends its requests to, as a plan's
    `net:` permission names it: "api.openai.com", "localhost:11434"; None for a model with no SDK client of its own (a
    test's stand-in reaches no host)."""
    if getattr(model, "root_client", None) is None and getattr(model, "root_async_client", None) is None:
        return None
    parts = urlsplit(base_url(model))
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return host + (f":{parts.port}" if parts.port is not None and parts.port != default else "")


def _provider(spec: str) -> str | None:
    """The provider LangChain would build `spec` with ("gpt-4o" is openai's), or None where it cannot tell."""
    from langchain.chat_models import base

    named, colon, _ = spec.partition(":")
    if colon and named in (getattr(base, "_BUILTIN_PROVIDERS", None) or {}):
        return named
    infer = getattr(base, "_attempt_infer_model_provider", None)
    found = infer(spec) if infer is not None else None
    return found if isinstance(found, str) else None


def _unknown_provider(spec: str) -> str | None:
    """What is wrong with "provider:model" whose provider LangChain does not know ("opnai:gpt-4o"), with the known
    provider it is closest to; None where LangChain knows it, or its provider list cannot be read (LangChain then says
    what it says). LangChain's own words for it are "Unable to infer model provider", which hides the typo."""
    import difflib

    from langchain.chat_models import base

    provider, colon, _ = spec.partition(":")
    known = getattr(base, "_BUILTIN_PROVIDERS", None)
    if not colon or not isinstance(known, dict) or not known or provider in known:
        return None
    infer = getattr(base, "_attempt_infer_model_provider", None)
    if infer is None or infer(spec):  # a model name LangChain places by itself, colon and all
        return None
    near = difflib.get_close_matches(provider.lower(), list(known), n=1, cutoff=0.6)
    hint = did_you_mean(near) or f" (known: {', '.join(sorted(known))})"
    return f"LangChain knows no provider {provider!r}{hint}"


@dataclass(frozen=True)
class Planned:
    """One request, and which mention each of its ids stands for: (index in flags or extra, is it a flag)."""

    request: dict[str, Any]
    items: tuple[tuple[int, bool], ...]


def plan(
    flags: Sequence[Flag], *, text: str | None = None, extra: Sequence[Flag] = (), batch: int = BATCH
) -> tuple[list[Planned], int]:
    """The requests the judge sends for these flags and candidates, in text order, and how many flags were
    withheld as instruction-like (never sent); one that speaks to the model in other words goes in a request of its
    own. `text`, the document the offsets point into, gives context."""
    around = Around(text) if text else None
    items = [(i, True) for i, f in enumerate(flags) if not looks_like_instruction(f.sentence)]
    withheld = len(flags) - len(items)
    items += [(i, False) for i, f in enumerate(extra) if not looks_like_instruction(f.sentence)]
    items.sort(key=lambda it: ((flags if it[1] else extra)[it[0]].start, not it[1]))
    # A sentence that speaks to the model goes alone: whatever it tells the model can reach its own verdict only
    alone = [it for it in items if addresses_model((flags if it[1] else extra)[it[0]].sentence)]
    shared = [it for it in items if it not in set(alone)] if alone else items
    chunks = [tuple(shared[at : at + batch]) for at in range(0, len(shared), batch)] + [(it,) for it in alone]
    planned = []
    for chunk in chunks:
        mentions = []
        for local, (i, flagged) in enumerate(chunk):
            f = (flags if flagged else extra)[i]
            mentions.append(mention(local, f, around.of(f) if around else ("", "", ""), flagged=flagged))
        planned.append(Planned(build_request(mentions), chunk))
    return planned, withheld


def refine(
    flags: Sequence[Flag],
    *,
    model: Any = None,
    ask: Asker | None = None,
    text: str | None = None,
    extra: Sequence[Flag] = (),
    batch: int = BATCH,
    timeout: float = TIMEOUT_S,
) -> Refined:
    """Flags with polarity and score from the model where it gave a well-formed verdict, else as they were;
    flags judged not about their topic move to `dropped`; candidates in `extra` judged about their topic are
    added (`added`). Requests go to `ask` (llm_record.py), or to the LangChain chat `model`."""
    if ask is None:
        if model is None:
            raise ConfigError("the LLM judge needs a chat model or an asker")
        ask = model_asker(model)
    planned, withheld = plan(flags, text=text, extra=extra, batch=batch)
    result = Refined(flags=[], withheld=withheld, asked=len(planned))
    got: dict[tuple[int, bool], Verdict] = {}
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llm-judge")
    try:
        for p in planned:
            asked = pool.submit(ask, p.request)
            verdicts = _ask(asked, p.request, ask=ask, timeout=timeout, result=result)
            if not asked.done():  # stuck past its timeout: it keeps its worker, so the next batch asks on a fresh one
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llm-judge")
            for local, item in enumerate(p.items):
                if local in verdicts:
                    got[item] = verdicts[local]
                elif item[1]:
                    result.fallbacks += 1
                result.candidates_sent += not item[1]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)  # a model stuck past its timeout is left behind
    _apply(flags, extra, got, result)
    return result


def _apply(flags: Sequence[Flag], extra: Sequence[Flag], got: dict[tuple[int, bool], Verdict], result: Refined) -> None:
    """The judged flags and added candidates, in text order, with the model's reasons by position."""
    out: list[tuple[int, int, Flag, str | None]] = []
    for i, f in enumerate(flags):
        v = got.get((i, True))
        if v is not None and not v.about_topic:
            result.dropped.append(f)
        else:
            new = replace(f, polarity=v.polarity, score=round(v.score, 3), sure=None) if v else f
            out.append((f.start, 0, new, v.reason if v else None))
    for i, f in enumerate(extra):
        v = got.get((i, False))
        if v is not None and v.about_topic:
            new = replace(f, polarity=v.polarity, score=round(v.score, 3), sure=None)
            result.added.append(new)
            out.append((f.start, 1, new, v.reason))
    out.sort(key=lambda item: item[:2])
    for _, _, f, reason in out:
        if reason is not None:
            result.reasons[len(result.flags)] = reason
        result.flags.append(f)


def _ask(
    asked: Future[Any], request: dict[str, Any], *, ask: Asker, timeout: float, result: Refined
) -> dict[int, Verdict]:
    """Verdicts by batch position from the call `asked`; {} when it fails, times out or the answer is malformed."""
    try:
        response, usage = asked.result(timeout=timeout)
    except FutureTimeout:
        result.errors.append(f"no answer within {timeout:g} s")
        return {}
    except ReplayMissError:
        raise  # a replay must reproduce the recorded run or say what it lacks
    except Exception as exc:  # any failure of the model or its client falls back to the offline verdicts, counted
        result.errors.append(f"{type(exc).__name__}: {exc}")
        return {}
    result.usage.update(usage)
    result.usage["llm_requests"] += 1
    n = len(request["mentions"])
    try:
        parsed = Batch.model_validate(response)
    except ValidationError as exc:
        problem = f"malformed answer: {exc.error_count()} errors ({exc.errors()[0]['loc']}: {exc.errors()[0]['msg']})"
        _strict(ask, request, problem)
        result.errors.append(problem)
        return {}
    result.answered += 1
    # Only for the ids this request sent, once each: a second verdict for an id (one mention's text asking the model to
    # answer for another) leaves that id with neither
    sent, answered = {m["id"] for m in request["mentions"]}, Counter(v.id for v in parsed.verdicts)
    verdicts = {v.id: v for v in parsed.verdicts if v.id in sent and answered[v.id] == 1 and _consistent(v)}
    if getattr(ask, "strict", False):
        bad = [v.id for v in parsed.verdicts if v.id not in verdicts]
        missing = [i for i in range(n) if i not in verdicts and i not in bad]
        if bad or missing:
            _strict(ask, request, (f"verdicts for ids {bad} are out of range, given twice or contradict their "
                                   "polarity; " if bad else "") + (f"no verdict for ids {missing}" if missing else ""))
    return verdicts


def _strict(ask: Asker, request: dict[str, Any], problem: str) -> None:
    """A replay (strict asker) stops on a bad answer, naming where it is; a live model's is counted and falls back."""
    if getattr(ask, "strict", False):
        where = ask.locate(request) if hasattr(ask, "locate") else "the replayed answers"
        raise ConfigError(f"{where}: {problem}; a replay never falls back to the offline verdicts")


def _consistent(verdict: Verdict) -> bool:
    """A score whose sign contradicts the polarity is a malformed verdict (unless the flag is dropped anyway)."""
    if not verdict.about_topic:
        return True
    if verdict.polarity == "positive":
        return verdict.score > 0
    if verdict.polarity == "negative":
        return verdict.score < 0
    return True
