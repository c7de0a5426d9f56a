"""sec-edgar-downloader's bulk download runs behind our gateway: policy, audit and replay apply."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchdesk.graph.demo import demo_pack
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.edgar_download import download
from watchdesk.sources.edgar_parse import full_submission_url, submissions_url
from watchdesk.sources.errors import PolicyError
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef

NVDA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")


def replay(allowed: tuple[str, ...], audit: AuditBuffer) -> Gateway:
    return Gateway(GatewayConfig(mode="replay", replay_dir=demo_pack(), allowed_domains=allowed), audit=audit)


def test_listing_and_filters_go_through_the_gateway_and_failures_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audit = AuditBuffer()
    with replay(("sec.gov",), audit) as gw:
        report = download(
            gw, NVDA, form="10-K", folder=tmp_path, limit=1, after=date(2025, 1, 1), before=date(2025, 6, 1)
        )
    # The listing came from our (replayed) gateway; the one 10-K in the range was asked for as a full submission.
    assert audit.urls[0] == submissions_url(1045810)
    assert audit.urls[1] == full_submission_url(1045810, "0001045810-25-000023")
    # The pack lacks that .txt: the failure is reported to us, not printed by the library and lost.
    assert report.saved == 0 and len(report.failed) == 1 and "0001045810-25-000023" in report.failed[0]
    assert capsys.readouterr().out == ""


def test_allow_list_applies_to_the_library(tmp_path: Path) -> None:
    audit = AuditBuffer()
    with replay(("example.com",), audit) as gw, pytest.raises(PolicyError):
        download(gw, NVDA, form="10-K", folder=tmp_path, limit=1)
    assert audit.urls == [submissions_url(1045810)]
