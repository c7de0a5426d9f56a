"""A user walkthrough (session 27): `watchdesk flag` wrote {"polarity": "neutral", "score": 0.401} for a TSMC call's
supply-chain sentence, and the user read "neutral" beside +0.40 as a contradiction. The score is not the sentence's
sentiment (`watchdesk sentiment` gives that: 0.2163 for it): it is how far the topic's polarity reading leans toward
good news or a warning (the learned pass's P(positive) - P(negative)); the polarity is the likeliest verdict, so a
neutral flag may lean. The help of `flag` and `findings` and the README now label the two fields so; verdicts and
scores are unchanged."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tests.conftest import REPO
from watchdesk.graph.cli import cli
from watchdesk.store import explore

LABELS = ('"polarity": the verdict', '"score": its lean in [-1, 1]')
EXPLAINED = "a neutral flag may lean (neutral at +0.40: nearer good news than a warning)"


def help_of(*command: str) -> str:
    return " ".join(CliRunner().invoke(cli, [*command, "--help"]).output.split())


def test_flag_help_labels_the_verdict_and_its_lean() -> None:
    said = help_of("flag")
    assert all(label in said for label in LABELS) and EXPLAINED in said
    assert "not the sentence's sentiment (`watchdesk sentiment` gives that)" in said


def test_findings_help_and_readme_say_the_same() -> None:
    assert "score (the lean of its polarity, -1 a warning .. +1 good news: a neutral finding may lean)" in help_of(
        "findings")  # fmt: skip
    row = next(line for line in (REPO / "README.md").read_text().splitlines() if line.startswith("| `watchdesk flag`"))
    assert '`"polarity"` is the verdict and `"score"` its lean' in row


def test_neutral_findings_that_lean_are_what_the_help_explains(demo_folder: Path) -> None:
    """The demo's store holds such findings (as the briefing quotes them: "neutral (-0.20, unsure)")."""
    rows = explore.findings(demo_folder / "demo.duckdb", polarity="neutral")
    assert any(abs(r["score"]) >= 0.3 for r in rows)
