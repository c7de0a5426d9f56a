"""Bug: a watchlist whose [[topics.custom]] had a pattern that is no regular expression (`patterns = ["("]`), or
neither phrases nor patterns, passed `run --dry-run` ("valid"); the run then resolved the tickers and stopped with
"unexpected ValidationError ... bad regex '(' ...; please report it" (exit 1). Both are now problems of the watchlist,
said by the dry run and by the run before anything is fetched (exit 2), naming the topic."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.demo import demo_pack

BAD = [
    ('patterns = ["("]', "topics.custom[0] (x): bad regex '(': missing ), unterminated subpattern at position 0"),
    ('exclude = ["[a-"]\nphrases = ["widgets"]', "topics.custom[0] (x): bad regex '[a-': unterminated character set"),
    ("", "topics.custom[0] (x): topic 'x' needs at least one phrase or pattern"),
]


@pytest.mark.parametrize("dry_run", [True, False])
@pytest.mark.parametrize(("lines", "said"), BAD)
def test_a_custom_topic_that_cannot_flag_is_a_problem(tmp_path: Path, lines: str, said: str, dry_run: bool) -> None:
    (tmp_path / "w.toml").write_text(f'[[tickers]]\nsymbol = "NVDA"\n[[topics.custom]]\nname = "x"\nlabel = "X"\n'
                                     f"{lines}\n")
    args = ["run", str(tmp_path / "w.toml"), "--replay", str(demo_pack()), "--db", str(tmp_path / "w.duckdb"),
            "--out", str(tmp_path / "out"), "--yes", *(["--dry-run"] if dry_run else [])]
    result = CliRunner().invoke(cli, args)
    output = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, output
    assert said in output and "please report it" not in output, output
    assert not (tmp_path / "w.duckdb").exists()
