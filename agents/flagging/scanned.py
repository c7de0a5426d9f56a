"""Which topics a long text's Hyperscan databases are built for: every shipped topic, the one selection the install
compiles.

A Hyperscan database is compiled for a list of patterns (2 to 3 s of CPU for a topic selection's pre-scan, as much
again for its cues' heads) and kept in the regex cache under that list. `watchdesk flag --warm-cache` compiles those
of every shipped topic (warm.py). Any selection of shipped topics (the default three, `--topics geopolitical`, a
watchlist's two topics, the refiner's core topics in another order) scans with them and uses the matches of its own
topics only: a scan tells only where a topic's patterns may match, so scanning for more patterns rules out no
sentence more and flags the same, and the first flag costs what the default's does (`watchdesk flag` of NVIDIA's
FY2025 10-K with `--topics geopolitical`: 6.1 to 6.8 s of CPU, 1.2 to 1.7 s since). Scanning for all nine topics
rather than the default three costs no measurable time (a warm flag of NVIDIA's FY2025 10-K, 0.24 s either way),
and the warm-up compiles one pair of databases, not two. A selection with a topic of its own (a watchlist's) is
scanned for exactly its topics.
"""

from __future__ import annotations

from collections.abc import Iterable

from watchdesk.agents.flagging.topics import CompiledTopic, load_topics, shipped_topics


def scanned_topics(topics: Iterable[CompiledTopic]) -> list[CompiledTopic]:
    """The topics whose patterns a scan for `topics` looks for, in the order their warmed databases keep them."""
    chosen = list(topics)
    shipped = {spec.name: spec for spec in shipped_topics()}
    if any(shipped.get(topic.name) is not topic.spec for topic in chosen):
        return chosen
    return list(load_topics())
