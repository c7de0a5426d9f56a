"""Bug (a CLI review): `watchdesk transcript fetch NVDA --url notaurl` (or `--url ftp://host/call`, or a watchlist's
`[[tickers.transcripts]] kind = "url"` with such a url) was refused at fetch time as "scheme '' not allowed; add the
domain to allowed_domains in the policy if it should be": no domain makes it fetchable. Now it is said before any
fetch as no web address, the way a news feed's url already was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError


@pytest.mark.parametrize(("option", "url"), [("--url", "notaurl"), ("--url", "ftp://x/y"), ("--feed", "http://")])
def test_an_ad_hoc_source_that_is_no_web_address_is_said(option: str, url: str) -> None:
    result = CliRunner().invoke(cli, ["transcript", "fetch", "NVDA", option, url])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_CONFIG, said
    assert f"{option} {url!r} is not a web address: give one starting https://" in said
    assert "allowed_domains" not in said


def test_a_watchlist_url_source_that_is_no_web_address_is_invalid(tmp_path: Path) -> None:
    text = ('[[tickers]]\nsymbol = "NVDA"\nsources = ["transcripts"]\n[[tickers.transcripts]]\nkind = "url"\n'
            'url = "ir.example.com/q3-call.html"\n')
    with pytest.raises(ConfigError, match=r":\d+: tickers\.0\.transcripts\.0: a url source's url must "
                                          r"start with http:// or https:// \(got 'ir\.example\.com/q3-call\.html'\)"):
        parse_watchlist(text)
