"""A ticker a store does not hold, with no close match, was refused naming every ticker it holds: on the briefing
benchmark's store, 253 of them, a screenful. A refusal now names all of a few, and of many the first dozen and how
many more."""

from __future__ import annotations

import pytest

from watchdesk.sources.errors import ConfigError
from watchdesk.store.filters import _known


def test_many_tickers_are_named_a_dozen_and_counted() -> None:
    held = {f"SYN{n}" for n in range(250)} | {"ASML", "NVDA", "TSM"}
    with pytest.raises(ConfigError) as said:
        _known("ticker", ["ZZZZ"], held, "big.duckdb")
    assert str(said.value) == ("big.duckdb holds no ticker 'ZZZZ'; it holds ASML, NVDA, SYN0, SYN1, SYN10, SYN100, "
                               "SYN101, SYN102, SYN103, SYN104, SYN105, SYN106 and 241 more tickers")


def test_a_few_are_all_named_and_a_close_one_suggested() -> None:
    with pytest.raises(ConfigError) as said:
        _known("ticker", ["ZZZZ"], {"ASML", "NVDA", "TSM"}, "demo.duckdb")
    assert str(said.value) == "demo.duckdb holds no ticker 'ZZZZ'; it holds ASML, NVDA, TSM"
    with pytest.raises(ConfigError) as said:
        _known("ticker", ["NVDX"], {f"SYN{n}" for n in range(250)} | {"NVDA"}, "big.duckdb")
    assert str(said.value) == "big.duckdb holds no ticker 'NVDX'; did you mean NVDA?"
