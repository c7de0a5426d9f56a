"""Session 44's attack round: FMP reports a bad key or a plan limit as a JSON object, and sources/transcript_sources.py
put its "Error Message" into the source's error as written. An answer that quoted the key bare ("Invalid API KEY
<the key>"), as a provider may, reached the run's gap, its progress line and the briefing's gaps: redact_text finds a
key only by a parameter's name or a known provider's shape. Now every secret the request carried (the key, and any
credential parameter of the URL) is taken out of the error text wherever the answer echoes it.

The answers are stand-ins in FMP's error shape ({"Error Message": ...}), not recordings."""

from __future__ import annotations

import json

import httpx
import pytest

from watchdesk.agents import transcripts
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.redact import redact_echoed
from watchdesk.store.store import Store

KEY = "Zq8s3cr3tFmpKey7"  # no provider's shape, no parameter name beside it: only its value tells it is the key
INVALID = "Invalid API KEY. Feel free to create a Free API Key or visit https://site.financialmodelingprep.com/faqs"


@pytest.mark.parametrize(
    "answer",
    [{"Error Message": f"Invalid API KEY {KEY}. Feel free to create a Free API Key"},
     {"Error Message": f"{INVALID} (key '{KEY}')"},
     {"Error Message": f"{INVALID}?search=why&apikey={KEY}"},
     {"message": "Limit Reach", "key": KEY}],
)  # fmt: skip
def test_the_gap_of_an_fmp_error_names_no_key(answer: dict[str, str]) -> None:
    body = json.dumps(answer).encode()
    config = GatewayConfig(allowed_domains=("financialmodelingprep.com",), rate_limits={})
    gateway = Gateway(config, transport=httpx.MockTransport(lambda _r: httpx.Response(200, content=body)))
    request = transcripts.TranscriptsRequest(company=CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP"),
                                             aliases=(), chain=(transcripts.Source(kind="fmp"),),
                                             api_keys={"fmp": KEY})  # fmt: skip
    with Store.open(":memory:") as store, gateway:
        result = transcripts.collect(request, fetcher=gateway, store=store, run_id="r")
        stored = store.query("SELECT target, reason, tried FROM gaps")
    said = f"{result.gap} {result.tried} {stored}"
    assert result.gap and "fmp:" in result.gap and "REDACTED" in result.gap, said
    assert KEY not in said, said
    if "Error Message" in answer:
        assert "Invalid API KEY" in result.gap, said  # what FMP said is kept, its key alone taken out


def test_a_key_carried_by_the_url_is_taken_out_in_each_form() -> None:
    url = "https://feeds.example.com/rss;jsessionid=Sess10n42?token=a%2Fb%3Dc&page=2"
    said = redact_echoed("token a/b=c, a%2Fb%3Dc, session Sess10n42, page 2, extra X9", url=url, secrets=("X9",))
    assert said == "token REDACTED, REDACTED, session REDACTED, page 2, extra REDACTED"
