"""Bug: in TSMC's Q2 2026 call, investor relations (Jeff Su) passes on each analyst's question in a turn of its own:
"Okay. So Charlie's question is competition from 2 angles. One, he does note, ... Another one may have the U.S.
government policy support. ..." The briefing of 2026-W29 quoted that last sentence among its most telling quotes, as
if TSMC had said it: only a sentence that itself relays the question ("So Charlie's question is ...") counted as one.
Now every sentence of a management turn in Q&A whose opening (its first three sentences, read from the store) relays
a question ranks as the question it is, after the company's own words, and is said to pass one on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.agents import transcripts
from watchdesk.agents.briefing.agent import BriefingRequest, gather
from watchdesk.agents.briefing.headline import headline_quotes
from watchdesk.agents.briefing.period import Period
from watchdesk.agents.briefing.render import render_markdown
from watchdesk.agents.briefing.text import is_question
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

TOPICS = ["inventory", "supply_chain", "geopolitical"]
W29 = Period(date(2026, 7, 13), date(2026, 7, 19))
RELAYED = "Another one may have the U.S. government policy support."


@pytest.fixture(scope="module")
def briefed(shared_fixtures: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    tsmc = CompanyRef(ticker="TSM", cik=1046179, name="TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD")
    chain = (transcripts.Source(kind="folder", path=str(shared_fixtures / "transcripts" / "tsmc")),)
    req = BriefingRequest(run_id="r1", watchlist_name="w", tickers=["TSM"], topics=TOPICS, period=W29,
                          out_dir=tmp_path_factory.mktemp("out"))  # fmt: skip
    with Store.open(tmp_path_factory.mktemp("db") / "w.duckdb") as store:
        req_calls = transcripts.TranscriptsRequest(company=tsmc, aliases=("TSMC",), chain=chain)
        assert transcripts.collect(req_calls, fetcher=None, store=store, run_id="r1").new_doc_ids  # type: ignore[arg-type]
        flag_documents(store, tickers=["TSM"], topics=TOPICS, run_id="r1")
        return gather(store, req)


def test_a_sentence_of_a_relayed_question_is_no_headline_quote(briefed) -> None:  # type: ignore[no-untyped-def]
    (relayed,) = [f for f in briefed.findings if f.sentence == RELAYED]
    assert relayed.speaker == "Jeff Su" and relayed.speaker_kind == "management" and is_question(relayed)
    quotes = headline_quotes(briefed)
    assert RELAYED not in [f.sentence for f in quotes], [f.sentence for f in quotes]
    assert "Jeff Su" not in [f.speaker for f in quotes]
    said = render_markdown(briefed)  # still listed under its topic, after TSMC's own words, and said for what it is
    assert f"“{RELAYED}” [F-{relayed.finding_id[:8]}] — earnings call, held 2026-07-16 · qa · Jeff Su, passing on a " \
           "question [1]" in said


def test_the_company_s_own_answers_are_no_questions(briefed) -> None:  # type: ignore[no-untyped-def]
    answers = [f for f in briefed.findings if f.section == "qa" and f.speaker == "C.C. Wei"]
    assert len(answers) > 10 and all(is_question(f) == f.sentence.endswith("?") for f in answers)
    # every finding in Jeff Su's Q&A turns is in one that relays an analyst's question, in this call
    assert all(is_question(f) for f in briefed.findings if f.section == "qa" and f.speaker == "Jeff Su")


def test_an_analyst_s_words_are_said_to_be_an_analyst_s(briefed) -> None:  # type: ignore[no-untyped-def]
    """A user walkthrough (session 26): "Intel got a U.S. policy support." — qa · Charlie Chan stood among 2026-W29's
    quotes with nothing to say Charlie Chan is Morgan Stanley's analyst, not TSMC: it read as the company's word."""
    (asked,) = [f for f in briefed.findings if f.sentence == "Intel got a U.S. policy support."]
    assert asked.speaker_kind == "analyst"
    said = render_markdown(briefed)
    assert f"“{asked.sentence}” [F-{asked.finding_id[:8]}] — earnings call, held 2026-07-16 · qa · Charlie Chan, " \
           "analyst [1]" in said
    assert "C.C. Wei, analyst" not in said and "C.C. Wei [1]" in said  # management is named alone, as before
