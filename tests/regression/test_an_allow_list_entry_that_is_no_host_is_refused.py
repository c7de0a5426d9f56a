"""Session 44's attack round: policy.allowed_domains took any text. A regex (`evil\\.sec.gov`), a glob
(`*.example.com`), a URL, an address range or two hosts in one entry were accepted, matched none of the hosts they seem
to say (the run then refused them with no word of the entry), and part of an address ("0.0.1") matched every address
ending so (127.0.0.1). Now a watchlist file with such an entry is refused when it loads, naming the entry, its line and
what to write; a host name (an IDN in either form, a trailing dot, a port), an address or localhost is kept as before;
an entry that is no host name, in a watchlist a run stored before, matches nothing."""

from __future__ import annotations

import pytest

from watchdesk.graph.policy import domain_allowed
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.errors import ConfigError


def _watchlist(*entries: str) -> str:
    listed = ", ".join(f"'{entry}'" for entry in entries)
    return f'[[tickers]]\nsymbol = "NVDA"\n\n[policy]\nallowed_domains = ["sec.gov",\n  {listed}]\n'


@pytest.mark.parametrize(
    ("entry", "said"),
    [("evil\\.sec.gov", "'\\\\' is in no host name"),
     ("*.cnbc.com", "no wildcards: write 'cnbc.com'"),
     ("*", "'*' is in no host name"),
     ("sec.gov, cnbc.com", "one host per entry"),
     ("https://feeds.example.com/rss?token=s3cret", "a URL: write its host alone ('feeds.example.com')"),
     ("feeds.example.com/rss", "a URL: write its host alone ('feeds.example.com')"),
     ("10.0.0.0/8", "an address range"),
     ("0.0.1", "no full IPv4 address"),
     ("cnbc.com:99999", "port 99999 is no port"),
     ("-cnbc.com", "no host name"),
     ("", "empty")],
)  # fmt: skip
def test_an_entry_that_is_no_host_is_refused_with_its_line(entry: str, said: str) -> None:
    with pytest.raises(ConfigError) as refused:
        parse_watchlist(_watchlist(entry))
    message = str(refused.value)
    assert "<watchlist>:6: policy.allowed_domains: " in message and said in message, message


def test_host_names_addresses_and_ports_are_kept_and_allow_their_hosts() -> None:
    entries = ("bücher.example", "xn--bcher-kva.example", "CNBC.com.", ".nytimes.com", "feeds.example.com:8443",
               "127.0.0.1", "127.0.0.1:8080", "::1", "localhost", " hooks.slack.com ")
    policy = parse_watchlist(_watchlist(*entries)).policy
    assert policy.allowed_domains == ("sec.gov", *entries[:-1], "hooks.slack.com")
    for host in ("xn--bcher-kva.example", "www.cnbc.com", "nytimes.com", "feeds.example.com", "127.0.0.1", "::1",
                 "localhost", "hooks.slack.com", "www.sec.gov"):
        assert domain_allowed(host, policy.allowed_domains), host
    assert not domain_allowed("evil.example", policy.allowed_domains)


def test_a_stored_entry_that_is_no_host_still_reads_and_matches_nothing() -> None:
    stored = Watchlist.model_validate({"tickers": [{"symbol": "NVDA"}],
                                       "policy": {"allowed_domains": ["0.0.1", "*.cnbc.com", "evil\\.sec.gov"]}})
    for host in ("127.0.0.1", "10.0.0.1", "www.cnbc.com", "cnbc.com", "evil.sec.gov", "sec.gov"):
        assert not domain_allowed(host, stored.policy.allowed_domains), host
