"""Bugs (a new user's review of bad input) in `watchdesk sentiment`:

- `watchdesk sentiment - < sentences.jsonl` scored the one-character sentence "-" (`{"id": 1, "label": "neutral"}`) and
  never read stdin, where `transcript parse -` and `flag --text -` read it; now a lone "-" reads stdin as no argument
  does.
- a bad line of `--input sentences.jsonl` was said as "line 2: not valid JSON ..." without the file; now
  "sentences.jsonl line 2: ...".
- a line whose id is NaN or 1e999 (Python's json reads both) wrote `{"id": NaN, ...}` and `{"id": Infinity, ...}`,
  which no JSON reader downstream (jq) takes; now such a line is refused with its number, as any line that is no JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


def test_a_lone_dash_reads_the_sentences_from_stdin() -> None:
    lines = '{"id": "a", "text": "Revenue grew 20% on record demand."}\n{"id": "b", "text": "Margins fell."}\n'
    result = CliRunner().invoke(cli, ["sentiment", "-"], input=lines)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("not json", "line 2: not valid JSON (Expecting value); expected {\"id\": ..., \"text\": \"...\"}"),
        ('{"id": NaN, "text": "nan"}', "line 2: NaN is not JSON; expected {\"id\": ..., \"text\": \"...\"}"),
        ('{"id": 1e999, "text": "inf"}', "line 2: 1e999 is not a number JSON can write back; expected "
                                         "{\"id\": ..., \"text\": \"...\"}"),
    ],
)
def test_a_bad_line_names_its_file_and_number(tmp_path: Path, line: str, said: str) -> None:
    path = tmp_path / "my sentences.jsonl"
    path.write_text('{"id": 1, "text": "Revenue grew."}\n' + line + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["sentiment", "--input", str(path)])
    assert result.exit_code == EXIT_CONFIG, result.output
    assert result.stderr.strip() == f"error: {path} {said}"
    assert "NaN" not in result.stdout and "Infinity" not in result.stdout
