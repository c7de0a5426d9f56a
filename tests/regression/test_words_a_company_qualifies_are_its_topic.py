"""Bug (goals5): `watchdesk plan "Intel foundry losses"` watched INTC for the default topics (inventory, supply chain,
geopolitical) and said only "'foundry': not understood, ignored", dropping 'losses' unsaid; "watch Ford EV losses
weekly" said 'EV losses' was ignored, and "track Microsoft Azure growth and OpenAI commentary" flagged nothing of
Azure growth. A user who writes a company and then what about it means that phrase. Now two to five words right after
a watched company written as a name or ticker in capitals, none read by another parser and the last a measure
("losses", "growth", "deliveries", "ramp", "share", ...: graph/goal/qualified.py), are a custom topic, as "for foundry
losses" is. One word ("watch Intel foundry"), words that measure nothing ("NVIDIA well positioned") and companies typed
in lower case ("nvda fast growth", said as before) are not."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.goal.parse import parse_goal

DAY = date(2026, 12, 7)


def test_plan_flags_intels_foundry_losses() -> None:
    result = CliRunner().invoke(cli, ["plan", "Intel foundry losses", "--as-of", DAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert "custom topic foundry_losses: 'foundry losses' maps to no shipped topic" in result.output
    assert "not understood" not in result.output.split("Check it with")[0].lower()


@pytest.mark.parametrize(("goal", "watched", "custom"), [
    ("watch Intel foundry losses every Monday", ["INTC"], ["foundry_losses"]),
    ("watch Ford EV losses weekly", ["F"], ["ev_losses"]),
    ("Watch NVDA Blackwell ramp", ["NVDA"], ["blackwell_ramp"]),
    ("Watch Tesla Model Y deliveries and flag tariffs", ["TSLA"], ["model_y_deliveries"]),
    ("track Microsoft Azure growth and OpenAI commentary", ["MSFT"], ["azure_growth"]),
])  # fmt: skip
def test_the_words_are_its_topic(goal: str, watched: list[str], custom: list[str]) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert [t.symbol for t in plan.watchlist.tickers] == watched
    assert [c.name for c in plan.watchlist.topics.custom] == custom


@pytest.mark.parametrize(("goal", "said"), [
    ("watch Intel foundry", "'foundry': not understood, ignored"),
    ("watch nvda fast growth", "'fast growth': not understood"),
])  # fmt: skip
def test_one_word_or_a_lower_case_company_is_said_as_before(goal: str, said: str) -> None:
    plan = parse_goal(goal, as_of=DAY)
    assert not plan.watchlist.topics.custom
    assert any(n.startswith(said) for n in plan.not_understood)


def test_words_that_measure_nothing_are_no_topic() -> None:
    assert not parse_goal("watch NVIDIA well positioned", as_of=DAY).watchlist.topics.custom
