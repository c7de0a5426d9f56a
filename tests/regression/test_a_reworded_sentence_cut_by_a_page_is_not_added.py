"""Bug: a sentence a page break cut, and reworded, was listed as an added fragment. Alphabet's Q3 2023 10-Q breaks "For
the three and nine months / ended September 30, 2023, unallocated corporate costs include charges related to the
reductions in our workforce and office space exit charges totaling ..." over its running header ("Table of Contents |
Alphabet Inc."); Q2 said "... office space totaling ...". The first piece was found in Q2 and left out, the second was
"added"; read the other way, Q2's "... and $832 million in employee" / "severance charges associated with the reduction
of our workforce." were two removed "sentences". Now the pieces of a sentence a line or page break cut are judged as
one sentence on both sides: held or lightly reworded, none of them is added or removed."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_risk_factors import parsed
from watchdesk.sources.filing_diff import compare
from watchdesk.sources.sentence_diff import added_sentences

CUT = "ended September 30, 2023, unallocated corporate costs include charges related to the reductions in our workforce"
Q2_PIECES = ("The $2.0 billion increase in compensation expenses was largely the result of a 10% increase in average",
             "severance charges associated with the reduction of our workforce.")  # fmt: skip


def test_a_reworded_sentence_cut_by_a_page_is_neither_added_nor_removed(edgar_fixtures: Path) -> None:
    q2, q3 = parsed(edgar_fixtures, "GOOG Q2 2023"), parsed(edgar_fixtures, "GOOG Q3 2023")
    # since html_text._running_header the text holds the sentence whole (the header between its pieces, "Table of
    # Contents | Alphabet Inc.", is dropped); the comparison must still add and remove none of it
    assert f"For the three and nine months {CUT}" in q3.text
    (mdna,) = compare(q2, q3, items=("7",)).sections
    added = [s.text for s in mdna.added_sentences] + [n.text for _, n in mdna.rewritten]  # a rewriting's sides too
    removed = [s.text for s in mdna.removed_sentences] + [o.text for o, _ in mdna.rewritten]
    assert not [s for s in added if s.startswith(CUT[:40])]
    assert not [s for s in removed if s.startswith(Q2_PIECES) or "unallocated corporate costs" in s]
    # Q3's "The $2.4 billion increase in compensation expenses ..." is a light rewording of Q2's whole sentence
    assert not [s for s in added if s.startswith("The $2.4 billion increase in compensation expenses")]
    assert (len(added), len(removed)) == (48, 40)  # 51 and 44 before


def test_a_new_sentence_cut_by_a_page_keeps_its_new_pieces() -> None:
    """A sentence the older text does not hold is added piece by piece, each a quote of the text, but for a piece
    the older text holds alone ("For the three and nine months")."""
    lead = "Revenues grew in every segment during the quarter, driven by advertising and cloud, and the "
    old = "For the three and nine months ended June 30, 2023, revenues grew.\n"
    new = (f"{lead}first quarter of the year saw costs rise. For the three and nine months\n"
           "Table of Contents | Alphabet Inc.\n"
           "ended September 30, 2023, we opened a data center in a country we never served before.\n")
    added = added_sentences(old, new, 0)
    assert [s.text for s in added] == [
        f"{lead}first quarter of the year saw costs rise.",
        "ended September 30, 2023, we opened a data center in a country we never served before.",
    ]
    assert all(new[s.start : s.end] == s.text for s in added)
