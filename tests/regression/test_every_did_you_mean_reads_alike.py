"""user7's review, left: what a slip was close to was offered in six wordings across the commands: "; did you mean
`watchdesk findings`?", "(Did you mean one of: '--limit', '--polarity'?)" (click's, for an option), "No such command
'lst'. Did you mean 'list'?" (click's, under `watchdesk edgar`), "Did you mean: NVDA, NVAX?" (an unknown ticker),
"(did you mean 'geopolitical'?)" (a topic), ": did you mean demo-2026-09-01?" (a run id). Every one now reads
"; did you mean X?" after what is wrong, several as "X, Y or Z", each as the user would type it (a command in
backticks, as it holds spaces)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.errors import UnknownTickerError, did_you_mean
from watchdesk.store.topic_names import unknown_topic

_ONE_STYLE = re.compile(r"; did you mean [^?'\"]+\?")
_OTHER_STYLES = ("Did you mean", "(did you mean", ": did you mean", "did you mean '")


@pytest.mark.parametrize(("args", "offered"), [
    (["findngs"], "; did you mean `watchdesk findings`?"),
    (["edgar", "lst"], "No such command 'lst'; did you mean `watchdesk edgar list`?"),
    (["findings", "--limt", "3"], "No such option '--limt'; did you mean --limit?"),
    (["edgar", "list", "--frms", "10-K", "NVDA"], "No such option '--frms'; did you mean --forms?"),
    (["findings", "--polarity", "negatve"], "(good news); did you mean negative?"),
    (["flag", "call.txt", "--topics", "geopolitcs"], "unknown topic 'geopolitcs'; did you mean geopolitical?"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else "")  # fmt: skip
def test_a_slip_on_the_command_line_is_offered_in_one_style(args: list[str], offered: str, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "call.txt").write_text("Inventory fell.\n")
    result = CliRunner().invoke(cli, args, prog_name="watchdesk")
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and offered in said, said
    assert _ONE_STYLE.search(said) and not any(other in said for other in _OTHER_STYLES), said


def test_the_library_messages_use_the_same_style() -> None:
    assert str(UnknownTickerError("NVDAA", ["NVDA", "NVAX", "NOVA"])) == \
        "unknown ticker 'NVDAA': not in SEC's ticker map; did you mean NVDA, NVAX or NOVA?"
    assert unknown_topic("geopolitics", ["geopolitical", "inventory"]) == \
        "unknown topic 'geopolitics'; did you mean geopolitical?"
    assert unknown_topic("weather", ["geopolitical", "inventory"]) == \
        "unknown topic 'weather' (known: geopolitical, inventory)"
    assert did_you_mean([]) == "" and did_you_mean(["a", "b"]) == "; did you mean a or b?"
