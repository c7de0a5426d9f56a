"""The second held-out written set (tests/labels/written_check/): well formed, and its scorer runs. Its figures are
in its README and are not pinned here, so that no change is tuned to them."""

from __future__ import annotations

from tests.labels import written_check

_POLARITIES = {"positive", "negative", "neutral"}


def test_the_check_set_is_well_formed_and_scores() -> None:
    rows = written_check.rows()
    assert len(rows) == 240 and len({r["sentence"] for r in rows}) == 240
    assert sum(r["part"] == "targeted" for r in rows) == 120
    for r in rows:
        assert set(r["expected"]) <= {"inventory", "supply_chain", "geopolitical"}
        for want in r["expected"].values():
            accepted = want if isinstance(want, list) else [want]
            assert accepted and set(accepted) <= _POLARITIES | {None}
    counts = written_check.score()
    for part in ("targeted", "general"):
        assert counts[f"{part} n"] == 120
        assert 0 <= counts[f"{part} sure_wrong"] <= counts[f"{part} n"] - counts[f"{part} right"]
