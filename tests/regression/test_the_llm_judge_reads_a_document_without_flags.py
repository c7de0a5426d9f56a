"""A review (2026-12): the LLM judge re-reads "the candidates the offline pass left out" (the briefing's Method), but a
run asked it only about documents where the offline pass flagged something. A call with no offline flag never had its
candidates judged, yet its (no) findings were stored as judged, method rules+llm; `watchdesk flag` sent them. Now a
run asks the judge about every document it flags."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from langchain_core.messages import AIMessage

from tests.unit.test_llm_judge import ReadingChat
from watchdesk.agents import transcripts
from watchdesk.agents.flagging.agent import LLM_METHOD, flag_documents
from watchdesk.graph.run_judge import llm_judge
from watchdesk.graph.settings import Settings
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

# nothing geopolitical flagged offline and one candidate; 12 inventory flags
CALL = "transcripts/plaintext_2023_2025/MU_2024_Q3.txt"
MU = CompanyRef(ticker="MU", cik=723125, name="MICRON TECHNOLOGY INC")


def on_topic(prompt: str) -> AIMessage:
    """Every mention is about its topic, and neutral."""
    ids = [int(i) for i in re.findall(r'<mention id="(\d+)"', prompt)]
    args = {"verdicts": [{"id": i, "polarity": "neutral", "score": 0.0, "reason": "r", "about_topic": True}
                         for i in ids]}  # fmt: skip
    return AIMessage(content="", tool_calls=[{"name": "Batch", "args": args, "id": "c"}])


def test_candidates_of_a_document_without_offline_flags_are_judged(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(shared_fixtures / CALL, folder)
    model = ReadingChat(messages=iter(()), answer=on_topic)
    offline: list[int] = []
    with Store.open(":memory:") as store:
        request = transcripts.TranscriptsRequest(company=MU, aliases=("Micron",),
                                                 chain=(transcripts.Source(kind="folder", path=str(folder)),))
        assert transcripts.collect(request, fetcher=None, store=store, run_id="r1").new_doc_ids
        judge = llm_judge(Settings(model="x:y"), Counter(), lambda _m: None, model=model, topics=["geopolitical"])
        assert judge is not None

        def counting(flags: list[Any], text: str, heading: Any, spans: Any) -> list[Any]:
            offline.append(len(flags))
            return judge(flags, text, heading, spans)

        flag_documents(store, tickers=["MU"], topics=["geopolitical"], run_id="r1", judge=counting)
        stored = store.query("SELECT method, polarity FROM current_findings")
    assert offline == [0], "the offline pass flags nothing geopolitical in this call"
    assert model.received, "the judge was never asked about the document's candidate"
    assert stored and set(stored) == {(LLM_METHOD, "neutral")}, stored
