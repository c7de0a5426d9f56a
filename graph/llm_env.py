"""The variables WATCHDESK_MODEL's provider reads of itself: its key, and where it is (a base URL, a region).

A chat model's client reads them from the process environment, not from watchdesk's settings, so a scheduled run
(whose cron line sources the whole env file) has them, and `watchdesk approve`, which takes only the settings it
names from that file, takes these by the model's provider. Names only: their values are never said.
"""

from __future__ import annotations

from collections.abc import Iterable

# provider (as "provider:model" names it, LangChain's names) -> how the names of the variables its client reads begin
_PREFIXES: dict[str, tuple[str, ...]] = {
    "openai": ("OPENAI_",),
    "anthropic": ("ANTHROPIC_",),
    "azure_openai": ("AZURE_OPENAI_", "OPENAI_"),
    "azure_ai": ("AZURE_AI_", "AZURE_INFERENCE_"),
    "google_genai": ("GOOGLE_", "GEMINI_"),
    "google_vertexai": ("GOOGLE_",),
    "google_anthropic_vertex": ("GOOGLE_",),
    "bedrock": ("AWS_",),
    "bedrock_converse": ("AWS_",),
    "anthropic_bedrock": ("AWS_",),
    "bedrock_mantle_anthropic": ("AWS_",),
    "bedrock_mantle_openai": ("AWS_",),
    "cohere": ("COHERE_",),
    "fireworks": ("FIREWORKS_",),
    "together": ("TOGETHER_",),
    "mistralai": ("MISTRAL_",),
    "huggingface": ("HUGGINGFACEHUB_", "HF_"),
    "groq": ("GROQ_",),
    "ollama": ("OLLAMA_",),
    "deepseek": ("DEEPSEEK_",),
    "ibm": ("WATSONX_",),
    "nvidia": ("NVIDIA_",),
    "xai": ("XAI_",),
    "perplexity": ("PPLX_", "PERPLEXITY_"),
    "upstage": ("UPSTAGE_",),
    "openrouter": ("OPENROUTER_",),
    "baseten": ("BASETEN_",),
}


def provider(model: str | None) -> str | None:
    """The provider of "provider:model" (or of a bare model name LangChain places: gpt-4o is openai's); None for no
    model, a replay of recorded answers, or a name no provider is known by."""
    if not model or model.startswith("replay:"):
        return None
    named, colon, _ = model.partition(":")
    if colon and named in _PREFIXES:
        return named
    from langchain.chat_models import base

    infer = getattr(base, "_attempt_infer_model_provider", None)
    found = infer(model) if infer is not None else None
    return found if isinstance(found, str) and found in _PREFIXES else None


def model_variables(model: str | None, names: Iterable[str]) -> list[str]:
    """Of `names`, those the model's provider reads (OPENAI_API_KEY for openai:gpt-4o-mini), sorted."""
    prefixes = _PREFIXES.get(provider(model) or "", ())
    return sorted(name for name in names if name.startswith(prefixes)) if prefixes else []
