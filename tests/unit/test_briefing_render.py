"""Briefing Markdown: every quote cited, gaps never hidden, sources mapped, output deterministic."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from watchdesk.agents.briefing.model import BriefingInput, DocumentItem, FindingItem, GapItem, ToneItem
from watchdesk.agents.briefing.render import citation_ids, escape_markdown, render_markdown, topic_label

Q10 = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000115/nvda-20250727.htm"
CALL = "https://investor.example.com/asml-q2-2025-call"


def finding(n: int, ticker: str, topic: str, polarity: str, score: float, sentence: str, **kw: object) -> FindingItem:
    base = {
        "finding_id": f"{n:04d}beefcafe{n:04d}",
        "ticker": ticker,
        "company": {"NVDA": "NVIDIA Corp", "ASML": "ASML Holding N.V."}[ticker],
        "topic": topic,
        "polarity": polarity,
        "score": score,
        "sentence": sentence,
        "section": "Item 1A",
        "speaker": None,
        "doc_id": "doc-nvda-10q" if ticker == "NVDA" else "doc-asml-call",
        "doc_title": "Quarterly report" if ticker == "NVDA" else "Q2 2025 earnings call",
        "doc_url": Q10 if ticker == "NVDA" else CALL,
        "form": "10-Q" if ticker == "NVDA" else "transcript",
        "filed_at": date(2025, 8, 27) if ticker == "NVDA" else date(2025, 7, 16),
    }
    return FindingItem(**{**base, **kw})  # type: ignore[arg-type]


FINDINGS = [
    finding(1, "NVDA", "geopolitical", "negative", -0.75, "We recorded a $4.5 billion charge for H20 [export] rules."),
    finding(2, "NVDA", "supply_chain", "positive", 0.6, "Supply of *Blackwell* improved_quickly | again."),
    finding(3, "NVDA", "inventory", "neutral", 0.0, "Inventory was\n$15.0 billion at quarter end."),
    finding(4, "ASML", "supply_chain", "negative", -0.5, "Lead times < 12 months are `rare`.", section=None,
            speaker="Roger Dassen"),
]
GAP = GapItem(ticker="TSM", agent="filings", target="https://data.sec.gov/submissions/CIK0001046179.json",
              reason="HTTP 404: SEC has no submissions for this CIK")


def briefing(**changes: object) -> BriefingInput:
    data = BriefingInput(
        title="Weekly briefing: chips",
        period_start=date(2025, 7, 14),
        period_end=date(2025, 8, 31),
        generated_at=datetime(2025, 9, 1, 6, 0, tzinfo=UTC),
        run_id="run-2025-09-01",
        watchlist_name="chips",
        tickers=["NVDA", "TSM", "ASML"],
        topics=["inventory", "supply_chain", "geopolitical"],
        findings=list(FINDINGS),
        gaps=[GAP],
        documents=[
            DocumentItem(doc_id="doc-nvda-10q", ticker="NVDA", form="10-Q", title="NVIDIA 10-Q", url=Q10,
                         filed_at=date(2025, 8, 27)),
            DocumentItem(doc_id="doc-nvda-8k", ticker="NVDA", form="8-K", title=None,
                         url="https://www.sec.gov/Archives/edgar/data/1045810/8k.htm", filed_at=date(2025, 8, 27)),
        ],
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def section(markdown: str, heading: str) -> str:
    """The body of one `## heading` section."""
    match = re.search(rf"^## {heading}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, heading
    return match.group(1)


def test_every_finding_is_quoted_with_its_citation() -> None:
    md = render_markdown(briefing())
    cites = citation_ids(FINDINGS)
    findings_part = section(md, "Findings")
    for f in FINDINGS:
        line = next(line for line in findings_part.splitlines() if f"[{cites[f.finding_id]}]" in line)
        assert f"“{escape_markdown(f.sentence)}”" in line
        assert f.polarity in line and f"{f.score:+.2f}" in line


def test_quotes_escape_markdown_but_keep_the_words() -> None:
    md = render_markdown(briefing())
    assert r"Supply of \*Blackwell\* improved\_quickly \| again." in md
    assert r"a \$4.5 billion charge for H20 \[export\] rules." in md
    assert r"Lead times \< 12 months are \`rare\`." in md
    assert "Inventory was \\$15.0 billion at quarter end." in md  # one line, whitespace collapsed
    unescaped = re.sub(r"\\(.)", r"\1", escape_markdown(FINDINGS[1].sentence))
    assert unescaped == FINDINGS[1].sentence


def test_sources_number_each_cited_document_and_map_each_citation() -> None:
    md = render_markdown(briefing())
    sources = section(md, "Sources")
    assert f"1. NVDA 10-Q, filed 2025-08-27: NVIDIA 10-Q <{Q10}> (document `doc-nvda-10q`)" in sources
    assert f"2. ASML transcript, held 2025-07-16: Q2 2025 earnings call <{CALL}>" in sources
    cites = citation_ids(FINDINGS)
    for f in FINDINGS:
        ref = 1 if f.ticker == "NVDA" else 2
        assert re.search(rf"^\| \[{cites[f.finding_id]}\] \| \[{ref}\] \|", sources, re.M), f.finding_id
    assert "Also reviewed, nothing cited" in sources and "8k.htm" in sources  # reviewed, not hidden
    findings_part = section(md, "Findings")
    assert findings_part.count("[1]") == 3 and findings_part.count("[2]") == 1


def test_summary_counts_every_watched_ticker_and_topic() -> None:
    summary = section(render_markdown(briefing()), "Summary")
    assert "| NVDA | Geopolitical | 1 | 1 | 0 | 0 | -1.00 |" in summary
    assert "| NVDA | Supply chain | 1 | 0 | 1 | 0 | +1.00 |" in summary
    assert "| ASML | Supply chain | 1 | 1 | 0 | 0 | -1.00 |" in summary
    assert "| TSM | Inventory | 0 | 0 | 0 | 0 | — |" in summary  # a silent ticker is shown, not dropped


def test_gaps_are_stated_plainly_when_present() -> None:
    gaps = section(render_markdown(briefing()), "Gaps")
    assert "TSM" in gaps and "filings" in gaps and "HTTP 404" in gaps and "CIK0001046179" in gaps
    assert "1 target in 1 planned step could not be fetched or processed" in gaps


def test_gaps_section_says_none_when_nothing_failed() -> None:
    md = render_markdown(briefing(gaps=[]))
    assert section(md, "Gaps").strip().startswith("None")


def test_output_is_deterministic_and_ignores_input_order() -> None:
    first = render_markdown(briefing())
    assert render_markdown(briefing()) == first
    shuffled = list(FINDINGS)
    random.Random(7).shuffle(shuffled)
    assert render_markdown(briefing(findings=shuffled, documents=briefing().documents[::-1])) == first


def test_top_findings_are_capped_most_negative_first() -> None:
    many = [
        finding(10 + i, "NVDA", "supply_chain", pol, score, f"Supply sentence {i}.")
        for i, (pol, score) in enumerate(
            [("positive", 0.9), ("negative", -0.3), ("neutral", 0.0), ("negative", -0.9),
             ("positive", 0.4), ("negative", -0.6), ("neutral", 0.1)]
        )
    ]
    md = render_markdown(briefing(findings=many))
    shown = re.findall(r"“Supply sentence (\d)\.”", section(md, "Findings"))
    assert shown == ["3", "5", "1", "0", "4"]
    assert "2 more not shown" in md and "7 mentions (3 negative, 2 positive, 2 neutral)" in md


def test_empty_period_still_renders_every_section() -> None:
    md = render_markdown(briefing(findings=[], documents=[]))
    for heading in ("Summary", "Sentence tone by document", "Findings", "Gaps", "Sources", "Method"):
        assert f"\n## {heading}\n" in md
    assert "No findings cited." in md and "no API key needed" in section(md, "Method")
    assert "no sentences in this period" in section(md, "Sentence tone by document")


def test_sentence_tone_per_document_with_its_source_number() -> None:
    f = finding(1, "NVDA", "inventory", "negative", -0.5, "Inventory rose.")
    tone = [ToneItem(doc_id=f.doc_id, ticker="NVDA", form="10-Q", filed_at=date(2025, 8, 27), sentences=200,
                     positive=30, negative=10),
            ToneItem(doc_id="other", ticker="NVDA", form="earnings call", filed_at=None, sentences=0, positive=0,
                     negative=0)]  # fmt: skip
    table = section(render_markdown(briefing(findings=[f], tone=tone)), "Sentence tone by document")
    assert "| NVDA | 10-Q, filed 2025-08-27 [1] | 200 | 30 | 10 | +0.10 |" in table
    assert "| NVDA | earnings call | 0 | 0 | 0 | +0.00 |" in table


def test_citation_ids_grow_until_unique() -> None:
    a = finding(1, "NVDA", "inventory", "neutral", 0.0, "x", finding_id="abcdef0123456789")
    b = finding(2, "NVDA", "inventory", "neutral", 0.0, "y", finding_id="abcdef01ffff0000")
    c = finding(3, "NVDA", "inventory", "neutral", 0.0, "z", finding_id="12345678aaaa0000")
    assert citation_ids([a, b, c]) == {
        "abcdef0123456789": "F-abcdef012",
        "abcdef01ffff0000": "F-abcdef01f",
        "12345678aaaa0000": "F-12345678a",
    }


@pytest.mark.parametrize(
    ("name", "label"), [("supply_chain", "Supply chain"), ("ai_demand", "AI demand"), ("inventory", "Inventory")]
)
def test_topic_labels(name: str, label: str) -> None:
    assert topic_label(name) == label


def test_a_sentence_repeated_across_documents_is_quoted_once() -> None:
    risk = "Export controls could  harm our business."
    again = [
        finding(20, "NVDA", "geopolitical", "negative", -0.7, risk),
        finding(21, "NVDA", "geopolitical", "negative", -0.7, risk, doc_id="doc-nvda-8k", doc_url=Q10 + "?8k"),
        finding(22, "NVDA", "geopolitical", "negative", -0.2, "Tariffs rose."),
    ]
    md = render_markdown(briefing(findings=again))
    findings_part = section(md, "Findings")
    assert findings_part.count("Export controls could harm our business.") == 1
    assert "(same sentence also in [2])" in findings_part and "“Tariffs rose.”" in findings_part
    assert "1 more not shown" in findings_part
    assert "\n2. NVDA 8-K, filed 2025-08-27" in section(md, "Sources")


def test_a_sentence_a_filing_repeats_in_other_items_says_where_else_it_stands() -> None:
    """NVIDIA's 10-K says "we may be unable to sell our inventory" in Items 1, 1A and 7: the briefing quoted one
    item with no sign of the others (session 15's note)."""
    said = "In the event of such change, we may be unable to sell our inventory."
    again = [
        finding(30, "NVDA", "inventory", "negative", -0.8, said, section="1 Business"),
        finding(31, "NVDA", "inventory", "negative", -0.8, said, section="1A Risk Factors"),
        finding(32, "NVDA", "inventory", "negative", -0.8, said, section="7 MD&A"),
        finding(33, "NVDA", "inventory", "negative", -0.3, "Inventory rose.", section="7 MD&A"),
    ]
    findings_part = section(render_markdown(briefing(findings=again)), "Findings")
    line = next(x for x in findings_part.splitlines() if "unable to sell our inventory" in x)
    assert "(said again in Items 1A, 7 of the same document)" in line
    assert "said again" not in next(x for x in findings_part.splitlines() if "Inventory rose." in x)
    from watchdesk.agents.briefing.render import _places

    assert _places(["II-1A Risk Factors"]) == "Item II-1A"  # a 10-Q's part and item
    assert _places(["qa"]) == "qa"  # a call's sections are named as they are


def test_news_outranks_standing_risk_factor_text() -> None:
    from dataclasses import replace as swap

    from watchdesk.agents.briefing.render import is_boilerplate
    from watchdesk.agents.briefing.render import top as _top

    base = FINDINGS[0]
    risk = swap(base, finding_id="r1", score=-0.9, section="1A Risk Factors", sentence="Export controls could hurt us.")
    call = swap(base, finding_id="c1", score=-0.4, section="qa", sentence="Lead times stretched again this quarter.")
    assert is_boilerplate(risk) and not is_boilerplate(call)
    assert [f.finding_id for f in _top([risk, call])] == ["c1", "r1"]


def test_news_is_published_and_a_zero_score_has_no_sign() -> None:
    # a helper's check of the demo briefing (session 20): news read "filed", a neutral score "(-0.00)"
    from watchdesk.agents.briefing.text import doc_label

    assert doc_label("news", date(2026, 3, 5)) == "news, published 2026-03-05"
    assert doc_label("10-Q", date(2025, 8, 27)) == "10-Q, filed 2025-08-27"
    md = render_markdown(briefing(findings=[finding(9, "NVDA", "inventory", "neutral", -0.001, "Inventory was flat.")]))
    assert "**neutral** (+0.00" in md and "(-0.00" not in md


def test_a_watchlist_name_keeps_its_accented_letters_in_file_names_and_no_path() -> None:
    # "Ünïcødé" became "n-c-d" (a helper's CLI review, session 20); separators and ".." must still never survive
    from watchdesk.agents.briefing.agent import slug

    assert slug("Überwachung Lieferkette") == "uberwachung-lieferkette"
    assert slug("Ünïcødé 🚀 watch/../../etc") == "unic-de-watch-etc"
    assert slug("../../..") == slug("東京") == "watchlist"


def test_the_news_cap_never_hides_a_flagged_item() -> None:
    """Review of the demo briefing: NVDA's news list showed 8 unflagged items and hid the one flagged item
    ("Foxconn says all will feel impact if Iran war drags on") under '... and 4 more'."""
    from watchdesk.agents.briefing.news_part import MAX_PER_TICKER, NewsEntry, render_news

    def item(n: int, flags: tuple[str, ...] = ()) -> NewsEntry:
        return NewsEntry(doc_id=f"n{n}", ticker="NVDA", title=f"Headline {n}", url=f"https://example.com/{n}",
                         outlet="Reuters", tier="established", published=date(2026, 3, 5), flags=flags)

    entries = [item(n) for n in range(MAX_PER_TICKER + 3)] + [item(99, ("geopolitical negative",))]
    md = render_news(entries, tickers=["NVDA"])
    assert "Headline 99 <https://example.com/99> · flagged: geopolitical negative" in md
    assert md.count("\n- 2026-03-05") == MAX_PER_TICKER
    assert "- … and 4 more, none flagged (all are in the documents table, source 'news')." in md
    assert "more" not in render_news(entries[:MAX_PER_TICKER], tickers=["NVDA"])


def test_method_text_names_findings_an_older_flagging_made() -> None:
    """The Method text gives this code's version and figures; findings stored before an upgrade (not re-flagged yet)
    are said, so the figures are not read as theirs."""
    from watchdesk.agents.flagging.version import METHOD_VERSION

    current = [replace(f, method_version=METHOD_VERSION) for f in FINDINGS]
    assert "another flagging version" not in render_markdown(briefing(findings=current))
    custom = [replace(current[0], method_version=f"{METHOD_VERSION}+0badc0de"), *current[1:]]
    assert "another flagging version" not in render_markdown(briefing(findings=custom))
    older = [replace(current[0], method_version="0.29"), replace(current[1], method_version="0.30+0badc0de"),
             *current[2:]]
    md = " ".join(render_markdown(briefing(findings=older)).split())
    assert (f"2 of the {len(FINDINGS)} findings here were made by another flagging version (v0.29: 1, v0.30: 1) "
            f"and are shown as it made them; the next `watchdesk run` re-flags their documents with "
            f"v{METHOD_VERSION}") in md


def test_local_paths_are_cut_to_their_last_folder() -> None:
    """Briefings went out by e-mail with the sender's transcript folders in Sources and Gaps."""
    from watchdesk.agents.briefing.model import GapItem
    from watchdesk.agents.briefing.text import local_paths

    assert local_paths("/home/ana/calls/nvda/q1.txt") == "…/nvda/q1.txt"
    assert local_paths(r"C:\Users\ana\calls\q1.txt") == "…/calls/q1.txt"
    kept = ["https://www.sec.gov/Archives/edgar/data/1045810/x.htm", "/tmp/x", "calls/nvda/q1.txt", "1/2/3"]
    assert [local_paths(t) for t in kept] == kept
    doc = DocumentItem(doc_id="doc-call", ticker="NVDA", form="transcript", title="Q1 call",
                       url="/home/ana/watchdesk/transcripts/nvda/q1.txt", filed_at=date(2025, 5, 28))
    gap = GapItem(ticker="ASML", agent="transcripts", target="ASML transcripts",
                  reason="tried folder /home/ana/watchdesk/transcripts/asml: it does not exist")
    md = render_markdown(briefing(documents=[doc], gaps=[gap]))
    assert "/home/ana" not in md
    assert "…/nvda/q1.txt (document `doc-call`)" in md and "tried folder …/transcripts/asml: it" in md


def test_a_speaker_is_one_name_across_calls() -> None:
    """A review: the demo briefing quoted 'Colette Kress' and 'Colette M. Kress' as if two people."""
    from watchdesk.agents.briefing.text import speaker_name

    assert speaker_name("Colette M. Kress") == speaker_name("Colette Kress") == "Colette Kress"
    assert [speaker_name(n) for n in ("C. J. Muse", "J. Smith", "Operator")] == ["C. J. Muse", "J. Smith", "Operator"]
    quoted = replace(FINDINGS[0], speaker="Colette M. Kress", section=None)
    assert "· Colette Kress [" in render_markdown(briefing(findings=[quoted, *FINDINGS[1:]]))


def test_a_question_relayed_by_investor_relations_is_a_question() -> None:
    """A review: the 2026-W29 headline's top quote was TSMC's IR head passing on an analyst's view ("He notes
    there's lots of talk that ... the supply is very tight"), quoted as the company's warning."""
    from watchdesk.agents.briefing.text import is_question

    def said(sentence: str, section: str = "qa") -> FindingItem:
        return replace(FINDINGS[0], sentence=sentence, section=section, speaker="Jeff Su", speaker_kind="management")

    relayed = ["He notes there's lots of talk that mature nodes are seeing a strong demand recovery.",
               "Well, those are your numbers, but Robert is asking the demand in excess of supply.",
               "So Gokul's first question is, again, how do we plan our capacity."]
    own = ["We note that supply is tight.", "Our customers' question is always about supply.",
           "Your question is about inventory.", "The question is how fast supply recovers.",
           "That question is a fair one."]  # answering, not passing on (a review: a whole answer was demoted)
    assert [is_question(said(s)) for s in relayed] == [True, True, True]
    assert [is_question(said(s)) for s in own] == [False] * 5
    assert not is_question(said(relayed[0], section="prepared"))  # prepared remarks relay no question
    # a sentence of a turn that opens by relaying a question ("Okay. So Charlie's question is ...") is one too
    assert is_question(replace(said(own[0]), relayed=True))
    assert not is_question(replace(said(own[0], section="prepared"), relayed=True))


def test_only_the_renderers_citations_become_links() -> None:
    """Brackets in a quote ("see note [1]") reach the Markdown escaped, so only the citation written after the quote
    links to the source; fetched text never makes a link."""
    from watchdesk.agents.briefing.html import section_html
    from watchdesk.agents.briefing.render import Section
    from watchdesk.agents.briefing.text import escape_markdown

    body = f"- “{escape_markdown('Inventory rose, see note [1] and [F-0123abcd].')}” [F-89abcdef] — 10-K [1]"
    html = str(section_html(Section("findings", "Findings", body)))
    assert html.count("<a ") == 2 and '<a href="#source-1">[1]</a>' in html and '<a href="#F-89abcdef">' in html
    assert "see note [1] and [F-0123abcd]." in html


def test_the_sources_table_reads_its_source_numbers_left_aligned() -> None:
    """A review: the Sources table right-aligned its "Source" column ("[1]", "[2]" pushed against the Ticker column),
    as if the references were amounts; they are labels, and read from the left like the other text columns."""
    from watchdesk.agents.briefing.html import render_html

    html = render_html(briefing())
    sources = html.split('<section class="sources">', 1)[1].split("</section>", 1)[0]
    table = sources.split("<table>", 1)[1].split("</table>", 1)[0]
    assert '<a href="#source-1">[1]</a>' in table
    assert "right" not in table, table[:400]
