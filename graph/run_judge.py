"""A run's optional LLM judge of its flags (WATCHDESK_MODEL, or its replay), and what its requests used, added up as
the run's cost."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from watchdesk.graph.settings import Settings
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import redact_text


def llm_judge(
    settings: Settings,
    usage: Counter[str],
    report: Callable[[str], None],
    *,
    model: Any = None,
    topics: Sequence[str] = (),
    allowed: tuple[str, ...] = (),
    audit: Callable[[Any], None] | None = None,
    gateway: Any = None,
) -> Callable[[list[Any], str, Callable[[int], bool], list[Any]], list[Any] | None] | None:
    """The optional LLM judge; None (offline only) when no model is set or it cannot be built. It re-reads the
    flags and the candidates of `topics` the offline pass left out or was unsure of (none on a heading); its
    tokens, requests and (with WATCHDESK_LLM_PRICE) cost add up in `usage`, the run's cost. The first request that
    fails is said through `report`; for a document it got no usable answer about at all, it returns None. The model's
    requests go to its provider's host, this machine or a host in `allowed` (the policy's), each audited to `audit`, and
    counted against the budget of the run's `gateway` and tried again by its rules."""
    from watchdesk.agents.flagging.llm_judge import chat_model, model_host, refine
    from watchdesk.agents.flagging.llm_record import REPLAY_PREFIX, Asker, Recorder, asker_for, model_asker

    if model is None and not settings.model:
        return None
    models: list[Any] = [model]

    def built(made: Any) -> Any:
        models.append(made)
        return made

    try:
        if model is not None:
            ask: Asker = model_asker(model)
            ask = Recorder(ask, settings.llm_record) if settings.llm_record else ask
        else:
            build = partial(chat_model, allowed=allowed, audit=audit, budget=getattr(gateway, "spend", None),
                            rules=getattr(gateway, "config", None))  # fmt: skip
            ask = asker_for(settings.model or "", record=settings.llm_record, build=lambda spec: built(build(spec)))
    except ConfigError as exc:
        if (settings.model or "").startswith(REPLAY_PREFIX):
            raise  # a replay that cannot run must not quietly become an offline run
        report(f"LLM judge not used, polarity stays rule-based: {exc}")
        return None
    library = _core_library(topics)

    def judge(flags: list[Any], text: str, heading: Callable[[int], bool], spans: list[Any]) -> list[Any] | None:
        from watchdesk.agents.flagging.flag import unsure_flags

        # the candidates are the sentences the flags were read in (a filing's also end at a new clause after "U.S.")
        extra = [f for f in unsure_flags(text, topics=library, spans=spans) if not heading(f.start)] if library else []
        refined = refine(flags, ask=ask, text=text, extra=extra)
        if refined.errors and not usage["llm_requests_failed"]:
            # a model client's error may name its URL, and some providers take the key there (Google's ?key=)
            report(f"LLM judge: a request failed: {redact_text(refined.errors[0])}; what it was sent keeps the "
                   "offline verdicts, and a document it gets no usable answer about is stored as rule-based, for "
                   "the next run to judge (the briefing's Method counts them)")
        add_usage(usage, refined, flags=len(flags), price=settings.llm_price)
        return None if refined.asked and not refined.answered else refined.flags

    return RunJudge(judge, host=model_host(models[-1]))


class RunJudge:
    """A run's judge (agent.Judge), and the host its requests go to: the flagging step's `net:` permission in the plan
    (None: it reaches none, as a replay of recorded answers)."""

    def __init__(self, judge: Callable[..., list[Any] | None], *, host: str | None) -> None:
        self._judge, self.host = judge, host

    def __call__(
        self, flags: list[Any], text: str, heading: Callable[[int], bool], spans: list[Any]
    ) -> list[Any] | None:
        return self._judge(flags, text, heading, spans)


def judge_host(judge: object) -> str | None:
    """The host a run's judge (or None) sends its requests to, as its plan names it."""
    return judge.host if isinstance(judge, RunJudge) else None


def add_usage(usage: Counter[str], refined: Any, *, flags: int, price: tuple[float, float] | None) -> None:
    """What one document's judging used and did, added to the run's cost."""
    usage.update(refined.usage)
    usage["flags_judged"] += flags - refined.fallbacks - refined.withheld
    usage["flags_fallback"] += refined.fallbacks
    usage["flags_dropped"] += len(refined.dropped)
    usage["candidates_judged"] += refined.candidates_sent
    usage["flags_added"] += len(refined.added)
    usage["llm_requests_failed"] += len(refined.errors)
    usage["documents_unjudged"] += bool(refined.asked and not refined.answered)
    if price is not None:
        cost = (refined.usage["input_tokens"] * price[0] + refined.usage["output_tokens"] * price[1]) / 1e6
        usage["cost_usd"] = round(usage["cost_usd"] + cost, 6)


def _core_library(topics: Sequence[str]) -> Any:
    from watchdesk.agents.flagging.topics import load_topics

    core = [t for t in ("inventory", "supply_chain", "geopolitical") if t in topics]
    return load_topics(core) if core else None


def planned_judge(judge: Any, step: Mapping[str, Any], *, report: Callable[[str], None]) -> Any:
    """The run's judge when its host is one the flagging step's plan names (or it reaches none); else None, said: a run
    approved or resumed in a shell whose WATCHDESK_MODEL reaches a host the approved plan does not name flags with the
    rules alone, never sending the documents where the approver was not shown."""
    from watchdesk.graph.policy import permissions

    host = judge_host(judge)
    if host is None or f"net:{host}" in permissions(step):  # type: ignore[arg-type]
        return judge
    report(f"LLM judge not used, polarity stays rule-based: its requests would go to {host}, which the approved plan "
           f"does not name (its flagging step needs {step['permission']}); the next run plans with it")  # fmt: skip
    return None
