"""The TSMC Q2 2026 call: "Name (Executives)" / "Name (Analysts)" speaker lines, hard-wrapped text with
page-break blank lines, a host (not an operator) who takes the first question. Parsed by general rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.transcripts import parse_transcript

TSMC_CALL = "transcripts/tsmc/TSM_Q2_2026_earnings_call_2026-07-16.txt"


@pytest.fixture(scope="module")
def call(shared_fixtures: Path) -> dict:
    result = CliRunner().invoke(cli, ["transcript", "parse", str(shared_fixtures / TSMC_CALL)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def flags(shared_fixtures: Path) -> list[dict]:
    result = CliRunner().invoke(cli, ["flag", str(shared_fixtures / TSMC_CALL), "--no-llm"],
                                env={"WATCHDESK_MODEL": ""})
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_turn_has_its_speaker_and_role(call: dict) -> None:
    turns = call["statements"]
    assert len(turns) > 100 and all(t["speaker"] and t["role"] for t in turns)
    kinds = {t["speaker"]: t["kind"] for t in turns}
    assert kinds["Jeff Su"] == kinds["C.C. Wei"] == kinds["Jen-Chau Huang"] == "management"
    assert kinds["Sunny Lin"] == kinds["Mehdi Hosseini"] == "analyst"
    assert kinds["Operator"] == "operator"
    assert {t["role"] for t in turns} == {"Executive", "Analyst", "Operator"}


def test_qa_starts_at_the_first_analyst_question_and_the_date_is_read(call: dict) -> None:
    turns = call["statements"]
    first_qa = next(n for n, t in enumerate(turns) if t["section"] == "qa")
    assert turns[first_qa]["speaker"] == "Sunny Lin" and turns[first_qa]["text"].startswith("Congrats")
    assert all(t["section"] == "prepared" for t in turns[:first_qa])
    assert all(t["section"] == "qa" for t in turns[first_qa:])
    assert [t["speaker"] for t in turns[:first_qa]] == ["Jeff Su", "Jen-Chau Huang", "C.C. Wei", "Jeff Su"]
    assert call["call_date"] == "2026-07-16" and call["fiscal_period"] == "2026-Q2" and call["ticker"] == "TSM"
    assert call["company"] == "Taiwan Semiconductor Manufacturing Company Limited"


def test_page_break_blank_lines_and_wraps_do_not_cut_sentences(call: dict) -> None:
    cfo = call["statements"][1]["text"]
    assert "distributed TWD 156 billion for third quarter 2025 cash dividend." in cfo
    assert "\n" not in cfo


def test_capacity_and_policy_mentions_are_flagged(flags: list[dict]) -> None:
    """Read by hand: the call has no export-control or tariff talk; its supply-side talk is capacity."""
    by_text = {f["sentence"]: f for f in flags}
    tight = by_text["Well, let me say that, our packaging capacity is so tight that now it's limited by customers' "
                    "growth."]
    assert (tight["topic"], tight["polarity"], tight["section"], tight["speaker"]) == (
        "supply_chain", "negative", "qa", "C.C. Wei")
    assert by_text["Those are in shortage definitely."]["polarity"] == "negative"
    assert by_text["Sometimes we have a bottleneck."]["topic"] == "supply_chain"
    assert by_text["Intel got a U.S. policy support."]["topic"] == "geopolitical"
    inventory = by_text["Inventory days increased 7 days to 87 days, primarily due to the ramp of N2 technology."]
    assert (inventory["topic"], inventory["section"], inventory["speaker"]) == (
        "inventory", "prepared", "Jen-Chau Huang")
    assert sum(1 for f in flags if "capacity" in f["sentence"].lower()) >= 15


def test_no_export_control_or_tariff_flag_is_invented(shared_fixtures: Path, flags: list[dict]) -> None:
    text = parse_transcript((shared_fixtures / TSMC_CALL).read_bytes(), origin=TSMC_CALL).text().lower()
    assert "export" not in text and "tariff" not in text
    assert not [f for f in flags if "export" in f["sentence"].lower() or "tariff" in f["sentence"].lower()]
