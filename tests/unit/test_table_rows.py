"""table_rows.py: a filing table's row of figures is not a statement; a row of words is read as usual."""

from __future__ import annotations

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.table_rows import is_figures_row
from watchdesk.agents.flagging.topics import load_topics

# Rows as NVIDIA's 10-K FY2025 and 10-Q Q2 FY2026 give them (public domain, SEC EDGAR), then written ones with
# percentages, a dash for nil, brackets after a currency sign, points and a header row of dates.
FIGURES = [
    "Inventories | 10,080 | 5,282", "Total inventories (1) | $14,962 | $10,080", "Work in process | 3,399 | 1,505",
    "Inventories | (4,781) | (98) | (2,554)", "Inventories: | (In millions)", "Finished goods | 8,708 | 3,273",
    "Inventory provisions | 2.5 % | (1.0)%", "Tariffs | — | 12 %",
    "Inventories | $(1,234) | $(98)", "Inventories | $ (98) | $—", "Inventory turns | 2.5 pts | (1.0)%",
    "Inventories | January 26, 2025 | January 28, 2024",
]  # fmt: skip
WORDS = [  # TSMC's Q2 2026 call, a written row of words, NVIDIA's 10-K FY2025
    "Inventory days increased 7 days to 87 days, primarily due to the ramp of N2 technology.",
    "Export controls | Restrictions on sales of H20 to China",
    "In fiscal years 2025 and 2024, we recorded an inventory provision of $1.6 billion and $774 million, "
    "respectively, in cost of revenue.",
]


@pytest.mark.parametrize("row", FIGURES)
def test_rows_of_figures_are_not_statements(row: str) -> None:
    assert is_figures_row(row)
    assert flag_text(row, topics=load_topics(("inventory", "geopolitical"))) == []


@pytest.mark.parametrize("sentence", WORDS)
def test_sentences_and_rows_of_words_are_read(sentence: str) -> None:
    assert not is_figures_row(sentence)
    assert flag_text(sentence, topics=load_topics(("inventory", "geopolitical")))


WRITE_OFFS = [  # NVIDIA 10-K FY2024/FY2025 and 10-Q Q2 FY2026: write-downs of things other than stock
    "We recorded an acquisition termination cost of $1.4 billion in fiscal year 2023 reflecting the write-off of the "
    "prepayment provided at signing.",
    "Allowances for credit losses and write-downs are recognized in the other income (expense), net section of our "
    "Consolidated Statements of Income.",
    "If the estimated fair value of available-for-sale debt securities is less than its amortized cost basis, we "
    "determine if the difference, if any, is caused by expected credit losses and write-down the amortized cost basis "
    "of the securities if it is more likely than not we will be required to sell the securities.",
    "• assumption of liabilities and incurring amortization expenses, impairment charges to goodwill or write-downs "
    "of acquired assets;",
]


@pytest.mark.parametrize("sentence", WRITE_OFFS)
def test_write_downs_of_other_assets_are_not_inventory(sentence: str) -> None:
    assert flag_text(sentence, topics=load_topics(("inventory",))) == []


def test_a_bare_write_down_after_stock_is_still_inventory() -> None:
    """Tesla's 10-K FY2024, Item 8: the write-downs are of inventory, named in the sentence before."""
    text = (
        "We write-down inventory for any excess or obsolete inventory or when we believe that the net realizable "
        "value of inventory is less than the carrying value. During the years ended December 31, 2024, 2023 and "
        "2022, we recorded write-downs of $190 million, $233 million and $144 million, respectively, in Cost of "
        "revenues in the consolidated statements of operations."
    )
    assert len(flag_text(text, topics=load_topics(("inventory",)))) == 2


def test_a_long_row_is_read_in_linear_time() -> None:
    """FIGURE allows one space at each join (the nested runs of spaces it had took 4.9 s on this row)."""
    import time

    start = time.process_time()  # CPU seconds: a test worker beside this one on a busy machine does not count
    assert not is_figures_row("Inventories | 1" + " " * 5000 + "x | 2")
    assert time.process_time() - start < 0.05
