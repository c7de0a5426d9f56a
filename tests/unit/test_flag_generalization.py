"""Flag generalization: rules measured on sentences written apart from the dev calls.

tests/unit/data/flag_cases_independent.jsonl holds ~200 earnings-call style sentences across
industries (semis, autos, retail, industrials, pharma, energy), labelled by the rubric in
fixtures/labels/README.md, written before the rules were changed for them. Each row is
{"text", "topics": [...], "polarity": {topic: label}}; look-alikes have "topics": [].

They are split once, by a fixed hash of the text, into TUNE (rules may be adjusted after reading
its misses) and TEST (scored only, never read while tuning). The floors below sit a little under
what TEST reached when the rules were last changed.

`python -m tests.unit.test_flag_generalization [tune|test] [-v]` prints per-topic figures (and with
-v, the misses; use it on TUNE only).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics

CORE = ("inventory", "supply_chain", "geopolitical")
CASES = Path(__file__).parent / "data" / "flag_cases_independent.jsonl"
# TEST half, per topic: (precision, recall, polarity accuracy on the mentions found). Rules alone, after tuning on
# TUNE: inventory 1.000/0.947/0.833, supply_chain 0.967/0.935/0.690, geopolitical 1.000/0.964/0.741. With the
# learned second pass (refine.py, trained on real calls plus the TUNE half): 1.000/0.947/0.833, 0.963/0.839/0.654,
# 1.000/0.964/0.815. The refiner was kept because it is better on real calls never trained on (tests/labels/calls.py
# TEST), though on these one-line written cases it loses supply-chain recall. The floors guard against regressions.
# v0.13 (filing sentences teach supply and geopolitical polarity) turned one of the 26 supply-chain mentions found
# here (0.654 -> 0.615; inventory 0.833 -> 0.889, geopolitics 0.815 -> 0.778, one each) while leave-companies-out
# polarity on real calls rose (tests/packs/train_refiner.py FILING_POLARITY): the supply floor moved 0.62 -> 0.60.
FLOORS = {
    "inventory": (0.95, 0.90, 0.78), "supply_chain": (0.92, 0.80, 0.60), "geopolitical": (0.95, 0.92, 0.75),
}  # fmt: skip


def half(text: str) -> str:
    """TUNE or TEST, fixed by the text alone so the split never moves."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


@cache
def cases() -> tuple[dict, ...]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


def split(name: str) -> list[dict]:
    return [c for c in cases() if half(c["text"]) == name]


def flagged(text: str, core: TopicLibrary) -> dict[str, str]:
    """Topic -> polarity flagged on the last sentence of `text` (cases are one sentence each)."""
    last = split_sentences(text)[-1][0]
    return {f.topic: f.polarity for f in flag_text(text, topics=core) if f.start == last}


def measure(rows: list[dict], core: TopicLibrary) -> tuple[dict[str, Counter[str]], list[str]]:
    """Counts per topic (tp, fp, fn, polarity_ok) and a line per miss."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    misses = []
    for row in rows:
        got = flagged(row["text"], core)
        want = row["polarity"]
        for topic in CORE:
            w, g = want.get(topic), got.get(topic)
            counts[topic]["tp" if w and g else "fn" if w else "fp" if g else "tn"] += 1
            counts[topic]["polarity_ok"] += bool(w and g == w)
        if got != want:
            misses.append(f"got {got} want {want}: {row['text']}")
    return counts, misses


def rates(c: Counter[str]) -> tuple[float, float, float]:
    """(precision, recall, polarity accuracy on the mentions found)."""
    return c["tp"] / max(1, c["tp"] + c["fp"]), c["tp"] / max(1, c["tp"] + c["fn"]), c["polarity_ok"] / max(1, c["tp"])


def report(label: str, counts: dict[str, Counter[str]]) -> None:
    for topic in CORE:
        p, r, a = rates(counts[topic])
        n = counts[topic]["tp"] + counts[topic]["fn"]
        print(f"{label:6s} {topic:13s} P {p:.3f}  R {r:.3f}  polarity {a:.3f}  (n={n})")


@pytest.fixture(scope="module")
def core() -> TopicLibrary:
    return load_topics(CORE)


def test_split_is_fixed_and_roughly_even() -> None:
    tune, test = split("tune"), split("test")
    assert len(tune) + len(test) == len(cases()) >= 190
    assert abs(len(tune) - len(test)) <= 0.2 * len(cases())
    assert sum(bool(c["topics"]) for c in cases()) >= 150
    assert sum(not c["topics"] for c in cases()) >= 40
    for case in cases():
        assert set(case["topics"]) == set(case["polarity"]) <= set(CORE), case["text"]


def test_held_out_half_meets_floors(core: TopicLibrary) -> None:
    """TEST half (never read while tuning): per-topic precision, recall and polarity stay above floors."""
    counts, _ = measure(split("test"), core)
    print()
    report("test", counts)
    for topic in CORE:
        found = rates(counts[topic])
        assert all(f >= floor for f, floor in zip(found, FLOORS[topic], strict=True)), (topic, found)


def test_look_alikes_raise_no_flag(core: TopicLibrary) -> None:
    """China as a market, software licences, compute capacity, stock buybacks...: no core flag, either half."""
    look_alikes = [c for c in cases() if not c["topics"]]
    assert len(look_alikes) >= 40
    flagged_ones = [(c["text"], got) for c in look_alikes if (got := flagged(c["text"], core))]
    assert flagged_ones == []


if __name__ == "__main__":
    library = load_topics(CORE)
    for name in [a for a in sys.argv[1:] if a in ("tune", "test")] or ["tune", "test"]:
        found, missed = measure(split(name), library)
        report(name, found)
        if "-v" in sys.argv and name == "tune":
            print("\n".join(missed))
