"""Bug: explore_run.ipynb's "The evidence: NVIDIA's supply-chain and inventory warnings" printed the eight strongest
warnings of the two topics together, and on the demo those were all supply chain (score -1.00), three of them one
10-K sentence said in three places: no inventory warning was quoted. It now quotes the strongest warnings of each
topic, each sentence once."""

from __future__ import annotations

import re
from pathlib import Path


def test_the_evidence_quotes_each_topic_once_per_sentence(explore_on_the_demo: tuple[Path, str, str]) -> None:
    _, printed, error = explore_on_the_demo  # the notebook on the demo's store (tests/regression/conftest.py)
    assert not error, error
    quotes = re.findall(r"^\[NVDA (\w+) [+-]\d\.\d\d [^\]]+\] (.*)$", printed, flags=re.M)
    assert {topic for topic, _ in quotes} >= {"inventory", "supply_chain"}, quotes
    assert len({sentence for _, sentence in quotes}) == len(quotes), quotes
