"""The labelled filing sentences (tests/labels/filings/, see its README.md): rows well formed, every candidate of each
labelled section a row, and each row still the sentence of the filing section it was read in."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.labels.filings import FILING_NAMES, FOLDER, filing_rows, filing_split, section_sentences
from tests.labels.readme_split import CANDIDATE, digest

TOPICS = {"inventory", "supply_chain", "geopolitical"}
POLARITIES = {"positive", "negative", "neutral"}


@cache
def scores_of(folder: Path, part: str | None = None) -> dict[str, tuple[float, float, float]]:
    """sureness.filing_scores of a folder's rows (of other_part(part) when given), flagged once per process: the
    test of a folder's floors and the test of the briefing's method text read the same figures (~1 s of CPU each)."""
    from tests.labels.sureness import filing_scores, other_part

    return filing_scores(folder, other_part(part) if part else None)[0]


def test_filing_rows_are_well_formed() -> None:
    rows = filing_rows()
    assert len(rows) >= 300
    assert len({(r["doc"], r["section"], r["at"]) for r in rows}) == len(rows)
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES
        assert digest(r["sentence"]) == r["sha"]
        assert bool(CANDIDATE.search(r["sentence"])) != r["manual"]  # manual rows are exactly the pattern's misses
        assert r["topics"] or not r["manual"]
    assert sum(not r["topics"] for r in rows) >= 100  # hard negatives: topic words, no topic statement


@pytest.mark.fixtures
def test_filing_rows_match_the_filings_and_cover_every_candidate(shared_fixtures: Path) -> None:
    rows = filing_rows()
    for doc, section in sorted({(r["doc"], r["section"]) for r in rows}):
        labelled = {r["at"]: r["sha"] for r in rows if (r["doc"], r["section"]) == (doc, section)}
        text = {at: s for at, s, table in section_sentences(shared_fixtures, doc, section) if not table}
        assert {at: digest(text[at]) for at in labelled if at in text} == labelled, (doc, section)
        assert {at for at, s in text.items() if CANDIDATE.search(s)} <= set(labelled), (doc, section)


RISK = Path(__file__).resolve().parents[1] / "labels" / "filings_risk"


def test_held_out_risk_factor_rows_are_well_formed() -> None:
    rows = filing_rows(RISK)
    assert len(rows) == 557 and len({(r["doc"], r["section"], r["at"]) for r in rows}) == len(rows)
    assert not {(r["doc"], r["section"]) for r in rows} & {(r["doc"], r["section"]) for r in filing_rows()}
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES
        assert digest(r["sentence"]) == r["sha"] and CANDIDATE.search(r["sentence"]) and not r["manual"]


@pytest.mark.fixtures
def test_held_out_risk_factor_rows_match_the_filings_and_cover_every_candidate(shared_fixtures: Path) -> None:
    rows = filing_rows(RISK)
    for doc, section in sorted({(r["doc"], r["section"]) for r in rows}):
        labelled = {r["at"]: r["sha"] for r in rows if (r["doc"], r["section"]) == (doc, section)}
        text = {at: s for at, s, table in section_sentences(shared_fixtures, doc, section) if not table}
        assert {at: digest(text[at]) for at in labelled} == labelled, (doc, section)
        assert {at for at, s in text.items() if CANDIDATE.search(s)} == set(labelled), (doc, section)


def test_flagging_reads_held_out_risk_factors_as_measured() -> None:
    """v0.14's figures on the held-out risk-factor sentences (tests/labels/filings_risk/README.md), as floors:
    before v0.13 taught supply and geopolitical polarity from filing MD&A, polarity there was 0.23 / 0.52 / 0.67,
    and before v0.14 read neutral inventory and supply-chain mentions in risk factors as warnings (risk_reading.py)
    0.55 / 0.79 / 0.86."""
    scores = scores_of(RISK)
    floors = {"inventory": (0.75, 0.85, 0.78), "supply_chain": (0.78, 0.77, 0.84), "geopolitical": (0.80, 0.77, 0.83)}
    for topic, figures in scores.items():
        assert all(f >= floor for f, floor in zip(figures, floors[topic], strict=True)), (topic, figures)


def test_the_briefings_method_text_quotes_the_risk_factor_figures() -> None:
    from watchdesk.agents.briefing.render import FILING_MEASURED

    scores = scores_of(RISK)
    for topic, name in (("inventory", "inventory"), ("supply_chain", "supply chain"), ("geopolitical", "geopolitics")):
        assert f"{name} {' / '.join(f'{x:.2f}' for x in scores[topic])}" in FILING_MEASURED


NOTES = Path(__file__).resolve().parents[1] / "labels" / "filings_notes"


@pytest.mark.fixtures
def test_held_out_notes_rows_match_the_filings_and_cover_every_sentence_of_the_pattern(shared_fixtures: Path) -> None:
    """tests/labels/filings_notes/: each sentence of its items that NOTES_PATTERN finds is a row, once, unless it was
    labelled before (../filings/, ../filings_risk/) or earlier in the set."""
    from tests.labels.filings import NOTES_PATTERN

    rows = filing_rows(NOTES)
    assert len(rows) == 163 and len({r["sentence"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES and not r["manual"]
        assert digest(r["sentence"]) == r["sha"] and NOTES_PATTERN.search(r["sentence"])
    seen = {r["sentence"] for r in filing_rows() + filing_rows(RISK)}
    wanted = []
    for doc, section in dict.fromkeys((r["doc"], r["section"]) for r in rows):
        for at, sentence, table in section_sentences(shared_fixtures, doc, section):
            if not table and NOTES_PATTERN.search(sentence) and sentence not in seen:
                seen.add(sentence)
                wanted.append((doc, section, at, digest(sentence)))
    assert [(r["doc"], r["section"], r["at"], r["sha"]) for r in rows] == wanted


def test_flagging_reads_held_out_notes_as_measured() -> None:
    """The figures of tests/labels/filings_notes/README.md as floors: before filing_reading.py (v0.16) inventory
    polarity there was 0.60, and before listed.py (v0.17) inventory precision 0.56."""
    scores = scores_of(NOTES)
    floors = {"inventory": (0.62, 0.97, 0.74), "supply_chain": (0.65, 0.88, 0.73)}
    for topic, floor in floors.items():
        assert all(f >= low for f, low in zip(scores[topic], floor, strict=True)), (topic, scores[topic])


def test_the_briefings_method_text_quotes_the_notes_figures() -> None:
    from watchdesk.agents.briefing.render import FILING_MEASURED

    scores = scores_of(NOTES)
    for topic, name in (("inventory", "inventory"), ("supply_chain", "supply chain")):
        assert f"{name} {' / '.join(f'{x:.2f}' for x in scores[topic])}" in FILING_MEASURED


PRIOR = Path(__file__).resolve().parents[1] / "labels" / "filings_risk_prior"


@pytest.mark.fixtures
def test_held_out_prior_risk_rows_match_the_filings_and_cover_every_new_candidate(shared_fixtures: Path) -> None:
    """tests/labels/filings_risk_prior/: every candidate of the two earlier 10-Ks' risk factors that no other set
    labels (consecutive 10-Ks repeat most of theirs), once."""
    rows = filing_rows(PRIOR)
    assert len(rows) == 117 and len({r["sentence"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES and not r["manual"]
        assert digest(r["sentence"]) == r["sha"] and r["section"] == "1A"
    seen = {r["sentence"] for r in filing_rows() + filing_rows(RISK) + filing_rows(NOTES)}
    wanted = []
    for doc in dict.fromkeys(r["doc"] for r in rows):
        for at, sentence, table in section_sentences(shared_fixtures, doc, "1A"):
            if not table and CANDIDATE.search(sentence) and sentence not in seen:
                seen.add(sentence)
                wanted.append((doc, at, digest(sentence)))
    assert [(r["doc"], r["at"], r["sha"]) for r in rows] == wanted


def test_flagging_reads_the_prior_risk_factors_as_measured() -> None:
    """tests/labels/filings_risk_prior/README.md's figures as floors; supply-chain polarity was 0.85 before the
    hypothetical-harm reading (risk_reading.HYPOTHETICAL, v0.18)."""
    scores = scores_of(PRIOR)
    floors = {"inventory": (0.68, 0.80, 0.97), "supply_chain": (0.78, 0.84, 0.89), "geopolitical": (0.93, 0.76, 0.84)}
    for topic, floor in floors.items():
        assert all(f >= low for f, low in zip(scores[topic], floor, strict=True)), (topic, scores[topic])


OTHER = Path(__file__).resolve().parents[1] / "labels" / "filings_other"


@pytest.mark.fixtures
def test_other_rows_are_every_new_candidate_of_their_items_in_its_passage(shared_fixtures: Path) -> None:
    """tests/labels/filings_other/: every candidate of OTHER_ITEMS that no other set labels, once, each with the
    passage the filing gives it."""
    from tests.labels.filings import OTHER_ITEMS, passages

    rows = filing_rows(OTHER)
    assert len(rows) == 399 and len({r["sentence"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r["topics"]) <= TOPICS and set(r["topics"].values()) <= POLARITIES and not r["manual"]
    seen = {r["sentence"] for r in filing_rows() + filing_rows(RISK) + filing_rows(NOTES) + filing_rows(PRIOR)}
    wanted = []
    for doc, section in OTHER_ITEMS:
        for p in passages(shared_fixtures, doc, section):
            if CANDIDATE.search(p["sentence"]) and p["sentence"] not in seen:
                seen.add(p["sentence"])
                wanted.append(p)
    strip = ("topics", "manual")
    assert sorted((r["doc"], r["section"], r["at"]) for r in wanted) == sorted(
        (r["doc"], r["section"], r["at"]) for r in rows
    )
    assert {r["sha"]: r for r in wanted} == {r["sha"]: {k: v for k, v in r.items() if k not in strip} for r in rows}


def test_flagging_reads_the_other_filing_items_as_measured() -> None:
    """tests/labels/filings_other/README.md's figures as floors: held out, and the TUNE part (in sample at v0.21;
    its geopolitics were 0.60 / 0.75 / 0.33 at v0.20, supply-chain precision 0.80)."""
    from tests.labels.sureness import OTHER as FOLDER

    held = scores_of(FOLDER, "held")
    floors = {"supply_chain": (0.76, 0.86, 0.69), "geopolitical": (0.55, 0.88, 0.87)}  # geo P 0.53 at v0.20
    for topic, floor in floors.items():
        assert all(f >= low for f, low in zip(held[topic], floor, strict=True)), (topic, held[topic])
    tune = scores_of(FOLDER, "tune")
    assert tune["geopolitical"] == (1.0, 0.75, 1.0) and tune["supply_chain"][0] >= 0.82, tune


def test_the_briefings_method_text_quotes_the_other_items_figures() -> None:
    from tests.labels.sureness import OTHER as FOLDER
    from watchdesk.agents.briefing.render import FILING_MEASURED

    held = scores_of(FOLDER, "held")
    for topic, name in (("supply_chain", "supply chain"), ("geopolitical", "geopolitics")):
        assert f"{name} {' / '.join(f'{x:.2f}' for x in held[topic])}" in FILING_MEASURED


ALL_SETS = (FOLDER, RISK, NOTES, PRIOR, OTHER)


@pytest.mark.fixtures
def test_each_labelled_filings_names_after_us_are_the_filings_own(shared_fixtures: Path) -> None:
    """filings.FILING_NAMES, which lets a passage be split as flagging splits the whole filing ("U.S. Tariffs" goes on
    in Apple's 10-Qs, where it comes six times), holds each labelled filing's words as its text gives them."""
    from watchdesk.agents.flagging.document import load_document
    from watchdesk.sources.sentence_diff import names_after_abbreviations

    docs = {r["doc"] for folder in ALL_SETS for r in filing_rows(folder)}
    assert docs <= set(FILING_NAMES)
    for doc in sorted(docs):
        text = load_document((shared_fixtures / "edgar" / "filings" / doc).read_bytes(), origin=doc).text
        assert names_after_abbreviations(text) == FILING_NAMES[doc], doc


def test_each_labelled_filing_sentence_is_read_whole_as_flagging_splits_a_filing() -> None:
    """Since flagging v0.40 a filing's sentences also end at a new clause after "U.S." (split_filing_sentences), and
    the label sets are measured so: no labelled sentence is cut in two by it, in its passage. Before, one row of
    tests/labels/filings/ joined two of Apple's sentences ("... located in the U.S. Restrictions on international
    trade ...") and one of filings_risk/ two of its 10-K's ("... located outside the U.S. As a result, ...")."""
    for folder in ALL_SETS:
        for r in filing_rows(folder):
            text = r["before"] + r["sentence"] + r["after"]
            a, b = len(r["before"]), len(r["before"]) + len(r["sentence"])
            spans = filing_split(text, r["doc"])
            # a sentence of its own ends inside the labelled one (a bullet or list marker before it is no sentence)
            assert not [e for s, e in spans if s < b and a < e < b], (folder.name, r["doc"], r["at"])


def test_the_split_rows_carry_their_own_labels() -> None:
    """The two sentences the old rows joined, each labelled by the rubric in its passage: the suppliers' location is
    the supply chain's structure (neutral, as the 10-K's own sentence is labelled), the trade restrictions a warning of
    both; the 10-K's location likewise, its "As a result, ... economic conditions" no candidate and no row."""
    def row(folder: Path, doc: str, start: str) -> dict:
        (found,) = [r for r in filing_rows(folder) if r["doc"] == doc and r["sentence"].startswith(start)]
        return found

    location = row(FOLDER, "AAPL_10-Q_Q2FY2025_aapl-20250329.htm", "A significant majority of the Company’s manufact")
    assert location["sentence"].endswith("located in the U.S.") and location["at"] == "4.1"
    assert location["topics"] == {"supply_chain": "neutral"}
    trade = row(FOLDER, "AAPL_10-Q_Q2FY2025_aapl-20250329.htm", "Restrictions on international trade, such as")
    assert trade["at"] == "4.2" and trade["topics"] == {"geopolitical": "negative", "supply_chain": "negative"}
    outside = row(RISK, "AAPL_10-K_FY2024_filed-2024-11-01.html", "In addition, the Company’s global supply chain")
    assert outside["sentence"].endswith("located outside the U.S.") and outside["topics"] == {"supply_chain": "neutral"}
