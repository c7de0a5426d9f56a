"""listed.py: inventory named as one account in a list is not a flag. Sentences from Apple's, NVIDIA's and Tesla's
filings in fixtures/edgar/filings/ (public domain), each labelled in tests/labels/filings*/."""

from __future__ import annotations

import pytest

from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.listed import lists_stock
from watchdesk.agents.flagging.topics import load_topics

LISTS = [  # all labelled {}
    "We have critical accounting estimates in the areas of inventories, revenue recognition, and income taxes.",
    "ASU 2024-03 will require the Company to disclose the amounts of purchases of inventory, employee compensation, "
    "depreciation and intangible asset amortization, as applicable, included in certain expense captions in the "
    "Consolidated Statements of Operations, as well as qualitatively describe remaining amounts included in those "
    "captions.",
    "The Credit Agreement is secured by certain of our accounts receivable, inventory and equipment.",
    "Stock-based compensation capitalized in inventories was not significant during fiscal years 2025, 2024, and 2023.",
]
STATEMENTS = [  # labelled inventory: negative, neutral, negative (the last a risk factor's list of harms)
    "Provisions for inventory and excess inventory purchase obligations totaled $3.7 billion and $2.2 billion for "
    "fiscal years 2025 and 2024, respectively.",
    "Inventories are stated at the lower of cost or net realizable value.",
    "In addition, the Company can be exposed to product liability claims, recalls, product replacements or "
    "modifications, write-offs of inventory, property, plant and equipment or intangible assets, and significant "
    "warranty and other expenses, including litigation costs and regulatory fines.",
]


@pytest.mark.parametrize("sentence", LISTS)
def test_an_account_in_a_list_is_not_a_flag(sentence: str) -> None:
    assert lists_stock(sentence)
    assert [f for f in flag_text(sentence, topics=load_topics(("inventory",)))] == []


@pytest.mark.parametrize("sentence", STATEMENTS)
def test_statements_about_stock_are_flagged(sentence: str) -> None:
    assert not lists_stock(sentence)
    assert [f.topic for f in flag_text(sentence, topics=load_topics(("inventory",)))] == ["inventory"]


SAYING_MORE = [  # written (a review's cases): stock in a sentence that says something about it beside other accounts
    "Gross margin decreased due to excess inventory charges, higher warranty costs and increased depreciation.",
    "Stock-based compensation expense increased, while inventory write-downs of $2 billion weighed on gross margin.",
    "We took a $1.2 billion inventory write-down, and also recorded charges for goodwill and intangible assets.",
    "Changes in our estimates for inventory, goodwill and income taxes would adversely affect our results.",
    "Inventory turns improved, and depreciation and amortization rose.",
]


@pytest.mark.parametrize("sentence", SAYING_MORE)
def test_stock_that_is_more_than_an_item_of_a_list_is_not_dropped(sentence: str) -> None:
    assert not lists_stock(sentence)
