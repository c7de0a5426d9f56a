"""Topic names as a reader writes them, and the known ones close to a name that is none: one reading for
`watchdesk flag --topics`, `watchdesk findings --topic` and a watchlist's topics.watch. Light (no DuckDB): `flag`
imports it at start-up."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from watchdesk.sources.errors import did_you_mean


def topic_given(topic: str) -> str:
    """A topic as stored, from the way a reader writes it: "Supply chain", "supply-chain" -> "supply_chain"."""
    return re.sub(r"[\s-]+", "_", topic.strip().lower())


def close_topics(name: str, known: Sequence[str]) -> list[str]:
    """Up to three of `known` close to `name` ("geopolitics" -> geopolitical), for a "did you mean"."""
    return difflib.get_close_matches(topic_given(name), list(known), n=3, cutoff=0.6)


def unknown_topic(name: str, known: Sequence[str]) -> str:
    """ "unknown topic 'geopolitics'; did you mean geopolitical?", or the known topics when none is close."""
    return f"unknown topic {name!r}" + (did_you_mean(close_topics(name, known)) or f" (known: {', '.join(known)})")
