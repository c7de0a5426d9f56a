"""Bug: flagging read a filing with the labelled call set's splitter, which never ends a sentence after "U.S.", so
Apple's Q2 FY2025 10-Q "... sourcing from partners and facilities located in the U.S. Restrictions on international
trade, such as tariffs ..." was one sentence: `watchdesk flag` printed where Apple's suppliers are as a sure
geopolitical warning (its tariffs were the second sentence's), and the Q3 FY2024 10-K's "... located outside the
U.S. As a result, the Company's operations ..." was one supply-chain flag. A filing's sentences now also end where
a new clause starts after such an abbreviation (the filing comparison's rule, sources/sentence_diff.py); a name goes
on ("the U.S. Department of the Treasury", "a U.S. Holder"), and a call keeps the labelled splitter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from watchdesk.agents.filing_spans import with_spans
from watchdesk.agents.flagging.agent import flag_documents
from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.sentences import split_filing_sentences, split_sentences
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store

pytestmark = pytest.mark.fixtures

AAPL_10Q = "edgar/filings/AAPL_10-Q_Q2FY2025_aapl-20250329.htm"
AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
PLYMOUTH_20F = "edgar/filings/PlymouthRock_20-F_0001062993-21-003193.html"
KO_CALL = "transcripts/motley_fool_json/KO_q4_2021.json"
LOCATED = "in addition to sourcing from partners and facilities located in the U.S."
RESTRICTIONS = "Restrictions on international trade, such as tariffs and other controls on imports or exports of goods"


def _sentences(root: Path, name: str) -> list[str]:
    document = load_document((root / name).read_bytes(), origin=name)
    return [document.text[a:b] for a, b in document.sentences()]


def test_a_new_clause_after_us_is_its_own_sentence_in_a_filing(shared_fixtures: Path) -> None:
    aapl = _sentences(shared_fixtures, AAPL_10Q)
    assert any(s.endswith(LOCATED) for s in aapl)
    assert any(s.startswith(RESTRICTIONS) for s in aapl)
    ten_k = _sentences(shared_fixtures, AAPL_10K)
    assert any(s.endswith("are located outside the U.S.") for s in ten_k)
    assert any(s.startswith("As a result, the Company’s operations and performance depend") for s in ten_k)


@pytest.mark.parametrize(("name", "piece"), [
    (AAPL_10Q, "issued by the U.S. Department of the Treasury"),
    (AAPL_10Q, "delays to the U.S. Tariffs have been announced"),
    (PLYMOUTH_20F, "a U.S. Holder will generally recognize"),
    (PLYMOUTH_20F, "the U.S. Government's Department of Defense"),
])  # fmt: skip
def test_a_name_after_us_stays_inside_its_sentence(shared_fixtures: Path, name: str, piece: str) -> None:
    assert any(piece in " ".join(s.split()) for s in _sentences(shared_fixtures, name))


def test_where_the_suppliers_are_is_no_geopolitics_and_the_trade_restrictions_after_it_are(
    shared_fixtures: Path,
) -> None:
    document = load_document((shared_fixtures / AAPL_10Q).read_bytes(), origin=AAPL_10Q)
    flags = flag_document(document, topics=load_topics(["inventory", "supply_chain", "geopolitical"]))
    located = {f.topic: f.polarity for f in flags if f.sentence.endswith(LOCATED)}
    restrictions = {f.topic: f.polarity for f in flags if f.sentence.startswith(RESTRICTIONS)}
    # the chain's structure, neutral by the filings' choices though it stands in a risk factor (flagging v0.44)
    assert located == {"supply_chain": "neutral"}
    assert restrictions == {"geopolitical": "negative", "supply_chain": "negative"}


def test_a_run_stores_and_flags_them_as_two(shared_fixtures: Path) -> None:
    html = (shared_fixtures / AAPL_10Q).read_bytes()
    record = DocumentRecord(url="https://www.sec.gov/Archives/edgar/data/320193/aapl-20250329.htm", source="edgar",
                            text=html_to_text(html), fetched_at=datetime.now(UTC), ticker="AAPL", form="10-Q",
                            doc_type="10-Q")  # fmt: skip
    with Store.open(":memory:") as store:
        store.save_documents([with_spans(record, html=html)])
        flag_documents(store, tickers=["AAPL"], topics=["supply_chain", "geopolitical"], run_id="r1")
        said = [t for (t,) in store.query("SELECT text FROM sentences")]
        found = store.query("SELECT topic, sentence FROM current_findings")
    assert any(s.endswith(LOCATED) for s in said) and any(s.startswith(RESTRICTIONS) for s in said)
    assert {t for t, s in found if s.endswith(LOCATED)} == {"supply_chain"}
    assert {t for t, s in found if s.startswith(RESTRICTIONS)} == {"supply_chain", "geopolitical"}


def test_a_call_keeps_the_labelled_splitter(shared_fixtures: Path) -> None:
    """The labelled dev set's offsets are its splitter's: a call's "in the U.S. Our network ..." stays one sentence."""
    document = load_document((shared_fixtures / KO_CALL).read_bytes(), origin=KO_CALL)
    assert document.sentences() == split_sentences(document.text)
    assert any("in the U.S. Our network marketing model" in s for s in _sentences(shared_fixtures, KO_CALL))


def test_no_cut_without_such_a_clause() -> None:
    text = "We buy from the U.S. Department of Commerce list. Sales rose in the U.S. As a result, costs fell."
    assert [text[a:b] for a, b in split_filing_sentences(text)] == [
        "We buy from the U.S. Department of Commerce list.", "Sales rose in the U.S.", "As a result, costs fell."
    ]


def test_a_runs_llm_judge_is_asked_about_the_sentences_the_flags_were_read_in(
    shared_fixtures: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run's LLM judge (graph/run_judge.llm_judge) also asks about the offline pass's unsure candidates: it split
    the filing with the call splitter, so a candidate could be "... located in the U.S. Restrictions on international
    trade ..." whole, beside flags read in two sentences. It now gets the sentences the flags were read in."""
    from collections import Counter

    from tests.regression.test_an_llm_judge_that_never_answers_is_said import Down
    from watchdesk.agents.flagging import flag as flag_module
    from watchdesk.graph.run_judge import llm_judge
    from watchdesk.graph.settings import Settings

    asked: list[list[tuple[int, int]] | None] = []
    unsure = flag_module.unsure_flags

    def recorded(text: str, **kw: object) -> list[object]:
        asked.append(kw.get("spans"))  # type: ignore[arg-type]
        return unsure(text, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(flag_module, "unsure_flags", recorded)
    html = (shared_fixtures / AAPL_10Q).read_bytes()
    text = html_to_text(html)
    record = DocumentRecord(url="https://www.sec.gov/Archives/edgar/data/320193/aapl-20250329.htm", source="edgar",
                            text=text, fetched_at=datetime.now(UTC), ticker="AAPL", form="10-Q",
                            doc_type="10-Q")  # fmt: skip
    judge = llm_judge(Settings(model="x:y"), Counter(), lambda _m: None, model=Down(), topics=["geopolitical"])
    with Store.open(":memory:") as store:
        store.save_documents([with_spans(record, html=html)])
        flag_documents(store, tickers=["AAPL"], topics=["geopolitical"], run_id="r1", judge=judge)
    assert asked == [split_filing_sentences(text)]
