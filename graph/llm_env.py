"""The variables WATCHDESK_MODEL's provider reads of itself: its key, and where it is (a base URL, a region).

A chat model's client reads them from the process environment, not from watchdesk's settings, so a scheduled run
(whose cron line sources the whole env file) has them, and `watchdesk approve`, which takes only the settings it
names from that file, takes these by the model's provider. Names only: their values are never said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# provider (as "provider:model" names it) -> how the names of the variables its client reads begin: only the providers
# watchdesk sends through its own client (sources/llm_http.PROVIDER_HOSTS). Any other is refused when the model is built
# (llm_judge.unusable), so no variable of its (ANTHROPIC_*, AWS_*, ...) is taken from the env file for it.
_PREFIXES: dict[str, tuple[str, ...]] = {"openai": ("OPENAI_",)}


def provider(model: str | None) -> str | None:
    """The provider of "provider:model" (or of a bare model name LangChain places: gpt-4o is openai's); None for no
    model, a replay of recorded answers, a name no provider is known by, or a provider watchdesk does not wire."""
    if not model or model.startswith("replay:"):
        return None
    named, colon, _ = model.partition(":")
    if colon and named in _PREFIXES:
        return named
    from langchain.chat_models import base

    infer = getattr(base, "_attempt_infer_model_provider", None)
    found = infer(model) if infer is not None else None
    return found if isinstance(found, str) and found in _PREFIXES else None


def model_env_note(env: Mapping[str, str], *, where: str) -> str | None:
    """What a scheduled run's environment `env` (read from `where`) makes of WATCHDESK_MODEL, when its LLM judge will
    not be used: a provider watchdesk refuses, or the provider's key not set there. None when fine, or no model (or
    replay:DIR, which needs no key) is set. The judge is optional: said, never a reason to install nothing."""
    spec = env.get("WATCHDESK_MODEL") or ""
    if not spec or spec.startswith("replay:"):
        return None
    from watchdesk.agents.flagging.llm_judge import unusable

    if why := unusable(spec):
        return f"{where}: {why}; until then the scheduled runs' polarity stays rule-based"
    if provider(spec) == "openai" and not env.get("OPENAI_API_KEY"):
        return (f"{where} sets WATCHDESK_MODEL={spec!r} but not OPENAI_API_KEY (any value for a local server): the "
                "scheduled runs' LLM judge gets no answer and their polarity stays rule-based; add "
                "`export OPENAI_API_KEY=...` there")  # fmt: skip
    return None


def model_variables(model: str | None, names: Iterable[str]) -> list[str]:
    """Of `names`, those the model's provider reads (OPENAI_API_KEY for openai:gpt-4o-mini), sorted."""
    prefixes = _PREFIXES.get(provider(model) or "", ())
    return sorted(name for name in names if name.startswith(prefixes)) if prefixes else []
