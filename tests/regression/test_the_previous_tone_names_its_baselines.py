"""A walkthrough of trend.py's like-with-like comparison: in a week holding both a call and a 10-K (NVIDIA's 2025-W09)
the headline's Previous cell read "-0.31", the tone of the last call (2024-11-20, +1.00) and the last 10-K
(2024-02-21, -0.34) pooled, a baseline no other cell names, while the Trend compared each kind with its own; over the
demo's whole span, where the calls had no earlier call, "-0.34" beside a Net tone over calls and filings was the
10-K's alone, and nothing said so. The cell now says what its number is the tone of: "-0.31 (call of 2024-11-20 and
10-K of 2024-02-21 combined)", "-0.34 (10-K of 2024-02-21 only)"; a row of one kind of document is as before, its
Trend naming the one baseline. The numbers are unchanged. In the HTML the words stand under the number, smaller."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.regression.demo_briefs import brief_md, demo_file
from tests.regression.test_a_sentence_said_again_counts_once import headline_row


@pytest.fixture(scope="module")
def w09(demo_store: Callable[[Path], Path], shared_fixtures: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """2025-W09 of the demo: NVIDIA's call and 10-K of 2025-02-26 (the call is read from the shared fixtures)."""
    db = demo_store(tmp_path_factory.mktemp("demo"))  # a briefing is recorded in its store: not demo_folder's
    return brief_md(db, tmp_path_factory.mktemp("w09"), "--week", "2025-W09")


# geopolitics -0.81 before flagging v0.36, whose 2024 10-K lost ten false geopolitical warnings (antitrust, AI rules,
# insurance policies, "beyond our control", ...); supply chain -0.65 before v0.48, whose 2024 10-K reads "We utilize
# foundries ... to produce our semiconductor wafers" and its high-risk suppliers' assessment as neutral
@pytest.mark.parametrize(("topic", "previous"), [("Inventory", "-0.31"), ("Supply chain", "-0.64"),
                                                 ("Geopolitical", "-0.80")])  # fmt: skip
def test_a_week_with_a_call_and_a_10k_says_its_previous_tone_pools_both(w09: str, topic: str, previous: str) -> None:
    row = headline_row(w09, "NVDA", topic)
    assert row["Previous"] == f"{previous} (call of 2024-11-20 and 10-K of 2024-02-21 combined)"
    assert row["Trend"].startswith("calls: ") and "; 10-K: " in row["Trend"]  # each kind against its own


def test_a_previous_tone_of_some_kinds_only_says_so(demo_folder: Path, shared_fixtures: Path) -> None:
    markdown = demo_file(demo_folder, "md").read_text(encoding="utf-8")
    row = headline_row(markdown, "NVDA", "Inventory")
    assert row["Previous"] == "-0.34 (10-K of 2024-02-21 only)"
    assert row["Trend"].startswith("calls: no earlier call mentions it; ")
    assert headline_row(markdown, "TSM", "Inventory")["Previous"] == "—"  # its first call: nothing to compare


def test_a_row_of_one_kind_shows_the_number_alone(demo_store: Callable[[Path], Path], tmp_path: Path) -> None:
    markdown = brief_md(demo_store(tmp_path / "demo"), tmp_path / "out", "--week", "2025-W35")  # NVIDIA's 10-Q alone
    row = headline_row(markdown, "NVDA", "Inventory")
    # -0.49 before flagging v0.46 (the 10-K's "Other segment items ... include ... inventory provisions" definition is
    # no inventory flag since)
    assert (row["Previous"], row["Trend"]) == ("-0.48", "steady against the 10-K of 2025-02-26")


def test_the_html_shows_the_words_under_the_number(demo_folder: Path, shared_fixtures: Path) -> None:
    html = demo_file(demo_folder, "html").read_text(encoding="utf-8")
    assert ('<td class="col-previous" data-label="Previous" style="text-align:right">-0.34 <span class="basis">'
            '(<span class="whole">10-K</span> of <span class="whole">2024-02-21</span> only)</span></td>') in html
