"""WATCHDESK_SMTP_URL with a port that is not a number. Without a login ("smtp://mail.fund.test:notaport") it was
refused with the general "must look like smtp://host:587 ..." message, leaving the user to find the port. With a login
and a from= address ("smtp://desk:pw@mail.fund.test:58x?from=desk@fund.test") it was worse: it parsed, with the
password running on to the from address's '@', so the server became fund.test:587 and the login, real password in it,
would have gone to that host (test_a_long_smtp_port_is_refused_not_misread.py fixed this for six-digit ports only).
Now the first says the port must be a number, and the second is refused before anything is sent; neither echoes the
URL, which holds the password."""

from __future__ import annotations

import pytest

from watchdesk.agents.briefing.channels import smtp_server
from watchdesk.sources.errors import ConfigError


def test_a_port_that_is_no_number_is_said() -> None:
    with pytest.raises(ConfigError) as refused:
        smtp_server("smtp://mail.fund.test:notaport")
    assert str(refused.value) == ("WATCHDESK_SMTP_URL's port must be a number, as in smtp://host:587 (what follows "
                                  "the host's ':' is not one)")


@pytest.mark.parametrize("host", ["mail.fund.test:58x", "mail.fund.test:submission", "mail fund.test:587"])
def test_a_host_that_does_not_parse_never_sends_the_login_to_the_from_addresss_domain(host: str) -> None:
    with pytest.raises(ConfigError) as refused:
        smtp_server(f"smtp://desk:s3cret@{host}?from=desk@fund.test")
    said = str(refused.value)
    assert said.startswith("WATCHDESK_SMTP_URL's host or port after the login's @ cannot be read"), said
    assert "s3cret" not in said and "fund.test" not in said


@pytest.mark.parametrize(("url", "expected"), [
    ("smtp://desk:p?ss@mail.fund.test:587", ("mail.fund.test", 587, "p?ss")),
    ("smtp://desk:p%3Ffrom%3Dx@mail.fund.test:465?from=desk@fund.test", ("mail.fund.test", 465, "p?from=x")),
    ("smtp://desk:pw@[::1]:2525", ("::1", 2525, "pw")),
])  # fmt: skip
def test_good_urls_read_as_before(url: str, expected: tuple[str, int, str]) -> None:
    server = smtp_server(url)
    assert (server.host, server.port, server.password) == expected
