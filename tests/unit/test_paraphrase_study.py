"""The paraphrase study's reading of answer files (tests/packs/paraphrase_study.md): each paraphrase is read between
its source's real neighbours, labelled as its source and owned by its source call, so a fold that holds the call out
never trains on it. The sentences here are our own, not transcript text."""

from __future__ import annotations

import json
from pathlib import Path

from tests.packs import paraphrase_study as study


def test_paraphrases_take_their_sources_place_label_and_call(tmp_path: Path) -> None:
    source = {
        "id": 7, "call": "plaintext_2023_2025/XYZ_2025_Q1.txt", "before": "Thanks for the question.",
        "sentence": "Export rules on shipments to China cost us a quarter of data center revenue.",
        "after": "We expect that to continue.", "topics": {"geopolitical": "negative"},
    }  # fmt: skip
    (tmp_path / "in_0.jsonl").write_text(json.dumps(source) + "\n", encoding="utf-8")
    answer = {"id": 7, "p1": "Rules on what we may ship to China took a quarter of our data center revenue.", "p2": ""}
    (tmp_path / "out_0.jsonl").write_text(json.dumps(answer) + "\n", encoding="utf-8")
    [example] = study.paraphrase_examples(tmp_path)  # an empty paraphrase is skipped
    assert example.call.removeprefix(study.PREFIX) == source["call"]
    assert example.call.startswith(study.PREFIX) and example.gold == {"geopolitical": "negative"}
    assert example.text == answer["p1"] and example.looked


def test_usage_errors_exit_2(capsys) -> None:
    assert study.main([]) == 2
    assert study.main(["train", "x"]) == 2
    assert "paraphrase_study prep DIR" in capsys.readouterr().err


def test_test_part_examples_are_our_test_calls_alone(shared_fixtures: Path) -> None:
    from tests.labels.calls import TEST_CALLS
    from tests.packs import train_refiner

    examples = train_refiner.examples(shared_fixtures, part="test")
    assert {e.call for e in examples} == set(TEST_CALLS)  # no TUNE, dev, written or filing rows
    assert sum(e.looked for e in examples) == 353
