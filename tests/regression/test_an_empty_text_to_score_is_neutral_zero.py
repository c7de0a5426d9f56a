"""The new user's review (session 38): `watchdesk sentiment` scored a JSONL line {"text": ""} as neutral 0.0994 (the
model's bias, as if something had been said), while an empty argument was refused. A line's empty or blank text now
says nothing, neutral 0.0, in the command and in sentiment.score alike; an empty argument is still refused."""

from __future__ import annotations

import json

from click.testing import CliRunner

from watchdesk.agents.flagging.sentiment.model import score
from watchdesk.graph.cli import cli


def test_an_empty_or_blank_line_text_is_neutral_zero_and_the_others_are_scored_as_before() -> None:
    lines = [{"id": 1, "text": ""}, {"id": 2, "text": " \t "}, {"id": 3, "text": "Revenue grew 20% on record demand."}]
    result = CliRunner().invoke(cli, ["sentiment"], input="".join(json.dumps(line) + "\n" for line in lines))
    assert result.exit_code == 0, result.output
    got = [json.loads(line) for line in result.stdout.splitlines()]
    assert got[:2] == [{"id": 1, "label": "neutral", "score": 0.0}, {"id": 2, "label": "neutral", "score": 0.0}]
    label, value = score([lines[2]["text"]])[0]
    assert got[2] == {"id": 3, "label": label, "score": value} and label == "positive", got


def test_score_says_nothing_of_a_blank_text_alone_or_beside_others() -> None:
    assert score(["   "]) == [("neutral", 0.0)]
    assert score(["", "Margins fell as freight costs rose."])[0] == ("neutral", 0.0)
    assert score(["", "Margins fell as freight costs rose."])[1] == score(["Margins fell as freight costs rose."])[0]


def test_an_empty_argument_is_still_refused() -> None:
    result = CliRunner().invoke(cli, ["sentiment", ""])
    assert result.exit_code == 2 and "sentence 1 is empty" in result.stderr, result.output
