"""Task of this session: `brief --week` against a weekly run's 7-day window. A run's period is the seven days ending on
its run day (Tuesday to Monday for a Monday run); an ISO week is Monday to Sunday and also counts the documents dated
up to 14 days before it and first stored in it. `brief --week`'s help said only "An ISO week, e.g. 2025-W35 (Monday
to Sunday)", so a reader could not tell that it is not a run's period, nor that a document fetched in the following
week counts in both ISO weeks (measured: the demo's TSM call of 2026-07-16 first stored on 2026-07-20 was listed, 52
findings, by `findings --week 2026-W29` and by `--week 2026-W30`). The help and README now say both; the counting
itself is unchanged (see the commit). Session 40 changed the counting: each document counts in one week (see
test_a_document_counts_in_one_iso_week_not_two.py), and the help and README say that."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _said(text: str) -> str:
    return " ".join(text.split())


def test_brief_week_help_says_what_it_counts_and_the_runs_period() -> None:
    said = _said(CliRunner().invoke(cli, ["brief", "--help"]).output)
    assert ("An ISO week, e.g. 2025-W35 (or 2025W35, 2025-w35): documents dated Monday to Sunday, and those late "
            "into it (first stored after the briefing of their own days was written; then not in their own week), as "
            "`findings --week` lists them: each document in one week. A weekly run's own period is the 7 days ending "
            "on its run day instead") in said, said


def test_readme_says_where_iso_weeks_and_runs_periods_part() -> None:
    said = _said(README.read_text(encoding="utf-8"))
    assert "**A run's periods and ISO weeks.**" in said
    assert ("counts in `--week W` by its date, unless a briefing of week W was sent on its Sunday or earlier (a "
            "`brief --week W --deliver` run on Sunday, say), before the fetch: then it counts in `--week W+1` alone, "
            "as late") in said
    assert "so the counts of consecutive periods add up to the count of their span" in said
