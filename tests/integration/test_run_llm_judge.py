"""A run with an LLM polarity judge: it refines findings, its tokens are the run's cost, and a broken
model leaves the rule-based findings in place."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from langchain_core.messages import AIMessage

from tests.integration.test_approval import settings
from tests.unit.test_llm_judge import ReadingChat, ScriptedChat
from watchdesk.agents.flagging.filing_reading import accounts_verdict, in_filing
from watchdesk.agents.flagging.risk_reading import RISK_TOPICS, in_risk_factors
from watchdesk.graph import runner
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError

WATCHLIST = parse_watchlist(
    '[[tickers]]\nsymbol = "NVDA"\n[filings]\nforms = ["10-Q"]\nsince = 2025-08-01\nuntil = 2025-08-31\n'
    "limit_per_form = 1\n"
)


def everything_neutral(prompt: str) -> AIMessage:
    ids = [int(i) for i in re.findall(r'id="?(\d+)', prompt)]
    args = {"verdicts": [{"id": i, "polarity": "neutral", "score": 0.0, "reason": "test"} for i in ids]}
    usage = {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15}
    return AIMessage(content="", tool_calls=[{"name": "Batch", "args": args, "id": "c"}], usage_metadata=usage)


def findings(db: Path) -> tuple[list[tuple[str, str, int]], str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT method, polarity, count(*) FROM findings GROUP BY ALL ORDER BY ALL").fetchall()
        cost = con.execute("SELECT cost FROM runs").fetchall()[0][0]
        return rows, cost
    finally:
        con.close()


def test_judge_refines_findings_and_its_tokens_are_the_run_cost(tmp_path: Path) -> None:
    model = ReadingChat(messages=iter(()), answer=everything_neutral)
    outcome = runner.start_run(WATCHLIST, settings(tmp_path), judge_model=model)
    assert outcome.status == "done"
    rows, cost = findings(tmp_path / "a.duckdb")
    assert rows and all(method == "rules+llm" for method, _, _ in rows), rows
    # the judge's "neutral" everywhere, but for stock and supply in a filing's risk factors: those stay warnings
    # (risk_reading.py), and for stock in a filing's accounts, read by the filings' choices (filing_reading.py),
    # after the judge as before it
    con = duckdb.connect(str(tmp_path / "a.duckdb"), read_only=True)
    kept = con.execute("SELECT topic, section, polarity, sentence FROM findings WHERE polarity <> 'neutral'").fetchall()
    con.close()
    assert kept, "the 10-K's risk factors hold stock and supply mentions"
    assert any(in_risk_factors(section) for _, section, _, _ in kept)
    for topic, section, polarity, sentence in kept:
        if in_risk_factors(section):
            assert polarity == "negative" and topic in RISK_TOPICS, (topic, section)
        else:
            assert topic == "inventory" and in_filing(section) and accounts_verdict(sentence) == polarity, sentence
    spent = json.loads(cost)
    assert spent["total_tokens"] > 0 and spent["llm_requests"] == len(model.received)
    # every flag judged, and every candidate the offline pass left out or was unsure of taken in (on topic)
    assert spent["candidates_judged"] > 0 and spent["flags_added"] == spent["candidates_judged"]
    assert spent["flags_judged"] + spent["flags_added"] == sum(n for *_, n in rows)


def test_broken_model_falls_back_to_the_rules(tmp_path: Path) -> None:
    def fail() -> Iterator[AIMessage]:
        raise RuntimeError("model unavailable")
        yield  # pragma: no cover

    outcome = runner.start_run(WATCHLIST, settings(tmp_path), judge_model=ScriptedChat(messages=fail()))
    assert outcome.status == "done"
    rows, cost = findings(tmp_path / "a.duckdb")
    assert {polarity for _, polarity, _ in rows} >= {"negative", "positive"}, "rule-based verdicts kept"
    assert json.loads(cost)["flags_fallback"] == sum(n for *_, n in rows)


def test_findings_the_judge_finds_off_topic_are_not_stored_and_are_counted(tmp_path: Path) -> None:
    def drop_the_first_of_each_batch(prompt: str) -> AIMessage:
        ids = [int(i) for i in re.findall(r'<mention id="(\d+)', prompt)]
        args = {
            "verdicts": [
                {"id": i, "polarity": "negative", "score": -0.5, "reason": "test", "about_topic": i != 0} for i in ids
            ]
        }
        return AIMessage(content="", tool_calls=[{"name": "Batch", "args": args, "id": "c"}])

    model = ReadingChat(messages=iter(()), answer=drop_the_first_of_each_batch)
    outcome = runner.start_run(WATCHLIST, settings(tmp_path), judge_model=model)
    assert outcome.status == "done"
    rows, cost = findings(tmp_path / "a.duckdb")
    spent = json.loads(cost)
    # the first of each batch is dropped when a flag, and left out when a candidate; every other candidate is added
    assert spent["flags_dropped"] + spent["candidates_judged"] - spent["flags_added"] == len(model.received)
    assert sum(n for *_, n in rows) == spent["flags_judged"] - spent["flags_dropped"] + spent["flags_added"]
    prompts = [str(m[-1].content) for m in model.received]
    assert all("<before>" in p for p in prompts)  # the run hands the judge the document text


def test_the_run_records_the_judges_cost_and_the_briefing_states_it(tmp_path: Path) -> None:
    model = ReadingChat(messages=iter(()), answer=everything_neutral)
    priced = settings(tmp_path).with_(llm_price=(0.5, 2.0))  # USD per million input, output tokens
    outcome = runner.start_run(WATCHLIST, priced, judge_model=model)
    spent = json.loads(findings(tmp_path / "a.duckdb")[1])
    assert spent["cost_usd"] == round((spent["input_tokens"] * 0.5 + spent["output_tokens"] * 2.0) / 1e6, 6)
    method = Path(outcome.briefing_path or "").read_text(encoding="utf-8").split("## Method")[1]
    assert f"made {int(spent['llm_requests'])} requests, {int(spent['input_tokens'])} input" in method
    assert f"about ${spent['cost_usd']:.4f}" in method


def test_llm_record_and_price_come_from_the_environment(tmp_path: Path) -> None:
    from watchdesk.graph.settings import from_env

    found = from_env({"WATCHDESK_LLM_RECORD": str(tmp_path), "WATCHDESK_LLM_PRICE": "0.15,0.60"})
    assert found.llm_record == tmp_path and found.llm_price == (0.15, 0.6)
    with pytest.raises(ConfigError, match="WATCHDESK_LLM_PRICE"):
        from_env({"WATCHDESK_LLM_PRICE": "cheap"})
