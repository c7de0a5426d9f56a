"""A review of 45d356d: a comparison the network stopped (a timeout, 5xx or 429 after the retries) is tried again by
the next run, but so was one whose previous filing passed the gateway's size cap (WATCHDESK_HTTP_MAX_MB), which is no
failure of the network and meets the same cap next time: each run downloaded up to the cap again and recorded the
gap '... body passed the cap of ... bytes; aborted; the next run tries the comparison again', a promise it could not
keep. Such a filing now settles the comparison as one not found or not parsed does ('compare 10-K NEW with PREV')
while the cap stays as it was (a run with a larger one compares them:
test_a_comparison_over_the_size_cap_is_made_once_it_is_raised.py). NVIDIA's real FY2024 10-K (2,085,566 bytes) over
a cap of 2,076,180 bytes, its FY2025 10-K (2,067,520) under it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tests.integration.test_filing_changes_run import FY2024, nvidia_pack
from tests.regression.test_a_timeout_on_the_previous_filing_is_retried import NVIDIA
from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.store.store import Store

CAP = 2_076_180  # 1.98 MiB


class Counting:
    """The gateway, counting the requests for the previous 10-K."""

    def __init__(self, inner: Gateway) -> None:
        self.inner, self.asked = inner, 0

    def get(self, url: str, **kw: Any) -> Any:
        self.asked += url == FY2024
        return self.inner.get(url, **kw)


def test_a_previous_filing_over_the_size_cap_settles_the_comparison(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures)
    req = filings.FilingsRequest(company=NVIDIA, forms=("10-K",), since=date(2025, 2, 20), until=date(2025, 3, 1),
                                 limit_per_form=1, http_max_bytes=CAP)  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",), max_bytes=CAP)
    with Store.open(":memory:") as store, Gateway(config, audit=AuditBuffer()) as gw:
        fetcher = Counting(gw)
        first = filings.collect(req, fetcher=fetcher, store=store, run_id="r1")
        [gap] = first.gaps
        assert gap.startswith(f"compare 10-K 0001045810-25-000023 with 0001045810-24-000029: {FY2024}: recorded body")
        assert "passed the cap of 2,076,180 bytes (WATCHDESK_HTTP_MAX_MB=1.98); aborted" in gap
        second = filings.collect(req, fetcher=fetcher, store=store, run_id="r2")
    assert fetcher.asked == 1 and not second.gaps and not second.compared, second.gaps
