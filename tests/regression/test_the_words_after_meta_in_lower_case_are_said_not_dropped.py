"""Bug (goals3): `watchdesk plan "watch nvda meta commentary"` watched NVDA and said only "'meta': not understood,
ignored (in lower case a word, not the ticker of Meta Platforms, Inc. (META): write META or $META to watch it)";
'commentary' was dropped unsaid, so the user could not tell that nothing of "meta commentary" was flagged. In "H-1B
visa issues" 'visa issues' was dropped with no word at all. A lower-case word that is a company's ticker or alias but
read as the word ("meta commentary" stays words, as the README says) is now said with the unread words it qualifies,
and what each is: "'meta commentary': ... 'commentary' names no topic watchdesk reads"."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 3)


def test_watchdesk_plan_says_meta_commentary_was_ignored() -> None:
    result = CliRunner().invoke(cli, ["plan", "watch nvda meta commentary", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("'meta commentary': not understood, ignored ('meta' in lower case is a word, not the ticker of Meta "
            "Platforms, Inc. (META): write META or $META to watch it; 'commentary' names no topic watchdesk reads)"
            ) in said


def test_visa_issues_are_said() -> None:
    plan = parse_goal("Monitor NVIDIA meta commentary and H-1B visa issues", as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == ["NVDA"]
    assert ("'visa issues': not understood, ignored ('visa' in lower case is the word, not VISA INC. (V); 'issues' "
            "names no topic watchdesk reads)") in plan.not_understood


def test_a_word_it_qualifies_that_is_read_is_not_said() -> None:
    plan = parse_goal("watch NVDA and meta commentary weekly", as_of=DAY)
    assert plan.watchlist.schedule.cadence == "weekly"
    assert [n.split(":")[0] for n in plan.not_understood] == ["'meta commentary'"]
