"""Bug (a new user's review of bad input): `watchdesk findings --ticker NVDA,TSM` exited 2 with "'NVDA,TSM' is not a
ticker" and `--topic geopolitical,inventory` with "holds no topic 'geopolitical,inventory'; did you mean geopolitical?",
though `flag --topics` and `edgar list --forms` take a comma-separated list; the help says to repeat the option. Now a
comma-separated list reads as the option repeated, for `findings` and `changes` alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


@pytest.mark.parametrize("command", ["findings", "changes"])
def test_a_comma_separated_list_is_the_option_repeated(demo_folder: Path, command: str) -> None:
    db = demo_folder / "demo.duckdb"

    def rows(*args: str) -> list[dict[str, object]]:
        result = CliRunner().invoke(cli, [command, "--db", str(db), "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    repeated = rows("--ticker", "NVDA", "--ticker", "TSM", "--topic", "geopolitical", "--topic", "inventory")
    assert repeated
    assert rows("--ticker", "NVDA,TSM", "--topic", "geopolitical, inventory") == repeated
    assert rows("--ticker", "nvda, tsm,", "--topic", "geopolitical,inventory") == repeated
