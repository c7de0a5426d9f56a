"""A process that fetches SEC's ticker map again and gets the same body (a notebook's second run, another run of a
replayed pack, the suite's in-process runs) does not parse its 10,000 tickers again (~0.06 s of CPU each time).
A new body is parsed, and a map one caller changes is not the next caller's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_edgar_fetch import FakeFetcher
from watchdesk.sources import edgar
from watchdesk.sources.edgar_parse import TICKERS_URL
from watchdesk.sources.models import CompanyRef


def test_the_same_ticker_map_is_parsed_once(edgar_fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[int] = []
    parse = edgar.parse_ticker_map

    def counted(body: bytes) -> dict[str, CompanyRef]:
        parsed.append(len(body))
        return parse(body)

    monkeypatch.setattr(edgar, "parse_ticker_map", counted)
    edgar._parsed_ticker_map.cache_clear()  # what an earlier test fetched in this process
    recorded = edgar_fixtures / "tickers" / "company_tickers.json"
    fetcher = FakeFetcher({TICKERS_URL: recorded})

    first = edgar.fetch_ticker_map(fetcher, agent="planner")
    first["NVDA"] = CompanyRef(ticker="NVDA", cik=1, name="changed by its caller")
    second = edgar.fetch_ticker_map(fetcher, agent="planner")

    assert len(parsed) == 1
    assert second["NVDA"].cik == 1045810 and second == parse(recorded.read_bytes())
    one = b'{"0": {"cik_str": 1045810, "ticker": "NVDA", "title": "NVIDIA CORP"}}'
    assert edgar.fetch_ticker_map(FakeFetcher({TICKERS_URL: (200, one)}), agent="planner") == {
        "NVDA": CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
    }
    assert len(parsed) == 2
