"""A review (2026-12): with an LLM judge whose every call failed (an expired key, a spent quota), `watchdesk run` said
nothing: the findings were stored as judged (method rules+llm) with the done-marker, so no later run with a working
key judged them, and the briefing's Method text left the judge out (it spoke only of requests answered). `watchdesk
flag` did say "N requests failed". Now a run says the first error (redacted), stores what the judge never answered as
rule-based (method rules), which the next run with a working model flags and judges again, and the Method text counts
the failed requests and the flags that fell back to the offline verdicts."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from tests.regression.test_the_llm_judge_reads_a_document_without_flags import CALL, MU
from watchdesk.agents import transcripts
from watchdesk.agents.briefing.render import llm_spent
from watchdesk.agents.flagging.agent import LLM_METHOD, METHOD, flag_documents, pending_documents
from watchdesk.graph.run_judge import llm_judge
from watchdesk.graph.settings import Settings
from watchdesk.store.store import Store

KEY = "sk-ant-api03-0123456789abcdefghij"


class Down:
    """A chat model whose provider refuses every call, quoting the key (an expired key)."""

    def with_structured_output(self, *_a: Any, **_k: Any) -> Down:
        return self

    def invoke(self, _messages: Any) -> Any:
        raise PermissionError(f"401 invalid x-api-key: {KEY}")


def test_a_judge_that_never_answered_is_said_and_not_recorded_as_judged(shared_fixtures: Path, tmp_path: Path) -> None:
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(shared_fixtures / CALL, folder)
    said: list[str] = []
    usage: Counter[str] = Counter()
    with Store.open(":memory:") as store:
        request = transcripts.TranscriptsRequest(company=MU, aliases=("Micron",),
                                                 chain=(transcripts.Source(kind="folder", path=str(folder)),))
        assert transcripts.collect(request, fetcher=None, store=store, run_id="r1").new_doc_ids
        judge = llm_judge(Settings(model="x:y"), usage, said.append, model=Down(), topics=["inventory"])
        stats = flag_documents(store, tickers=["MU"], topics=["inventory"], run_id="r1", judge=judge,
                               report=said.append)  # fmt: skip
        assert stats.findings > 0
        stats_docs = [doc for (doc,) in store.query("SELECT doc_id FROM documents")]
        stored = store.query("SELECT DISTINCT method FROM current_findings")
        markers = store.query("SELECT DISTINCT method FROM doc_flags")
        # what the next run with a judge flags (and judges) again; a run without one has nothing left to flag
        judge_next = pending_documents(store, tickers=["MU"], method=LLM_METHOD, topics=["inventory"])
        rules_next = pending_documents(store, tickers=["MU"], method=METHOD, topics=["inventory"])
    assert usage["llm_requests"] == 0 and usage["flags_fallback"] == stats.findings
    failed = [s for s in said if s.startswith("LLM judge:")]
    assert len(failed) == 1 and "PermissionError: 401 invalid x-api-key" in failed[0], said
    assert KEY not in failed[0]
    assert stored == [(METHOD,)] and markers == [(METHOD,)]
    assert [doc for doc, *_ in judge_next] == stats_docs and rules_next == []
    method = llm_spent(dict(usage))
    requests = usage["llm_requests_failed"]
    assert requests > 1
    assert (f"This run's LLM judge got no answer: its {requests} requests failed, so the offline verdicts stand for "
            f"its {stats.findings} flags. Rule-based findings (method rules) are stored for 1 document it gave no "
            "usable answer about; the next run with a working model judges them.") in method, method


def test_the_method_text_counts_the_flags_that_fell_back() -> None:
    usage = {"llm_requests": 3, "llm_requests_failed": 1, "input_tokens": 900, "output_tokens": 120,
             "flags_judged": 40, "flags_fallback": 20, "candidates_judged": 5}  # fmt: skip
    method = llm_spent(usage)
    assert "made 3 requests, 900 input and 120 output tokens" in method
    assert "added 0. For 20 flags the offline verdict stands (1 request got no usable answer). The judge's" in method
