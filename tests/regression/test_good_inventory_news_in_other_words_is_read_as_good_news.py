"""Issue 10, inventory polarity on calls: good stock news said in words the cues did not know read as neutral.

The leave-calls-out inventory polarity misses on our TUNE calls (`tests.labels.polarity_misses inventory --by-calls`),
class by class, each real sentence with its verdict by the rubric (fixtures/labels/README.md section 5, inventory):
days of stock at their lowest ("days of supply", not only DIO); customers' stock getting back to earlier levels
without a "to" or "will" before it; industry stock contracting; our own stock shipped out ("shipments will come from
inventory"); the company's own verdict that its stock is right (a retailer's "appropriate investments in
inventory"); growth owed to customers' reduced stock (not customers cutting it); a past
benefit of low-cost stock fading (neutral, also after "that"); pull-ins kept down and a build-up watched for and not
seen (an effort and a denial, not pull-ins or a build-up). Each sentence is flagged the way `watchdesk flag` reads its
whole call (read from ../shared/fixtures at test time; skipped when absent); written probes keep the cues from
reaching further.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.regression.test_flag_error_classes import _flags
from watchdesk.agents.flagging.flag import Flag
from watchdesk.agents.flagging.polarity import judge

T = "transcripts/plaintext_2023_2025/"
J = "transcripts/motley_fool_json/"

# (call, a piece of the sentence, the rubric's inventory verdict); every one read otherwise before
FLAGGED: list[tuple[str, str, str]] = [
    (J + "CTS_q2_2021.json", "On-hand days of supply are between 25 and 30 days, the lowest in recent history",
     "positive"),
    (T + "MU_2024_Q4.txt", "customer inventories by spring timeframe in smartphone and PCs for memory get to earlier",
     "positive"),
    (T + "MU_2024_Q1.txt", "which will result in a contraction of industry inventory levels", "positive"),
    (T + "MU_2024_Q3.txt", "part of those shipments will come from inventory", "positive"),
    (J + "TGT_q3_2021.json", "we think we've made the appropriate investments in inventory", "positive"),
    (J + "TGT_q3_2021.json", "we feel really good about how that positions us for the fourth quarter and the",
     "positive"),
    (T + "MU_2025_Q3.txt", "Sequential revenue growth was due to reduced customer inventories", "positive"),
    (T + "MU_2024_Q1.txt", "even though we're losing the benefit of that lower cost inventory", "neutral"),
]  # fmt: skip

# the rules' verdict (polarity.judge) on the real sentence: what the learned pass reads beside the words
RULES: list[tuple[str, str, str]] = [
    *FLAGGED,
    (T + "MU_2024_Q1.txt", "Our leading edge inventory is very tight. and we are also working to minimize pull-in",
     "positive"),
    (T + "MU_2024_Q1.txt", "you're limiting the bid shipments to prevent pull-ins ahead of price increases", "neutral"),
    (J + "CTS_q2_2021.json", "Although we've not seen signs so far, we remain cautious of potential inventory buildup",
     "positive"),
    # ... and what stays as it was: customers cutting their stock, a pull-in, a build-up said to be there
    (T + "AMD_2024_Q3.txt", "Semi-custom sales declined as Microsoft and Sony reduced channel inventory", "negative"),
    (T + "MU_2024_Q3.txt", "they're carrying some extra inventory to guard against that", "negative"),
]  # fmt: skip


def _hit(root: Path, name: str, piece: str) -> Flag | None:
    """The inventory flag on the sentence holding `piece`, the call flagged whole (test_flag_error_classes._flags)."""
    hits = [f for f in _flags(root, name)[1] if piece in " ".join(f.sentence.split()) and f.topic == "inventory"]
    return hits[0] if hits else None


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "want"), FLAGGED, ids=[f"{w}-{p[:40]}" for _n, p, w in FLAGGED])
def test_the_flag_reads_the_rubrics_verdict(shared_fixtures: Path, name: str, piece: str, want: str) -> None:
    flag = _hit(shared_fixtures, name, piece)
    assert flag is not None, f"{piece!r} is no inventory flag in {name}"
    assert flag.polarity == want, f"{name}: {piece!r}: got {flag.polarity}, the rubric says {want}"


@pytest.mark.fixtures
@pytest.mark.parametrize(("name", "piece", "want"), RULES, ids=[f"{w}-{p[:40]}" for _n, p, w in RULES])
def test_the_rules_read_the_rubrics_verdict(shared_fixtures: Path, name: str, piece: str, want: str) -> None:
    flag = _hit(shared_fixtures, name, piece)
    assert flag is not None, f"{piece!r} is no inventory flag in {name}"
    assert judge(flag.sentence, topic="inventory")[0] == want


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # written probes, each verdict decided by the rubric first: the new cues stay with stock
        ("Our revenue was the lowest in years, while inventory rose.", "neutral"),
        ("We do not expect inventories to get back to normal this year.", "negative"),
        ("Inventory levels are unlikely to get back to normal before mid-year.", "neutral"),
        ("Sales declined due to lower channel inventory.", "negative"),
        ("Revenue increased, partially offset by lower customer inventories.", "negative"),
        ("Customers pulled in orders ahead of the price increase.", "negative"),
        ("We are worried about inventory buildup at our customers.", "negative"),
        ("Inventory at customers came back to normal levels in the quarter.", "positive"),
        ("Most of the units we shipped came out of our existing inventory.", "positive"),
        ("Days of inventory fell to 90, the lowest since 2019.", "positive"),
    ],
)
def test_written_probes_of_the_new_cues(sentence: str, want: str) -> None:
    assert judge(sentence, topic="inventory")[0] == want
