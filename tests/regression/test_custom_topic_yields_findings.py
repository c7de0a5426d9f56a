"""A custom watchlist topic produced no findings on a real call that says its phrases.

Found trying watchdesk as a new user: `[[topics.custom]]` "inventory_adjustment" (phrases "excess inventory",
"destocking") gave 0 findings although the stored sentences contain the phrase: flag_documents dropped the
custom names from the topic list it handed to load_topics, so the custom specs were never compiled.
And documents already flagged before the topic was added were never flagged again, so even a working
custom topic could not see what was already stored.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from watchdesk.agents import transcripts
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

MU = CompanyRef(ticker="MU", cik=723125, name="MICRON TECHNOLOGY INC")
CUSTOM = {"name": "inventory_adjustment", "label": "Inventory adjustment",
          "phrases": ("excess inventory", "destocking", "inventory adjustment", "inventory adjustments")}  # fmt: skip


def stored_call(store: Store, shared_fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(shared_fixtures / "transcripts/plaintext_2023_2025/MU_2025_Q1.txt", folder)
    req = transcripts.TranscriptsRequest(
        company=MU, aliases=("Micron",), chain=(transcripts.Source(kind="folder", path=str(folder)),)
    )
    stored = transcripts.collect(req, fetcher=None, store=store, run_id="r1")  # type: ignore[arg-type]
    assert stored.new_doc_ids, stored


def test_custom_topic_flags_a_real_call(shared_fixtures: Path, tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        stored_call(store, shared_fixtures, tmp_path)
        flag_documents(store, tickers=["MU"], topics=["inventory"], custom_topics=[CUSTOM], run_id="r1")
        rows = store.query("SELECT topic, sentence FROM current_findings ORDER BY start")
    custom = [s for topic, s in rows if topic == "inventory_adjustment"]
    assert custom, "the custom topic found nothing"
    assert all(any(p in s.lower() for p in CUSTOM["phrases"]) for s in custom), custom
    assert any(topic == "inventory" for topic, _ in rows), "the shipped topic still flags"


def test_a_custom_topic_added_later_reflags_what_is_stored_once(shared_fixtures: Path, tmp_path: Path) -> None:
    count = "SELECT topic, count(*) FROM current_findings GROUP BY ALL ORDER BY 1"
    with Store.open(":memory:") as store:
        stored_call(store, shared_fixtures, tmp_path)
        flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r1")
        before = dict(store.query(count))
        added = flag_documents(store, tickers=["MU"], topics=["inventory"], custom_topics=[CUSTOM], run_id="r2")
        again = flag_documents(store, tickers=["MU"], topics=["inventory"], custom_topics=[CUSTOM], run_id="r3")
        after = dict(store.query(count))
    assert "inventory_adjustment" not in before and after["inventory_adjustment"] > 0
    assert after["inventory"] == before["inventory"], "the shipped topic is counted once, not twice"
    assert (added.documents, again.documents) == (1, 0)


def test_a_custom_topic_removed_later_leaves_the_current_findings_once(shared_fixtures: Path, tmp_path: Path) -> None:
    """A review (session 21): after a run without the custom topic, current_findings still listed its 208 rows,
    since the documents had been flagged by the plain version before and were not flagged again."""
    count = "SELECT topic, count(*) FROM current_findings GROUP BY ALL ORDER BY 1"
    with Store.open(":memory:") as store:
        stored_call(store, shared_fixtures, tmp_path)
        flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r1")
        plain = dict(store.query(count))
        flag_documents(store, tickers=["MU"], topics=["inventory"], custom_topics=[CUSTOM], run_id="r2")
        removed = flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r3")
        again = flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r4")
        after = dict(store.query(count))
    assert after == plain and "inventory_adjustment" not in after
    assert (removed.documents, again.documents) == (1, 0)


def test_a_shipped_topic_added_later_reads_what_is_stored_and_keeps_the_others(
    shared_fixtures: Path, tmp_path: Path
) -> None:
    """A review (session 23): a watchlist that added "geopolitical" to "inventory" briefed 0 geopolitical mentions
    for calls already stored, since documents flagged once by this version were never read for the new topic.
    They are read again once for the union of the topics flagged before and the ones watched now, so a second
    watchlist sharing the store with fewer topics neither re-reads them nor drops the other's findings."""
    count = "SELECT topic, count(*) FROM current_findings GROUP BY ALL ORDER BY 1"
    with Store.open(":memory:") as store:
        stored_call(store, shared_fixtures, tmp_path)
        first = flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r1")
        before = dict(store.query(count))
        added = flag_documents(store, tickers=["MU"], topics=["inventory", "geopolitical"], run_id="r2")
        both = dict(store.query(count))
        fewer = flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r3")
        other = flag_documents(store, tickers=["MU"], topics=["supply_chain"], run_id="r4")
        after = dict(store.query(count))
        flagged = store.query("SELECT list_sort(topics) FROM doc_flags")
    assert (first.documents, added.documents, fewer.documents, other.documents) == (1, 1, 0, 1)
    assert set(before) == {"inventory"} and both["geopolitical"] > 0 and both["inventory"] == before["inventory"]
    assert set(after) == {"inventory", "geopolitical", "supply_chain"}
    assert {k: after[k] for k in both} == both
    assert flagged == [(["geopolitical", "inventory", "supply_chain"],)]


def test_watchdesks_own_errors_while_flagging_stop_the_run_and_are_not_called_bugs(
    shared_fixtures: Path, tmp_path: Path
) -> None:
    """A review (session 23): the per-document catch-all for bugs also caught a replay's missing LLM answer, so
    `WATCHDESK_MODEL=replay:DIR watchdesk demo` wrote and delivered an empty briefing, exit 0, each document's gap
    saying 'unexpected ReplayMissError ... please report it'. A replay must reproduce the run or say what it lacks."""
    import pytest

    from watchdesk.sources.errors import ReplayMissError

    def judge(_flags: list, _text: str, _heading: object, _spans: object) -> list:
        raise ReplayMissError("no recorded LLM answer in /tmp/answers for request 3743f7ea")

    with Store.open(":memory:") as store:
        stored_call(store, shared_fixtures, tmp_path)
        with pytest.raises(ReplayMissError, match="no recorded LLM answer"):
            flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r1", judge=judge)
