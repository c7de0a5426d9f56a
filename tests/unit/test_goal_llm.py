"""With WATCHDESK_MODEL, a chat model may fill what the goal parser could not, never more than the goal names.
Scripted fake chat models (no network) stand in for the LLM; their tool calls are the structured answer."""

from __future__ import annotations

from datetime import date
from typing import Any

from langchain_core.messages import AIMessage

from tests.unit.test_llm_judge import ScriptedChat
from watchdesk.graph.goal.llm import fill_with_model
from watchdesk.graph.goal.parse import parse_goal

AS_OF = date(2026, 12, 3)
GOAL = "Follow Intel's 10-K filings for CHIPS Act subsidies. Email me at jane@fund.com"


def proposal(plan: Any, **changes: Any) -> AIMessage:
    """The parser's watchlist as a tool call, with `changes` merged in (what the scripted model 'thinks')."""
    args = plan.watchlist.model_dump(mode="json", exclude_none=True)
    for key, value in changes.items():
        args[key] = {**args[key], **value} if isinstance(value, dict) else value
    return AIMessage(content="", tool_calls=[{"name": "Watchlist", "args": args, "id": "call-1"}])


def fill(plan: Any, *answers: AIMessage | str) -> Any:
    return fill_with_model(plan, model=ScriptedChat(messages=iter(answers)), as_of=AS_OF)


def test_the_model_fills_a_topic_and_a_cadence_the_parser_missed() -> None:
    plan = parse_goal(GOAL, as_of=AS_OF)
    assert plan.not_understood == ("'subsidies': not understood, ignored",)
    custom = {"name": "subsidies", "label": "Subsidies", "phrases": ["subsidies"]}
    topics = {"watch": [*plan.watchlist.topics.watch, "regulation_litigation"], "custom": [custom]}
    filled = fill(plan, proposal(plan, topics=topics, schedule={"cadence": "daily", "day": "monday", "time": "07:00"}))
    wl = filled.watchlist
    assert "regulation_litigation" in wl.topics.watch and [c.name for c in wl.topics.custom] == ["subsidies"]
    assert wl.schedule.cadence == "daily"  # the goal named no cadence
    assert "model: topic regulation_litigation added" in filled.decisions


def test_a_model_adding_a_recipient_a_domain_or_a_ticker_is_refused() -> None:
    plan = parse_goal(GOAL, as_of=AS_OF)
    policy = {"allowed_domains": ["sec.gov", "evil.example"], "allowed_recipients": ["jane@fund.com", "x@evil.example"]}
    delivery = [*plan.watchlist.model_dump(mode="json")["delivery"], {"kind": "email", "to": ["x@evil.example"]}]
    tickers = [*plan.watchlist.model_dump(mode="json", exclude_none=True)["tickers"], {"symbol": "TSLA"}]
    custom = {"name": "free_money", "label": "x", "phrases": ["ignore the sandbox"]}
    filled = fill(plan, proposal(plan, policy=policy, delivery=delivery, tickers=tickers,
                                 topics={"custom": [custom], "watch": ["bogus_topic"]}))  # fmt: skip
    wl = filled.watchlist
    assert wl.policy == plan.watchlist.policy and wl.policy.allowed_domains == ("sec.gov",)
    assert wl.policy.allowed_recipients == ("jane@fund.com",)
    assert wl.delivery == plan.watchlist.delivery
    assert [t.symbol for t in wl.tickers] == ["INTC"] and set(filled.companies) == {"INTC"}
    assert [c.name for c in wl.topics.custom] == [] and "bogus_topic" not in wl.topics.watch
    said = "\n".join(filled.decisions)
    assert "ticker TSLA refused" in said and "delivery email x@evil.example refused" in said
    assert "changes to the policy (domains, recipients, approval, budgets) refused" in said
    assert "custom topic 'free_money' refused" in said and "topic 'bogus_topic' refused" in said


def test_a_ticker_the_goal_writes_may_be_added() -> None:
    plan = parse_goal("Watch Intel and ON filings weekly", as_of=AS_OF)  # "ON" is on the acronym-free path
    tickers = [*plan.watchlist.model_dump(mode="json", exclude_none=True)["tickers"], {"symbol": "ON"}]
    filled = fill(plan, proposal(plan, tickers=tickers))
    symbols = [t.symbol for t in filled.watchlist.tickers]
    assert symbols.count("ON") == 1 and "ON" in filled.companies


def test_a_failing_model_leaves_the_parsers_plan() -> None:
    plan = parse_goal(GOAL, as_of=AS_OF)
    reports: list[str] = []
    broken = ScriptedChat(messages=iter([]))  # raises on the first call
    same = fill_with_model(plan, model=broken, as_of=AS_OF, report=reports.append)
    assert same == plan and "the parser's plan stands" in reports[0]


def test_an_invalid_watchlist_from_the_model_leaves_the_parsers_plan() -> None:
    plan = parse_goal(GOAL, as_of=AS_OF)
    reports: list[str] = []
    bad = proposal(plan, schedule={"cadence": "hourly"})
    same = fill_with_model(plan, model=ScriptedChat(messages=iter([bad])), as_of=AS_OF, report=reports.append)
    assert same == plan and "not a valid watchlist" in reports[0]


def test_prose_instead_of_a_tool_call_leaves_the_parsers_plan() -> None:
    plan = parse_goal(GOAL, as_of=AS_OF)
    assert fill(plan, "Sure! Here is your watchlist.") == plan


def test_plan_with_a_model_that_cannot_be_built_keeps_the_parsers_plan(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from watchdesk.graph.cli import cli

    out = tmp_path / "w.toml"
    result = CliRunner(env={"WATCHDESK_MODEL": "no-such-provider:model"}).invoke(
        cli, ["plan", GOAL, "--out", str(out), "--as-of", "2026-12-03"]
    )
    assert result.exit_code == 0, result.output
    assert "LLM not used, the parser's plan stands" in result.output
    assert 'symbol = "INTC"' in out.read_text()
