"""The briefing's first screen: quotes ranked for a reader, trend against previous weeks, gaps said plainly,
and parts that plug in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.unit.test_briefing_render import FINDINGS, GAP, briefing, finding
from watchdesk.agents.briefing import trend
from watchdesk.agents.briefing.headline import headline_quotes, headline_text, missing_lines
from watchdesk.agents.briefing.model import DocumentItem, Earlier, SourceRead, WeekPoint
from watchdesk.agents.briefing.parts import PARTS
from watchdesk.agents.briefing.render import RenderContext, Section, render_markdown


def test_company_statements_outrank_analyst_questions_and_boilerplate() -> None:
    question = finding(10, "NVDA", "geopolitical", "negative", -0.99, "How worried are you about export rules?",
                       speaker="An Analyst", speaker_kind="analyst")  # fmt: skip
    boiler = finding(11, "NVDA", "geopolitical", "negative", -0.98, "Export controls could adversely affect us.")
    said = finding(12, "NVDA", "geopolitical", "negative", -0.40, "Export rules cut our China sales in half.",
                   speaker="CFO", speaker_kind="management")  # fmt: skip
    quotes = headline_quotes(briefing(findings=[question, boiler, said]), n=1)
    assert [q.finding_id for q in quotes] == [said.finding_id]


def test_quotes_are_never_repeated_and_spread_over_pairs() -> None:
    twin = replace(FINDINGS[0], finding_id="9999beefcafe9999", doc_id="doc-nvda-10k")
    quotes = headline_quotes(briefing(findings=[*FINDINGS, twin]))
    assert len(quotes) == 3 and len({q.sentence for q in quotes}) == 3
    assert len({(q.ticker, q.topic) for q in quotes}) == 3


def test_no_new_documents_is_not_no_mentions() -> None:
    data = briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], gaps=[],
                    documents=[DocumentItem(doc_id="d", ticker="ASML", form="6-K", title=None, url="u",
                                            filed_at=date(2025, 8, 28))])  # fmt: skip
    lines = missing_lines(data)
    assert any(line.startswith("- No new documents for TSM in this period") for line in lines), lines
    assert "- ASML: 1 new document, no mentions of the watched topics." in lines


def test_trend_compares_with_the_previous_weeks() -> None:
    history = [WeekPoint(week=date(2025, 6, 30), ticker="NVDA", topic="geopolitical", mentions=4, positive=2,
                         negative=0)]  # fmt: skip
    md = render_markdown(briefing(history=history))
    row = next(line for line in md.splitlines() if line.startswith("| NVDA | Geopolitical | 1 |"))
    assert row.endswith("| -1.00 | +0.50 | down ▼ against the 5 weeks before |"), row  # a seven-week period
    assert "trend down ▼ against the 5 weeks before" in headline_text(briefing(history=history))


def test_a_period_as_long_as_the_trend_window_compares_with_the_eleven_weeks_before_it() -> None:
    # The demo's 2024-05-01 to 2026-09-01: its trend window (12 weeks to the end) holds nothing before the period,
    # so the column was empty and NVDA's pairs read "first in 12 weeks" though its 10-K of February 2024 had them.
    long = {"period_start": date(2024, 5, 1), "period_end": date(2026, 9, 1)}
    before = [WeekPoint(week=date(2024, 4, 17), ticker="NVDA", topic="geopolitical", mentions=4, positive=0,
                        negative=2)]  # fmt: skip
    md = render_markdown(briefing(**long, before=before))
    assert "| Net tone | Previous | Trend |" in md
    row = next(line for line in md.splitlines() if line.startswith("| NVDA | Geopolitical | 1 |"))
    assert row.endswith("| -1.00 | -0.50 | down ▼ against the 11 weeks before |"), row
    md = render_markdown(briefing(**long, before=[]))
    row = next(line for line in md.splitlines() if line.startswith("| NVDA | Geopolitical | 1 |"))
    assert row.endswith("| -1.00 | — | none in the 11 weeks before |"), row
    assert "trend none in the 11 weeks before" in headline_text(briefing(**long, before=[]))


def test_the_given_weeks_before_are_the_baseline_not_the_history() -> None:
    # gather() reads them with weeks of their own ending the day before the period, so no week straddles its start
    history = [WeekPoint(week=date(2025, 6, 30), ticker="NVDA", topic="geopolitical", mentions=4, positive=2,
                         negative=0)]  # fmt: skip
    md = render_markdown(briefing(history=history, before=[]))
    row = next(line for line in md.splitlines() if line.startswith("| NVDA | Geopolitical | 1 |"))
    assert row.endswith("| -1.00 | — | first in 12 weeks |"), row


def test_gaps_are_counted_as_targets_in_planned_steps() -> None:
    gaps = [GAP, replace(GAP, target="10-K 0001046179-26-000001"), replace(GAP, ticker="ASML", agent="transcripts")]
    data = briefing(gaps=gaps)
    assert "- 3 targets in 2 planned steps could not be fetched or processed (see Gaps)." in missing_lines(data)
    md = render_markdown(data)
    assert "no gaps" not in md and "3 targets in 2 planned steps could not be fetched or processed" in md
    assert "1 target in 1 planned step could not" in render_markdown(briefing())
    assert "dated in this period; no gaps." in render_markdown(briefing(gaps=[]))


def test_a_part_plugs_in_at_its_place() -> None:
    def news_part(ctx: RenderContext) -> Section | None:
        return Section("news", "News", f"{len(ctx.data.findings)} findings seen by the news part.")

    md = render_markdown(briefing(), parts=[PARTS[0], news_part, *PARTS[1:]])
    assert md.index("## What changed") < md.index("## News\n\n4 findings seen by the news part.") < md.index(
        "## Summary")


def test_the_trend_compares_like_documents_with_like() -> None:
    """A review: NVIDIA's supply-chain trend read "up ▲" only because four calls and a 10-Q joined a baseline that
    held one 10-K; 10-K against 10-K the tone was level. The direction compares each kind of document with its own
    kind, says what with, and shows the two net tones of each where the period holds several kinds (the row's own
    are over every kind). An analyst walkthrough: the weeks before never held the last call, so calls are compared
    with the latest earlier call, 10-Ks and 10-Qs with the latest earlier 10-K or 10-Q, not with an 8-K."""
    long = {"period_start": date(2024, 5, 1), "period_end": date(2026, 9, 1)}
    earlier = [Earlier(ticker="NVDA", topic="supply_chain", like="10-K/10-Q", day=date(2024, 2, 21), forms=("10-K",),
                       mentions=10, positive=0, negative=7),
               Earlier(ticker="NVDA", topic="supply_chain", like="8-K", day=date(2024, 3, 1), forms=("8-K",),
                       mentions=2, positive=2, negative=0)]  # fmt: skip
    filing = [finding(20 + i, "NVDA", "supply_chain", "negative", -0.6, f"Supply risk {i}.", kind="filing")
              for i in range(7)] + [finding(30 + i, "NVDA", "supply_chain", "neutral", 0.0, f"Supply note {i}.",
                                            kind="filing") for i in range(3)]  # fmt: skip
    calls = [finding(40 + i, "NVDA", "supply_chain", "positive", 0.8, f"Supply improved {i}.", kind="call",
                     form="transcript") for i in range(10)]  # fmt: skip

    def row(findings: list, **changes: object) -> str:
        md = render_markdown(briefing(**{**long, "before": [], "earlier": earlier, "findings": findings, **changes}))
        return next(line for line in md.splitlines() if line.startswith("| NVDA | Supply chain |"))

    # the 10-Q with the 10-K, not with the 8-K's good news; the calls lift the row's tone, not the 10-Q's
    assert row(filing).endswith("| -0.70 | -0.70 | steady against the 10-K of 2024-02-21 |")
    assert row(filing + calls).endswith("| +0.15 | -0.70 (10-K of 2024-02-21 only) | calls: no earlier call "
                                        "mentions it; 10-Q: steady against the 10-K of 2024-02-21 (-0.70 against "
                                        "-0.70) |")  # fmt: skip
    assert row(calls).endswith("| +1.00 | — | no earlier call mentions it |")
    # a call of the topic two calls back: the one since did not mention it, and the cell says so
    last = Earlier(ticker="NVDA", topic="supply_chain", like="call", day=date(2024, 2, 28), forms=("call",),
                   mentions=4, positive=1, negative=3, since=1)  # fmt: skip
    assert row(calls, earlier=[last]).endswith("| +1.00 | -0.50 | up ▲ against the call of 2024-02-28 (none in the "
                                               "call since) |")  # fmt: skip
    untyped = [replace(f, kind=None) for f in filing + calls]  # rows from before kinds were known: the weeks before
    weeks = [WeekPoint(week=date(2024, 4, 17), ticker="NVDA", topic="supply_chain", mentions=10, positive=0,
                       negative=7)]  # fmt: skip
    assert row(untyped, before=weeks, earlier=None).endswith("| -0.70 | up ▲ against the 11 weeks before |")


def test_no_documents_is_nothing_filed_only_where_every_source_was_read() -> None:
    unlisted = "its filings before 2026-04-10 were not listed (see Gaps)"
    read = [SourceRead(ticker="TSM", source="filings", why=(unlisted,), none_read=True, failed=True),
            SourceRead(ticker="TSM", source="transcripts"), SourceRead(ticker="TSM", source="news"),
            SourceRead(ticker="ASML", source="filings", why=("its filings could not be listed (see Gaps)",),
                       none_read=True, failed=True),
            SourceRead(ticker="ASML", source="transcripts", why=("its calls could not be read (see Gaps)",),
                       none_read=True, failed=True),
            SourceRead(ticker="ASML", source="news")]  # fmt: skip
    lines = missing_lines(briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], read=read))
    span = "2025-07-14 to 2025-08-31"
    assert (f"- No new documents for TSM in this period, but whether anything was filed {span} is not known: "
            f"{unlisted}. Nothing was called or published in it.") in lines  # fmt: skip
    assert (f"- Nothing read for ASML: its filings could not be listed (see Gaps); its calls could not be read (see "
            f"Gaps), so whether anything was filed or called {span} is not known. Nothing was published in it."
            ) in lines  # fmt: skip
    # the filing window alone is no failure: it is said, and the ticker is not "nothing read"
    window = replace(read[0], why=("its filings were listed for 2026-01-01 to 2026-09-01 only",), failed=False)
    only_filings = missing_lines(briefing(findings=[], read=[window]))
    assert only_filings[1].startswith("- No new documents for TSM in this period, but whether anything was filed")


def test_the_slack_headline_says_which_tickers_went_unread() -> None:
    """A review: the Slack message left out "Nothing read for ASML" with the line "- Nothing: every watched ticker has
    new documents ...", which it means to leave out (both begin "- Nothing"), so a dead company read as a quiet one."""
    unread = SourceRead(ticker="ASML", source="filings", why=("its filings could not be listed (see Gaps)",),
                        none_read=True, failed=True)  # fmt: skip
    text = headline_text(briefing(findings=[f for f in FINDINGS if f.ticker != "ASML"], read=[unread]))
    assert "Nothing read for ASML: its filings could not be listed (see Gaps)" in text
    everything = briefing(tickers=["NVDA"], gaps=[])
    assert missing_lines(everything)[0].startswith("- Nothing: every watched ticker")
    assert "every watched ticker" not in headline_text(everything)


def test_nothing_read_names_only_the_sources_not_read() -> None:
    """A review: 'Nothing read for ASML' said whether anything was 'filed, called or published' is not known, though
    the news step had read ASML's news for the whole week; and the verbs came in the plan's order ('called or filed
    or published')."""
    failed = {"none_read": True, "failed": True}
    read = [SourceRead(ticker="ASML", source="transcripts", why=("its calls could not be read (see Gaps)",), **failed),
            SourceRead(ticker="ASML", source="filings", why=("its filings could not be listed (see Gaps)",), **failed),
            SourceRead(ticker="ASML", source="news")]  # fmt: skip
    lines = missing_lines(briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], read=read))
    line = next(x for x in lines if x.startswith("- Nothing read for ASML"))
    assert line.endswith("so whether anything was filed or called 2025-07-14 to 2025-08-31 is not known. "
                         "Nothing was published in it."), line  # fmt: skip
    unknown = [replace(r, why=("its news could not be read",), none_read=True, failed=True) for r in read]
    line = next(x for x in missing_lines(briefing(findings=[], read=unknown)) if x.startswith("- Nothing read"))
    assert "whether anything was filed, called or published 2025-07-14 to 2025-08-31 is not known." in line


def test_a_quiet_week_names_only_the_sources_watched() -> None:
    """A code review: a ticker watched on filings alone said "nothing filed, called or published" of a quiet week,
    naming calls and news it never had; with no source read known (an older briefing input), all three are said."""
    edgar_only = [SourceRead(ticker="TSM", source="filings")]
    lines = missing_lines(briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], read=edgar_only))
    assert "- No new documents for TSM in this period (nothing filed 2025-07-14 to 2025-08-31): this says nothing " \
        "about mentions, there was nothing new to read." in lines
    both = [SourceRead(ticker="TSM", source="filings"), SourceRead(ticker="TSM", source="news")]
    lines = missing_lines(briefing(findings=[f for f in FINDINGS if f.ticker == "NVDA"], read=both))
    assert any("(nothing filed or published 2025-07-14 to 2025-08-31)" in line for line in lines), lines


def test_the_latest_earlier_mentions_of_each_kind_and_the_silent_documents_since() -> None:
    """The rows of store.earlier's queries: a 10-Q after a 10-K is the 10-K/10-Q baseline, an 8-K is its own, and a
    call after the latest call that mentions the topic is counted as one that did not."""
    day = {"k": date(2024, 2, 21), "q": date(2024, 5, 29), "8k": date(2024, 6, 3), "c1": date(2024, 5, 22),
           "c2": date(2024, 8, 28)}  # fmt: skip
    row = {"ticker": "NVDA", "topic": "inventory", "positive": 0, "negative": 1}
    mentions = [{**row, "kind": "filing", "form": "10-K", "day": day["k"], "mentions": 5},
                {**row, "kind": "filing", "form": "10-Q", "day": day["q"], "mentions": 2},
                {**row, "kind": "filing", "form": "8-K", "day": day["8k"], "mentions": 1},
                {**row, "kind": "call", "form": "transcript", "day": day["c1"], "mentions": 3}]  # fmt: skip
    documents = [{"ticker": "NVDA", "kind": k, "form": f, "day": day[d]} for k, f, d in
                 [("filing", "10-K", "k"), ("filing", "10-Q", "q"), ("filing", "8-K", "8k"),
                  ("call", "transcript", "c1"), ("call", "transcript", "c2")]]  # fmt: skip
    found = {e.like: (e.day, e.forms, e.mentions, e.since) for e in trend.earlier(mentions, documents)}
    assert found == {"10-K/10-Q": (day["q"], ("10-Q",), 2, 0), "8-K": (day["8k"], ("8-K",), 1, 0),
                     "call": (day["c1"], ("call",), 3, 1)}  # fmt: skip
