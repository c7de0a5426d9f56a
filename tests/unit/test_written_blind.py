"""The blind written set (tests/labels/written_blind/): well formed, and its scorer runs. Its figures are in its README
and are not pinned here, so that no change is tuned to them."""

from __future__ import annotations

import json

from tests.labels import written_blind


def test_the_blind_set_is_well_formed_and_scores() -> None:
    rows = [json.loads(line) for line in written_blind.PROBES.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 180 and len({r["sentence"] for r in rows}) == 180
    for r in rows:
        assert set(r["expected"]) <= {"inventory", "supply_chain", "geopolitical"}
        assert set(r["expected"].values()) <= {"positive", "negative", "neutral"}
    n, whole, sure, sure_wrong, _ = written_blind.score()
    assert n == sum(not r.get("unsure") for r in rows) and 0 <= sure_wrong <= sure and whole <= n
