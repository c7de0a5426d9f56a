"""Which topics a long text's Hyperscan databases are built for: one of the two selections the install compiles.

A Hyperscan database is compiled for a list of patterns (2 to 3 s of CPU for a topic selection's pre-scan, as much
again for its cues' heads) and kept in the regex cache under that list. `watchdesk flag --warm-cache` compiles those
of the default topics and of every shipped topic (warm.py). Any other selection of shipped topics (`--topics
geopolitical`, a watchlist's two topics, the refiner's core topics in another order) scans with the databases of
the smallest of those two that holds it, and uses the matches of its own topics only: a scan tells only where a
topic's patterns may match, so scanning for more patterns rules out no sentence more and flags the same, and the
first flag costs what the default's does (`watchdesk flag` of NVIDIA's FY2025 10-K with `--topics geopolitical`:
6.1 to 6.8 s of CPU, 1.2 to 1.7 s since).
A selection with a topic of its own (a watchlist's) is scanned for exactly its topics.
"""

from __future__ import annotations

from collections.abc import Iterable

from watchdesk.agents.flagging.topics import CompiledTopic, load_topics, shipped_topics

DEFAULT_TOPICS = ("inventory", "supply_chain", "geopolitical")  # cli_flag.DEFAULT_TOPICS, example_watchlist.toml


def scanned_topics(topics: Iterable[CompiledTopic]) -> list[CompiledTopic]:
    """The topics whose patterns a scan for `topics` looks for, in the order their warmed databases keep them."""
    chosen = list(topics)
    shipped = {spec.name: spec for spec in shipped_topics()}
    if any(shipped.get(topic.name) is not topic.spec for topic in chosen):
        return chosen
    names = {topic.name for topic in chosen}
    for selection in (DEFAULT_TOPICS, tuple(shipped)):
        if names <= set(selection):
            return list(load_topics(selection))
    return chosen  # pragma: no cover - every shipped selection is within all shipped topics
