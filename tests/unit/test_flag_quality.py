"""Flag quality: recall, precision and polarity per topic on the hand-labelled dev set, and our own cases.

The dev set (fixtures/labels/topic_mentions_dev.jsonl, 635 rows from 10 calls) is read three ways:

- document: each call flagged whole, as the flagging agent and `watchdesk flag` do, so follow-ups
  ("the new limits" after export controls) and document-wide patterns count; a flag on a sentence
  the set does not list is also reported ("unlisted"; the set only covers regex candidates and
  annotator additions, so these are partly missed mentions, partly false alarms);
- with the previous sentence: the row's `context_before` and its sentence, nothing else;
- sentence alone.

The rules were tuned on these calls, so the figures below are in-sample. Honest held-out figures
come from how they were built: calls were split into folds A, B, C before any error was read; rules
were tuned on A only and measured on B and C, then tuned on A+B and measured on C (see the report
of issue 5). On C, never read while tuning: inventory P 0.96 R 0.96 pol 0.89, supply_chain P 1.00
R 0.93 pol 0.82, geopolitical P 0.96 R 0.59 pol 0.65 (document mode). The numeric knobs of the
polarity judge are cross-validated here for real: the threshold is chosen on two folds and
scored on the third.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from tests.labels.calls import Verdicts, document_pairs, rates, report, tally
from watchdesk.agents.flagging.cues import scoring
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import TopicLibrary, load_topics

CORE = ("inventory", "supply_chain", "geopolitical")
FOLDS = {
    "A": ("plaintext_2023_2025/NVDA_2026_Q1.txt", "plaintext_2023_2025/MU_2024_Q2.txt",
          "motley_fool_json/TEL_q3_2021.json", "plaintext_2023_2025/AMD_2024_Q4.txt"),
    "B": ("plaintext_2023_2025/AMD_2025_Q2.txt", "motley_fool_json/GLW_q2_2021.json",
          "plaintext_2023_2025/NVDA_2025_Q2.txt"),
    "C": ("plaintext_2023_2025/NVDA_2024_Q3.txt", "plaintext_2023_2025/MU_2025_Q3.txt",
          "motley_fool_json/HPE_q3_2021.json"),
}  # fmt: skip
CASES = Path(__file__).parent / "data" / "flag_cases.jsonl"
# Measured in-sample when these rules were written, minus a little: (precision, recall, polarity).
FLOORS = {  # mode -> topic -> (precision, recall, polarity)
    "document": {"inventory":(0.95, 0.93, 0.83), "supply_chain":(0.95, 0.88, 0.85), "geopolitical":(0.95, 0.93, 0.82)},
    "previous": {"inventory":(0.95, 0.92, 0.83), "supply_chain":(0.95, 0.86, 0.85), "geopolitical":(0.95, 0.78, 0.8)},
    "alone": {"inventory":(0.95, 0.88, 0.83), "supply_chain":(0.95, 0.83, 0.85), "geopolitical":(0.95, 0.62, 0.79)},
}  # fmt: skip
UNLISTED_PRECISION = {"inventory": 0.95, "supply_chain": 0.87, "geopolitical": 0.90}  # counting unlisted flags as wrong


@pytest.fixture(scope="module")
def core() -> TopicLibrary:
    return load_topics(CORE)


@pytest.fixture(scope="module")
def rows(shared_fixtures: Path) -> list[dict]:
    path = shared_fixtures / "labels" / "topic_mentions_dev.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def last_sentence_flags(text: str, core: TopicLibrary) -> Verdicts:
    last = split_sentences(text)[-1][0]
    return {f.topic: f.polarity for f in flag_text(text, topics=core) if f.start == last}


def check(counts: dict[str, Counter[str]], floors: dict[str, tuple[float, float, float]]) -> None:
    for topic in CORE:
        found = rates(counts[topic])
        assert all(f >= floor for f, floor in zip(found, floors[topic], strict=True)), (topic, found)


def test_dev_set_per_call_document(shared_fixtures: Path, rows: list[dict], core: TopicLibrary) -> None:
    """Whole calls, as the agent flags them: every topic meets its floor; unlisted flags stay few."""
    print()
    everything: dict[str, Counter[str]] = defaultdict(Counter)
    for fold, files in FOLDS.items():
        counts = tally(document_pairs(shared_fixtures, rows, files, core))
        report(f"document, fold {fold}", counts)
        for topic in CORE:
            everything[topic].update(counts[topic])
    report("document, all", everything)
    check(everything, FLOORS["document"])
    for topic, floor in UNLISTED_PRECISION.items():
        c = everything[topic]
        assert c["tp"] / (c["tp"] + c["fp"] + c["unlisted"]) >= floor, topic


@pytest.mark.parametrize("mode", ["previous", "alone"])
def test_dev_set_per_sentence(rows: list[dict], core: TopicLibrary, mode: str) -> None:
    """A row read with its previous sentence, or alone: how much the rules get without the whole call."""
    pairs = []
    for row in rows:
        text = f"{row['context_before']} {row['sentence']}".strip() if mode == "previous" else row["sentence"]
        pairs.append((row["topics"], last_sentence_flags(text, core)))
    counts = tally(pairs)
    print()
    report(mode, counts)
    check(counts, FLOORS[mode])


def test_polarity_threshold_chosen_on_other_calls_holds_on_held_out_calls(
    shared_fixtures: Path, rows: list[dict], core: TopicLibrary
) -> None:
    """Leave-calls-out for the judge's threshold: pick it on two folds, score polarity on the third."""
    grid = (0.2, 0.25, 0.3, 0.35, 0.4)
    accuracy: dict[tuple[str, float], float] = {}
    for fold, files in FOLDS.items():
        for threshold in grid:
            knobs = dataclasses.replace(scoring(), threshold=threshold)
            counts = tally(document_pairs(shared_fixtures, rows, files, core, knobs))
            ok, found = (sum(counts[t][k] for t in CORE) for k in ("polarity_ok", "tp"))
            accuracy[fold, threshold] = ok / found
    print()
    for held_out in FOLDS:
        train = [f for f in FOLDS if f != held_out]
        best = max(grid, key=lambda th: sum(accuracy[f, th] for f in train))
        chosen = f"threshold {best} (chosen on {'+'.join(train)})"
        print(f"held out {held_out}: {chosen} -> polarity {accuracy[held_out, best]:.3f}")
        assert accuracy[held_out, best] >= 0.80


def test_own_cases_look_alikes_raise_no_flag(core: TopicLibrary) -> None:
    """Our labelled look-alikes (China as a market, software licences, capital constrained...) raise no flag."""
    cases = [c for c in _cases() if not c["expect"]]
    assert len(cases) >= 10
    for case in cases:
        assert last_sentence_flags(case["text"], core) == {}, case["why"]


def test_own_cases_topics_and_polarity(core: TopicLibrary) -> None:
    """Positive geopolitical news, tariffs, follow-ups and the rest of our own cases, written from the rubric."""
    cases = [c for c in _cases() if c["expect"]]
    topics_ok = polarity_ok = 0
    for case in cases:
        got = last_sentence_flags(case["text"], core)
        topics_ok += set(got) == set(case["expect"])
        polarity_ok += got == case["expect"]
        if got != case["expect"]:
            print(f"\nmiss: {case['why']}: {got} (want {case['expect']})")
    print(f"\nown cases: topics right {topics_ok}/{len(cases)}, topics and polarity right {polarity_ok}/{len(cases)}")
    assert topics_ok == len(cases)
    assert polarity_ok >= 0.95 * len(cases)


def _cases() -> list[dict]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
