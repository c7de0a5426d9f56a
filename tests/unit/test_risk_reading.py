"""Risk factors name risks (agents/flagging/risk_reading.py): a neutral inventory or supply-chain mention in a
filing's risk-factor section is a warning; other topics, other sections and transcripts are left as read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.risk_reading import RISK_ITEMS, in_risk_factors, read_as_risk


def flag(topic: str, polarity: str, score: float = 0.02) -> Flag:
    return Flag(topic, polarity, score, "Our expanding product portfolio may lead to increased inventory levels.",  # type: ignore[arg-type]
                0, 71)  # fmt: skip


def test_the_risk_items_are_the_filing_parsers() -> None:
    from watchdesk.sources.filing_parse import RISK_ITEM

    assert set(RISK_ITEM.values()) == RISK_ITEMS


@pytest.mark.parametrize(
    ("section", "risk"),
    [("1A Risk Factors", True), ("II-1A Risk Factors", True), ("3.D Risk Factors", True), ("1A", True),
     ("7 Management's Discussion and Analysis", False), ("I-2 Management's Discussion", False),
     ("1 Business", False), ("prepared", False), ("qa", False), (None, False), ("", False)],
)  # fmt: skip
def test_which_sections_are_risk_factors(section: str | None, risk: bool) -> None:
    assert in_risk_factors(section) is risk


def test_neutral_stock_and_supply_in_risk_factors_become_warnings() -> None:
    for topic in ("inventory", "supply_chain"):
        read = read_as_risk(flag(topic, "neutral"), "1A Risk Factors")
        assert (read.polarity, read.score) == ("negative", -0.5)
    assert read_as_risk(flag("inventory", "neutral", -0.8), "II-1A Risk Factors").score == -0.8


def test_everything_else_is_left_as_read() -> None:
    for topic, polarity, section in [
        ("geopolitical", "neutral", "1A Risk Factors"),  # descriptions of rules are neutral there
        ("inventory", "positive", "1A Risk Factors"),  # good news stays good news
        ("supply_chain", "negative", "1A Risk Factors"),
        ("inventory", "neutral", "7 Management's Discussion and Analysis"),
        ("supply_chain", "neutral", "qa"),
        ("demand", "neutral", "1A Risk Factors"),
    ]:
        original = flag(topic, polarity)
        assert read_as_risk(original, section) is original


RISK_TEXT = (
    "Item 1A. Risk Factors\n\nOur expanding product portfolio may lead to increased inventory levels.\n\n"
    "Item 7. Management's Discussion and Analysis\n\nInventory was $10.1 billion at year end."
)


def test_a_judges_neutral_verdicts_in_risk_factors_are_read_as_risks_again() -> None:
    """The pipeline (agent.flag_document) reads risk factors before and after an LLM judge: a judge that calls
    everything neutral does not undo the filings' reading choice, and MD&A keeps the judge's verdict."""
    from datetime import UTC, datetime

    from watchdesk.agents.flagging.agent import flag_document
    from watchdesk.agents.flagging.topics import load_topics
    from watchdesk.store import writes
    from watchdesk.store.records import DocumentRecord, SpanRecord
    from watchdesk.store.store import Store

    doc = DocumentRecord(url="https://www.sec.gov/x/10-k.htm", source="edgar", text=RISK_TEXT,
                         fetched_at=datetime.now(UTC), ticker="NVDA", form="10-K")  # fmt: skip
    cut = RISK_TEXT.index("Item 7.")
    spans = [SpanRecord(doc_id=doc.doc_id, seq=0, start=0, end=cut, section="1A", title="Risk Factors"),
             SpanRecord(doc_id=doc.doc_id, seq=1, start=cut, end=len(RISK_TEXT), section="7",
                        title="Management's Discussion and Analysis")]  # fmt: skip

    def neutral_judge(flags: list[Flag], text: str, heading: object, spans: object) -> list[Flag]:
        return [replace(f, polarity="neutral", score=0.0) for f in flags]

    with Store.open(":memory:") as store:
        store.transaction(lambda con: (writes.upsert_document(con, doc), writes.replace_spans(con, doc.doc_id, spans)))
        flag_document(store, doc_id=doc.doc_id, ticker="NVDA", text=RISK_TEXT, library=load_topics(["inventory"]),
                      run_id="r1", judge=neutral_judge)  # fmt: skip
        rows = store.query("SELECT section, polarity FROM findings WHERE topic = 'inventory' ORDER BY start")
    assert rows == [("1A Risk Factors", "negative"), ("7 Management's Discussion and Analysis", "neutral")]


def test_flags_are_relabelled_and_read_as_risks_after_a_judge_on_the_command_line() -> None:
    """document.relabelled, which `watchdesk flag` applies to the offline flags and again to an LLM judge's: a
    candidate the judge adds (no section yet) gets its section, and a neutral one in risk factors is a warning."""
    from watchdesk.agents.flagging.document import Document, Part, relabelled

    cut = RISK_TEXT.index("Item 7.")
    document = Document(kind="filing", text=RISK_TEXT,
                        parts=(Part(0, cut, "1A Risk Factors"), Part(cut, len(RISK_TEXT), "7 MD&A")))  # fmt: skip
    at = RISK_TEXT.index("Our expanding")
    added = Flag("inventory", "neutral", 0.0, "Our expanding ...", at, at + 10)  # type: ignore[arg-type]
    later = RISK_TEXT.index("Inventory was")
    plain = Flag("inventory", "neutral", 0.0, "Inventory was ...", later, later + 10)  # type: ignore[arg-type]
    read = relabelled([added, plain], document)
    assert [(f.section, f.polarity) for f in read] == [("1A Risk Factors", "negative"), ("7 MD&A", "neutral")]


# NVIDIA's 10-K for fiscal 2024, Item 1A; labelled supply-chain negative in tests/labels/filings_risk_prior/
SUPPOSED = [
    "If we underestimate our customers' future demand for our products, our foundry partners may not have adequate "
    "lead-time or capacity to increase production and we may not be able to obtain sufficient inventory to fill "
    "orders on a timely basis.",
    "Even if we are able to increase supply to meet customer demand, we may not be able to do so in a timely manner, "
    "or our contract manufacturers may experience supply constraints.",
]


def test_a_risk_factor_supposing_a_harm_is_a_warning_even_when_read_as_good_news() -> None:
    """risk_reading.HYPOTHETICAL (v0.18): the refiner read this by its supply words as good news (+0.92, sure)."""
    from watchdesk.agents.flagging.risk_reading import HYPOTHETICAL

    for sentence in SUPPOSED:
        assert HYPOTHETICAL.search(sentence)
        flag = Flag("supply_chain", "positive", 0.92, sentence, 0, len(sentence), sure=True)
        read = read_as_risk(flag, "1A Risk Factors")
        assert (read.polarity, read.score) == ("negative", -0.92)
        assert read_as_risk(flag, "7 Management's Discussion and Analysis") is flag  # only in risk factors
    # an achieved benefit stays good news (NVIDIA's 10-K for fiscal 2024; labelled positive in its MD&A, and the risk
    # factors repeat it)
    benefit = (
        "We believe our global supply chain for our networking products has not experienced any significant impact."
    )
    assert not HYPOTHETICAL.search(benefit)
    # v0.30: a plan "subject to ... uncertainties" supposes a harm too (Tesla's 10-K for FY2024, Item 1A: it read as
    # supply-chain good news by "commencement and ramp of production")
    assert HYPOTHETICAL.search(
        "The construction of and commencement and ramp of production at these factories are subject to a number of "
        "uncertainties inherent in all new manufacturing operations."
    )
    # ... not when the sentence says it no longer is (a second review)
    assert not HYPOTHETICAL.search("Supply is no longer subject to the uncertainties of the 2022 lockdowns.")
    flag = Flag("supply_chain", "positive", 0.97, benefit, 0, len(benefit), sure=True)
    assert read_as_risk(flag, "1A Risk Factors") is flag


def test_a_flag_a_reading_rule_turns_is_no_longer_marked_sure() -> None:
    """risk_reading.SURE_AFTER_FLIP: the refiner was sure of the verdict it chose (+0.92, sure), not of the
    rule's; a flag the rule leaves alone keeps its mark, and one the refiner never judged stays unjudged."""
    sentence = SUPPOSED[0]
    turned = read_as_risk(Flag("supply_chain", "positive", 0.92, sentence, 0, len(sentence), sure=True), "1A")
    assert (turned.polarity, turned.sure) == ("negative", False)
    kept = Flag("supply_chain", "negative", -0.9, sentence, 0, len(sentence), sure=True)
    assert read_as_risk(kept, "1A Risk Factors").sure is True
    unjudged = Flag("supply_chain", "neutral", 0.0, sentence, 0, len(sentence), sure=None)
    assert read_as_risk(unjudged, "1A Risk Factors").sure is None
