"""A review: a timeout fetching the PREVIOUS filing for a comparison recorded the gap "compare 10-K NEW with PREV",
which settles the comparison for good (_stored_uncompared never takes it again): one network blip after the retries
and NVIDIA's new 10-K was never compared with last year's. Now only a filing that cannot be read (not found, not
parsed) settles it; a failure of the network leaves a gap naming the new filing alone, and the next run compares it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from tests.integration.test_filing_changes_run import FY2024, nvidia_pack
from watchdesk.agents import filings
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.errors import TransportError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

NVIDIA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")


class TimesOutOnce:
    """The gateway, with the previous 10-K not answering once (after the gateway's own retries)."""

    def __init__(self, inner: Gateway) -> None:
        self.inner, self.failed = inner, False

    def get(self, url: str, **kw: Any) -> Any:
        if url == FY2024 and not self.failed:
            self.failed = True
            raise TransportError(f"{url}: no answer within 30 s (timed out)")
        return self.inner.get(url, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def test_a_timeout_on_the_previous_filing_is_retried_next_run(edgar_fixtures: Path, tmp_path: Path) -> None:
    pack = nvidia_pack(tmp_path / "pack", edgar_fixtures)
    req = filings.FilingsRequest(company=NVIDIA, forms=("10-K",), since=date(2025, 2, 20), until=date(2025, 3, 1),
                                 limit_per_form=1)  # fmt: skip
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("sec.gov",))
    with Store.open(":memory:") as store:
        with Gateway(config, audit=AuditBuffer()) as gw:
            first = filings.collect(req, fetcher=TimesOutOnce(gw), store=store, run_id="r1")
        assert first.new_doc_ids and not first.compared
        assert first.gaps == [f"compare 10-K 0001045810-25-000023: {FY2024}: no answer within 30 s (timed out); "
                              "the next run tries the comparison again"]  # fmt: skip
        with Gateway(config, audit=AuditBuffer()) as gw:
            second = filings.collect(req, fetcher=gw, store=store, run_id="r2")
        made = store.query("SELECT count(*) FROM filing_comparisons")[0][0]
    assert len(second.compared) == 1 and made > 0, second.gaps
