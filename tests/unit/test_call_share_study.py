"""The call-share study's two ways of weakening one call's phrasing (tests/packs/call_share_study.py): averaged
weights and the least number of calls a word must occur in."""

from __future__ import annotations

import pytest

from tests.packs import call_share_study as study
from tests.packs.train_refiner import Example


def _model(presence: dict, polarity: dict, bias: float) -> dict:
    topic = {"presence": presence, "presence_bias": bias, "threshold": 0.4, "polarity": polarity,
             "polarity_bias": [0.0, 0.0, 0.0]}  # fmt: skip
    return {"version": "refine-4", "topics": {"inventory": topic}}


def test_average_takes_a_missing_weight_as_zero_and_drops_what_falls_below_prune() -> None:
    a = _model({"lean": 1.0, "R:inventory": 2.0, "rare": 0.015}, {"lean": [0.3, 0.0, -0.3]}, -1.0)
    b = _model({"lean": 0.5, "R:inventory": 2.0}, {}, -2.0)
    out = study.average([a, b])["topics"]["inventory"]
    assert out["presence"] == {"lean": 0.75, "R:inventory": 2.0}  # "rare" averages to 0.0075, under PRUNE
    assert out["polarity"] == {"lean": [0.15, 0.0, -0.15]}
    assert out["presence_bias"] == -1.5 and out["threshold"] == 0.4


def test_restrict_keeps_rule_features_and_words_met_in_enough_calls() -> None:
    rows = [
        Example("a.txt", {"inventory": ["lean", "only_a", "R:inventory"]}, {}),
        Example("b.txt", {"inventory": ["lean", "R:inventory"]}, {}),
        Example("c.txt", {"inventory": ["only_c", "R:inventory"]}, {}),
    ]
    kept = [e.names["inventory"] for e in study.restrict(rows, 2)]
    assert kept == [["lean", "R:inventory"], ["lean", "R:inventory"], ["R:inventory"]]


def test_usage_errors_exit_2() -> None:
    for argv in ([], ["bag", "0"], ["bag", "8", "1.5"], ["stems", "2"]):
        with pytest.raises(SystemExit) as stop:
            study.main(argv)
        assert stop.value.code == 2
