"""Bug (a new user's review of bad input): a JSON transcript whose values are of the wrong kind was either reported as a
bug of watchdesk or answered with pages of Pydantic's text. `watchdesk transcript parse call.json` (and `flag`) on a
foolcalls-style file with `"call_date": "not a date"` exited 1 with "unexpected ValueError in jsonfmt.py:112: Invalid
isoformat string: 'not a date'; please report it", and with `"fiscal_period_year": "abc"` the same from meta.py; a
`statements` file with 2,000 statements whose text is a number printed 6,001 lines of "validation errors for
Transcript ... For further information visit https://errors.pydantic.dev/..."; a `call_transcript` that is a string said
`AttributeError("'str' object has no attribute 'get'")`. Now each is bad input (exit 2) said in one line naming the
file, the field and what it holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli

_SAID = "hello there, this is a statement long enough to count as speech in a call. " * 3


def _turns(n: int = 200) -> list[dict[str, str]]:
    return [{"speaker": "Jane Doe", "text": _SAID, "section": "pres"}] * n


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ({"call_date": "not a date", "call_transcript": _turns()},
         "call_date: 'not a date' is not a date like 2025-05-28"),
        ({"fiscal_period_year": "abc", "fiscal_period_qtr": "Q2", "call_transcript": _turns()},
         "fiscal_period_year 'abc' and fiscal_period_qtr 'Q2' are not a year and a quarter (1 to 4)"),
        ({"call_transcript": "x" * 20_000}, "call_transcript: expected a list of objects, got a string"),
        ({"call_transcript": [5] * 5_000}, "call_transcript[0]: expected an object, got a number"),
        ({"participants": "x", "call_transcript": _turns()}, "participants: expected an object, got a string"),
        ({"prepared_remarks": "x" * 20_000}, "prepared_remarks: expected a list of objects, got a string"),
        ({"prepared_remarks": [{"speech": _SAID}] * 200}, "prepared_remarks[0]: no speaker"),
        ({"statements": [{"speaker": None, "text": 5}] * 2_000, "pad": "word " * 3_000},
         "statements.0.text: Input should be a valid string (got 5); and 1,999 more like it"),
        ({"call_date": "not a date", "statements": [{"speaker": "A", "text": _SAID}] * 200},
         "call_date: Input should be a valid date or datetime, invalid character in year (got 'not a date')"),
    ],
)
@pytest.mark.parametrize("command", [["transcript", "parse"], ["flag"]])
def test_a_json_transcript_of_the_wrong_shape_is_bad_input_said_in_one_line(
    tmp_path: Path, command: list[str], content: dict[str, Any], said: str
) -> None:
    path = tmp_path / "call.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    result = CliRunner().invoke(cli, [*command, str(path)])
    assert result.exit_code == EXIT_CONFIG, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output[:2000]
    assert lines[0] == f"error: {path}: JSON transcript does not fit its layout: {said}"
