"""tests.labels.compare --by-keyword: the section-3 word list it splits by, and the table it prints."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.labels.calls import CORE, dev_rows
from tests.labels.compare import keyword_table
from tests.labels.readme_split import CANDIDATE, SECTION3


@pytest.mark.fixtures
def test_section3_words_are_close_to_the_dev_sets_own_candidates(shared_fixtures: Path) -> None:
    rows = dev_rows(shared_fixtures)
    disagree = [r for r in rows if bool(SECTION3.search(r["sentence"])) == r["manual"]]
    assert len(disagree) <= 12, [r["sentence"][:80] for r in disagree]  # of 635 rows
    # the labelling net (CANDIDATE) is wider: it also finds sentences the dev set added by hand
    assert any(CANDIDATE.search(r["sentence"]) and not SECTION3.search(r["sentence"]) for r in rows if r["manual"])


def test_flags_are_placed_on_the_copy_flagged_and_not_on_a_short_sentence_they_hold() -> None:
    from tests.labels.llm_eval import _place

    listed = ["Supply is tight.", "Is that correct?", "Prices rose.", "Supply is tight.", "Thanks."]
    assert _place(listed, "Supply is tight.", 1) == 3  # the second copy, once the first is behind
    assert _place(listed, "So the message is, investment grows in the U.S. Is that correct?", 0) is None
    assert _place(listed, "Prices", 0) == 2  # a piece of a README sentence split apart


def test_keyword_table_reports_each_stratum_and_its_share() -> None:
    def counts(tp: int, fn: int, fp: int, ok: int) -> dict[str, Counter[str]]:
        return {t: Counter(tp=tp, fn=fn, fp=fp, ok=ok) for t in CORE}

    strata = {"leave-companies-out": {"keyword": counts(9, 1, 1, 6), "no keyword": counts(1, 9, 1, 1)}}
    dev = [
        {"sentence": "Supply is tight.", "topics": {"supply_chain": "negative"}},
        {"sentence": "It got better.", "topics": {"supply_chain": "positive"}},
    ]
    text = keyword_table(strata, dev)
    assert "supply_chain  mentions without a keyword: 0.50 of 2" in text
    line = next(x for x in text.splitlines() if x.startswith("leave-companies-out") and "inventory" in x)
    assert "keyword 0.90 / 0.90 / 0.67 (0.50)" in line and "no keyword 0.50 / 0.10 / 1.00 (0.50)" in line


@pytest.mark.fixtures
def test_second_reader_rows_still_match_and_agree_as_recorded(shared_fixtures: Path) -> None:
    from tests.labels.second_reader.agreement import agreement

    counts = agreement(shared_fixtures)  # raises if a sentence's hash no longer matches
    assert counts["dev"]["n"] == 120 and counts["ours"]["n"] == 160
    # the README's table: a label fix that moves these should update it
    assert counts["dev"]["same topics"] == 114 and counts["ours"]["same topics"] == 149
