"""Bug: flagging's filing splitter (sentences.split_filing_sentences, since v0.40) left two kinds of run-on sentence.
(1) After "U.S." or "Inc." it cut only before a capitalised word followed by lower-case words, and never before a word
the filing wrote twice after such an abbreviation: Alphabet's page headers ("Alphabet Inc.\nThe following table ...",
"Alphabet Inc.\nAs of June 30") made "As" and "The" names in both 10-Qs, and "... importing infringing products into
the U.S. Because the U.S. is an important market, ..." (both 10-Qs) and Apple's 10-K "... outside the U.S. The Company
believes ..." were one sentence. A word that starts sentences and no name ("As", "The", "Because", ...) now starts
one, as in the filing comparison's own splitter. (2) A line in lower case was read as a wrapped line, so a list's
items were one sentence: Plymouth Rock's 20-F "These forward-looking statements include ... statements about:" and its
nineteen items ending in ";" were one sentence. A filing's line that ends with ".", ";", ":", "; and" or "; or" before a
line in lower case now ends a sentence (calls keep the labelled splitter, which joins them); an item of a list of what
forward-looking statements are about is no flag (the filings' reading choice for such subjects, flagging v0.40), and
an item of a list of risks is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging.document import Document, flag_document, load_document
from watchdesk.agents.flagging.sentences import split_filing_sentences, split_sentences
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.sentence_diff import names_after_abbreviations

GOOG_10Q = "edgar/filings/GOOG_10-Q_Q2-2023_0001652044-23-000070.html"
GOOG_10Q3 = "edgar/filings/GOOG_10-Q_Q3-2023_0001652044-23-000094.html"
AAPL_10K = "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"
PLYMOUTH_20F = "edgar/filings/PlymouthRock_20-F_0001062993-21-003193.html"
CORE = ["inventory", "supply_chain", "geopolitical"]


def _document(root: Path, name: str) -> Document:
    return load_document((root / name).read_bytes(), origin=name)


def _sentences(document: Document) -> list[str]:
    return [document.text[a:b] for a, b in document.sentences()]


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "ends", "starts"), [
    (GOOG_10Q, "importing infringing products into the U.S.", "Because the U.S. is an important market"),
    (GOOG_10Q3, "importing infringing products into the U.S.", "Because the U.S. is an important market"),
    (AAPL_10K, "in various places outside the U.S.", "The Company believes its existing facilities and equipment"),
])  # fmt: skip
def test_a_word_that_starts_sentences_after_us_starts_one_in_a_filing(
    shared_fixtures: Path, name: str, ends: str, starts: str
) -> None:
    said = _sentences(_document(shared_fixtures, name))
    assert any(s.endswith(ends) for s in said)
    assert any(s.startswith(starts) for s in said)


@pytest.mark.fixtures
@pytest.mark.parametrize("name", [GOOG_10Q, GOOG_10Q3])
def test_no_word_that_starts_sentences_is_a_name_after_an_abbreviation(shared_fixtures: Path, name: str) -> None:
    names = names_after_abbreviations(_document(shared_fixtures, name).text)
    assert not names & {"As", "The", "Because", "For", "Our", "See"}
    assert "District" in names  # "U.S. District Court", a name the filing writes again


@pytest.mark.fixtures
def test_a_filings_list_items_are_sentences_and_what_forward_looking_statements_are_about_is_no_flag(
    shared_fixtures: Path,
) -> None:
    document = _document(shared_fixtures, PLYMOUTH_20F)
    said = _sentences(document)
    assert "our strategies for the development of our technology, software and hardware;" in said
    assert "competition in our industry;" in said
    item = "our expectations regarding our relationships with distributors, customers, component suppliers"
    assert any(s.startswith(item) for s in said)
    flags = flag_document(document, topics=load_topics(CORE))
    assert not [f for f in flags if f.sentence.startswith(item)]
    # a name after "U.S." still goes on, and a line wrapped by hand ("... of the\ninstrument.") is still one sentence
    assert any("a U.S. Holder will generally recognize" in " ".join(s.split()) for s in said)
    assert "The Company recognizes financial assets when it becomes party to the contractual provisions of the\n" \
        "instrument." in said


LIST = (
    "Known and unknown risks, uncertainties and other factors include, but are not limited to:\n"
    "shortages of components from our suppliers and longer lead times;\n"
    "changes in our relationships with customers; and\n"
    "the loss of key personnel."
)


def test_an_item_of_a_list_of_risks_is_flagged_as_its_own_sentence() -> None:
    document = Document(kind="filing", text=LIST)
    assert len(document.sentences()) == 4
    flags = flag_document(document, topics=load_topics(CORE))
    assert [(f.topic, f.sentence) for f in flags] == [
        ("supply_chain", "shortages of components from our suppliers and longer lead times;")
    ]


def test_a_calls_lines_in_lower_case_stay_one_sentence_and_an_abbreviation_wrapped_by_hand_is_no_end() -> None:
    assert len(split_sentences(LIST)) == 1  # the labelled call set's rule: its offsets are the labels'
    wrapped = "The agreement was signed by Acme Inc.\nand its subsidiaries on the closing date of the merger."
    assert split_filing_sentences(wrapped) == [(0, len(wrapped))]
