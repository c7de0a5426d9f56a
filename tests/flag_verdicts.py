"""The flagger's verdicts on a bit of text, for tests that check readings sentence by sentence."""

from __future__ import annotations

from functools import cache

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics


@cache
def core_topics() -> TopicLibrary:
    return load_topics(("inventory", "supply_chain", "geopolitical"))


def verdicts(text: str, *, refine: bool = True) -> dict[str, str]:
    """topic -> polarity of the flags on `text` (the last flag of a topic wins: tests pass one sentence)."""
    return {f.topic: f.polarity for f in flag_text(text, topics=core_topics(), refine=refine)}
