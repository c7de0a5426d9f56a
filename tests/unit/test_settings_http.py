"""The gateway's bounds come from settings: WATCHDESK_HTTP_* read once, checked, handed to the gateway."""

from __future__ import annotations

import pytest

from watchdesk.graph.deps import AuditBuffer
from watchdesk.graph.run_gateway import gateway_for
from watchdesk.graph.settings import from_env
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError


def test_http_bounds_reach_the_gateway() -> None:
    env = {"WATCHDESK_HTTP_DEADLINE_S": "15", "WATCHDESK_HTTP_MAX_MB": "2.5", "WATCHDESK_HTTP_MAX_RETRY_AFTER_S": "5"}
    settings = from_env(env)
    wl = parse_watchlist('[[tickers]]\nsymbol = "NVDA"\n')
    with gateway_for(settings, wl, AuditBuffer(), require_identity=False) as gw:
        assert (gw.config.deadline_s, gw.config.max_bytes, gw.config.max_retry_after_s) == (15.0, 2_621_440, 5.0)


def test_defaults_and_bad_values() -> None:
    assert (from_env({}).http.deadline_s, from_env({}).http.max_mb) == (120.0, 100.0)
    for bad in ("0", "-3", "soon", "inf", "nan"):
        with pytest.raises(ConfigError, match="WATCHDESK_HTTP_DEADLINE_S"):
            from_env({"WATCHDESK_HTTP_DEADLINE_S": bad})
