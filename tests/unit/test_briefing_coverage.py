"""What a briefing may say was read, per ticker and source, from the runs' stored plans and gaps (coverage.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from watchdesk.agents.briefing.coverage import FOLDERS_ONLY, Run, held, runs_from, sources_read
from watchdesk.agents.briefing.model import SourceRead
from watchdesk.agents.briefing.spans import merged, minus, said

DAY = date(2026, 9, 1)
WEEK = (date(2026, 3, 2), date(2026, 3, 8))
ALL = {"NVDA": ("edgar", "transcripts", "news"), "TSM": ("edgar", "transcripts", "news"),
       "ASML": ("edgar", "transcripts", "news"), "AMD": ("edgar", "news")}  # fmt: skip


def step(step_id: str, **params: Any) -> dict[str, Any]:
    agent, _, ticker = step_id.partition(":")
    if agent == "filings":
        params = {"since": "2026-01-01", "until": "2026-09-01", **params}
    if agent == "news":
        params = {"since": "2026-01-01", "tickers": [{"symbol": t} for t in ALL], **params}
    return {"id": step_id, "agent": agent, "target": f"target of {step_id}", "params": {"ticker": ticker, **params}}


def gap(step_id: str, target: str | None = None, reason: str = "404", days: tuple[date, date] | None = None
        ) -> dict[str, Any]:  # fmt: skip
    agent, _, ticker = step_id.partition(":")
    first, last = days or (None, None)
    return {"run_id": "r", "agent": agent, "ticker": ticker or None, "target": target or f"target of {step_id}",
            "reason": reason, "unread_from": first, "unread_to": last}  # fmt: skip


def read(plan: list[dict[str, Any]], gaps: list[dict[str, Any]], period: tuple[date, date] = WEEK
         ) -> dict[tuple[str, str], SourceRead]:  # fmt: skip
    runs = runs_from([{"run_id": "r", "day": DAY, "plan": plan}], [stored(g) for g in gaps])
    said_ = sources_read(runs, tickers=list(ALL), sources=ALL, period=period, gaps=held(runs, period=period))
    return {(r.ticker, r.source): r for r in said_}


PLAN = [step(f"{agent}:{t}") for agent in ("filings", "transcripts") for t in ("NVDA", "TSM", "ASML")] + [
    step("filings:AMD"), step("news")]


def test_a_failed_step_reads_none_of_its_days_and_a_missed_filing_leaves_its_day_unread() -> None:
    # a failed or refused step stores a gap naming its own target; a step that ran names what it missed
    said_ = read(PLAN, [gap("filings:ASML"), gap("transcripts:ASML", "ASML transcripts",
                                                  reason="no earnings call found for ASML: tried nothing"),
                        gap("filings:NVDA", "10-K 0001045810-26-000021", days=(date(2026, 3, 4),) * 2)])  # fmt: skip
    asml = said_["ASML", "filings"]
    assert asml.none_read and asml.failed and asml.why == ("its filings could not be listed (see Gaps)",)
    assert said_["ASML", "transcripts"].why == ("its calls could not be read (see Gaps)",)
    assert said_["ASML", "news"].why == () and said_["NVDA", "transcripts"].why == ()
    nvda = said_["NVDA", "filings"]
    assert not nvda.none_read and nvda.why == ("1 filing of it dated in this period could not be fetched (see Gaps)",)


def test_an_unlisted_older_page_and_the_filing_window_say_which_days_were_not_read() -> None:
    older = gap("filings:TSM", "older filings of CIK 1046179", days=(date(2026, 1, 1), date(2026, 4, 9)))
    tsm = read(PLAN, [older])["TSM", "filings"]
    assert tsm.none_read and tsm.why == ("its filings before 2026-04-10 were not listed (see Gaps)",)
    assert read(PLAN, [older], (date(2026, 4, 13), date(2026, 4, 19)))["TSM", "filings"].why == ()
    before = read(PLAN, [], (date(2025, 8, 25), date(2025, 8, 31)))
    assert before["TSM", "filings"].why == ("the runs looked at its filings for 2026-01-01 to 2026-09-01 only (the "
                                            "watchlist's filing window)",)  # fmt: skip
    assert not before["TSM", "filings"].failed and before["TSM", "transcripts"].why == ()
    assert before["TSM", "news"].why == ("the runs looked at news on it for 2026-01-01 to 2026-09-01 only",)
    after = read(PLAN, [], (date(2026, 9, 7), date(2026, 9, 13)))["TSM", "transcripts"]
    assert after.why == ("the runs looked at its calls up to 2026-09-01 only",) and after.none_read


def test_a_source_no_run_planned_was_left_out() -> None:
    amd = read(PLAN, [])["AMD", "filings"], read([s for s in PLAN if s["id"] != "filings:AMD"], [])["AMD", "filings"]
    assert amd[0].why == () and amd[1].why == ("its filings were left out of the run",)
    assert amd[1].none_read and amd[1].failed


def test_spans() -> None:
    d = date.fromisoformat
    assert merged([(d("2026-01-05"), d("2026-01-09")), (d("2026-01-01"), d("2026-01-04"))]) == [
        (d("2026-01-01"), d("2026-01-09"))]
    assert minus([(d("2026-01-01"), d("2026-01-31"))], [(d("2026-01-10"), d("2026-01-19"))]) == [
        (d("2026-01-01"), d("2026-01-09")), (d("2026-01-20"), d("2026-01-31"))]
    assert minus([(date.min, d("2026-01-31"))], [(date.min, date.max)]) == []
    assert said([(date.min, d("2026-09-01")), (d("2027-01-01"), date.max)]) == "up to 2026-09-01 and from 2027-01-01 on"


def runs(*plans_and_gaps: tuple[str, date, list[dict[str, Any]], list[dict[str, Any]]]) -> list[Run]:
    rows = [{"run_id": run_id, "day": day, "plan": plan} for run_id, day, plan, _ in plans_and_gaps]
    return runs_from(rows, [{**g, "run_id": run_id} for run_id, _, _, gaps in plans_and_gaps for g in gaps])


def stored(row: dict[str, Any], *, done_since: bool | None = None, at: date = DAY) -> dict[str, Any]:
    return {**row, "done_since": done_since, "created_at": datetime.combine(at, datetime.min.time())}


def test_a_gap_is_listed_while_it_holds_for_the_period_each_target_once() -> None:
    march = (date(2026, 3, 4),) * 2
    missed = stored(gap("filings:NVDA", "10-K 0001045810-26-000021", days=march))
    compared = stored(gap("filings:NVDA", "compare 10-Q 1 with 2", days=march), done_since=True)
    file = stored(gap("transcripts:NVDA", "NVDA transcript …/q1.txt"))
    failed = stored(gap("filings:ASML"))
    first = ("r1", date(2026, 6, 1), PLAN, [missed, compared, file, failed])
    held_ = {(g.row["run_id"], g.row["target"]) for g in held(runs(first), period=WEEK)}
    assert held_ == {("r1", t) for t in ("10-K 0001045810-26-000021", "NVDA transcript …/q1.txt", "target of "
                                                                                               "filings:ASML")}
    # a later run: the transcript was read (its step ran, it recorded no such gap), ASML's filing list was read for
    # the week, the filing failed again (listed once, as that run said it)
    second = ("r2", DAY, PLAN, [stored(missed)])
    assert [(g.row["run_id"], g.row["target"]) for g in held(runs(first, second), period=WEEK)] == [
        ("r2", "10-K 0001045810-26-000021")]
    # a week before the filings' days: only the transcript, which names no day (every day up to its run)
    older = held(runs(first), period=(date(2024, 5, 20), date(2024, 5, 26)))
    assert [g.row["target"] for g in older] == ["NVDA transcript …/q1.txt"]


def test_a_filing_that_failed_just_before_the_period_is_listed_when_recorded_during_it() -> None:
    # as a document its failed run would have stored is late into the period open then, when its own was briefed
    # before (queries.LATE_DAYS_OF); with none briefed it would count by its date, and the gap is listed in both
    late = stored(gap("filings:NVDA", "8-K 0001045810-26-000019", days=(date(2026, 2, 25),) * 2), at=date(2026, 3, 3))
    run = ("r", date(2026, 3, 3), PLAN, [late])
    assert [g.row["target"] for g in held(runs(run), period=WEEK)] == ["8-K 0001045810-26-000019"]
    assert held(runs(run), period=(date(2026, 3, 9), date(2026, 3, 15))) == []


def test_calls_read_from_folders_alone_are_not_known_to_be_quiet() -> None:
    """A review: a week of the demo said NVIDIA 'Nothing was called' in it (2026-W22) though NVIDIA held its call in
    late May 2026: the demo reads calls from a folder of the fixtures, and a folder holds the calls someone put in it.
    A chain with a source that lists what was published (a feed, pages, an API) says what it read, as before."""
    folder, feed = {"kind": "folder", "path": "/calls"}, {"kind": "feed", "url": "https://example.com/feed"}
    plan = [s for s in PLAN if s["id"] != "transcripts:NVDA"]
    only = read([*plan, step("transcripts:NVDA", chain=[folder, folder])], [])["NVDA", "transcripts"]
    assert only.why == (FOLDERS_ONLY,) and not only.none_read and not only.failed
    assert read([*plan, step("transcripts:NVDA", chain=[folder, feed])], [])["NVDA", "transcripts"].why == ()
    # after the run's day nothing was read at all: said as before, not as a folder's
    later = read([*plan, step("transcripts:NVDA", chain=[folder])], [], (date(2026, 9, 7), date(2026, 9, 13)))
    assert later["NVDA", "transcripts"].why == ("the runs looked at its calls up to 2026-09-01 only",)


def test_call_and_news_gaps_say_the_days_they_concern() -> None:
    """A review: a filing gap said its days ("its filings before 2026-04-10 were not listed", "1 filing of it dated in
    this period"), a call or news gap none ("its calls were not all read", "news on it could not be read")."""
    call = gap("transcripts:NVDA", "NVDA transcript …/q1.txt", days=(date(2026, 3, 4),) * 2)
    capped = gap("transcripts:TSM", "TSM transcripts", reason="TSM: 3 older calls left unstored",
                 days=(date(2026, 1, 15), date(2026, 3, 5)))  # fmt: skip
    said_ = read(PLAN, [call, capped, gap("news")])
    assert said_["NVDA", "transcripts"].why == ("its calls dated 2026-03-04 were not all read (see Gaps)",)
    assert said_["TSM", "transcripts"].why == ("its calls dated 2026-03-02 to 2026-03-05 were not all read (see Gaps)",)
    # a failed news step: the days of its window in the period
    assert said_["AMD", "news"].why == ("news on it dated 2026-03-02 to 2026-03-08 could not be read (see Gaps)",)
    item = gap("news", "news item https://example.com/a", days=(date(2026, 3, 3),) * 2)
    assert read(PLAN, [item])["AMD", "news"].why == ("news on it dated 2026-03-03 was not all read (see Gaps)",)
    # a call chain that did not answer concerns every day up to its run: no days to say
    chain = gap("transcripts:ASML", "ASML transcripts", reason="no earnings call found for ASML: tried nothing")
    assert read(PLAN, [chain])["ASML", "transcripts"].why == ("its calls could not be read (see Gaps)",)
