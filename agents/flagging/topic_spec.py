"""A caller's own topic (a watchlist's custom topics, tests), validated: names, regexes, something to match."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from watchdesk.agents.flagging.regex_cache import compile_cached

_FLAGS = re.IGNORECASE  # as topics.py compiles them


class TopicSpec(BaseModel):
    """One watched topic: literal phrases and regex patterns that mention it, and look-alikes to skip."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str
    description: str = ""
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Follow-ups that mention the topic only right after a sentence that does ("the new limits"
    # after one about export controls, "we didn't see that" after a question on pull-ins).
    context: tuple[str, ...] = ()
    # Mentions only in a document that mentions the topic directly `document_min` times or more:
    # China revenue is geopolitical in a call about export controls, a geography elsewhere.
    document: tuple[str, ...] = ()
    document_min: int = Field(default=3, ge=1)

    @field_validator("patterns", "exclude", "context", "document")
    @classmethod
    def _compiles(cls, patterns: tuple[str, ...], info: ValidationInfo) -> tuple[str, ...]:
        if info.context and info.context.get("shipped"):
            return patterns  # compile_topic compiles them anyway; compiling twice cost 0.3 s at every start
        for pattern in patterns:
            try:
                compile_cached(pattern, _FLAGS)
            except re.error as exc:
                raise ValueError(f"bad regex {pattern!r}: {exc}") from exc
        return patterns

    @model_validator(mode="after")
    def _matches_something(self) -> TopicSpec:
        if not any(p.strip() for p in self.phrases + self.patterns):
            raise ValueError(f"topic {self.name!r} needs at least one phrase or pattern")
        return self
