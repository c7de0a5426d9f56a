"""Planner and sandbox: the plan is explicit and every step is checked in code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.graph.approval import apply_answer, approval_due
from watchdesk.graph.planner import build_plan
from watchdesk.graph.policy import check_step
from watchdesk.graph.watchlist import Policy, parse_watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef

WL = parse_watchlist(
    '[[tickers]]\nsymbol = "NVDA"\n[[tickers]]\nsymbol = "TSM"\nforms = ["20-F", "6-K"]\n'
    "[filings]\nlookback_days = 30\n"
)
COMPANIES = {
    "NVDA": CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP"),
    "TSM": CompanyRef(ticker="TSM", cik=1046179, name="TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD"),
}


def test_plan_has_one_fetch_step_per_ticker_then_flag_and_brief(tmp_path: Path) -> None:
    plan = build_plan(WL, COMPANIES, as_of=date(2025, 9, 1), out_dir=tmp_path)
    assert [s["id"] for s in plan] == ["filings:NVDA", "filings:TSM", "flagging", "briefing"]
    tsm = plan[1]["params"]
    assert tsm["forms"] == ["20-F", "6-K"] and tsm["since"] == "2025-08-02" and tsm["until"] == "2025-09-01"
    assert all(check_step(s, policy=WL.policy, out_dir=tmp_path) is None for s in plan)


def test_sandbox_refuses_domains_actions_and_paths(tmp_path: Path) -> None:
    plan = build_plan(WL, COMPANIES, as_of=date(2025, 9, 1), out_dir=tmp_path)
    fetch, brief = plan[0], plan[-1]
    assert "not in the policy" in (
        check_step(fetch, policy=Policy(allowed_domains=("example.com",)), out_dir=tmp_path) or ""
    )
    assert "not allowed" in (
        check_step({**fetch, "action": "delete_everything"}, policy=WL.policy, out_dir=tmp_path) or ""
    )
    assert "outside" in (check_step(brief, policy=WL.policy, out_dir=tmp_path / "elsewhere") or "")


def test_a_comma_in_a_folder_name_is_no_permission_separator(tmp_path: Path) -> None:
    """A security review (session 22): a transcript folder "calls,nvda" was refused as "unknown permission 'nvda'",
    and --out "q,1" refused the briefing as outside "q,1" (run done, nothing written)."""
    out = tmp_path / "q,1"
    wl = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\nsources = ["transcripts"]\n[[tickers.transcripts]]\n'
                         f'kind = "folder"\npath = "{tmp_path / "calls,nvda"}"\n')  # fmt: skip
    plan = build_plan(wl, COMPANIES, as_of=date(2025, 9, 1), out_dir=out)
    assert [check_step(s, policy=wl.policy, out_dir=out) for s in plan] == [None] * len(plan)
    assert "outside" in (check_step(plan[-1], policy=wl.policy, out_dir=tmp_path / "q") or "")


@pytest.mark.parametrize(
    ("mode", "before", "due"),
    [("always", 5, True), ("never", 0, False), ("first:2", 1, True), ("first:2", 2, False)],
)
def test_approval_modes(mode: str, before: int, due: bool) -> None:
    assert approval_due(mode, approved_before=before) is due


def test_edit_may_only_drop_steps(tmp_path: Path) -> None:
    plan = build_plan(WL, COMPANIES, as_of=date(2025, 9, 1), out_dir=tmp_path)
    decision, kept = apply_answer({"decision": "edit", "keep": ["filings:NVDA", "briefing"]}, plan)
    assert decision == "edited" and [s["id"] for s in kept] == ["filings:NVDA", "briefing"]
    with pytest.raises(ConfigError, match="not planned"):
        apply_answer({"decision": "edit", "keep": ["filings:EVIL"]}, plan)
    with pytest.raises(ConfigError):
        apply_answer("maybe", plan)


def test_a_ticker_given_by_cik_is_planned_without_a_name_it_does_not_have() -> None:
    """A review: with `cik` given and no lookup, the plan read 'NVDA (CIK 1045810, "NVDA")'."""
    from datetime import date

    from watchdesk.graph.planner import build_plan
    from watchdesk.graph.watchlist import parse_watchlist
    from watchdesk.sources.models import CompanyRef

    wl = parse_watchlist('name = "w"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\n')
    day, out = date(2026, 12, 3), Path("briefings")
    unnamed = build_plan(wl, {"NVDA": CompanyRef(ticker="NVDA", cik=1045810, name="NVDA")}, as_of=day, out_dir=out)
    named = build_plan(wl, {"NVDA": CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")}, as_of=day, out_dir=out)
    assert unnamed[0]["target"] == "NVDA (CIK 1045810)" and named[0]["target"] == 'NVDA (CIK 1045810, "NVIDIA CORP")'


def test_a_ticker_given_by_cik_gets_its_sec_name_from_the_shipped_snapshot() -> None:
    """A review (session 22): with `cik` given, news matching knew AAPL only as "AAPL", so "Apple takes wraps off new
    low-cost MacBook" was dropped as about no watched company. The shipped snapshot names it when the CIK agrees."""
    from watchdesk.graph.companies import match_companies

    wl = parse_watchlist('[[tickers]]\nsymbol = "AAPL"\ncik = 320193\n[[tickers]]\nsymbol = "NVDA"\ncik = 42\n')
    companies, unknown = match_companies(wl.tickers, {})
    assert not unknown and companies["AAPL"].name == "Apple Inc." and companies["NVDA"].name == "NVDA"
