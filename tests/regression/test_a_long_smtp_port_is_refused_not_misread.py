"""A review of f072908: WATCHDESK_SMTP_URL's port of 99999 is refused ("must be 1 to 65535"), but one of six digits or
more in a URL with a login and a from= address ("smtp://desk:pw@mail.fund.test:587587?from=desk@fund.test") was read
with the password running on to the from address's '@': the server became 'fund.test:587', the password
'pw@mail.fund.test:587587?from=desk', so the login went, with the real password in it, to another host. Such a
port is now refused as a port; its digits are not echoed (they may be a password where the host was left out)."""

from __future__ import annotations

import pytest

from watchdesk.agents.briefing.channels import smtp_server
from watchdesk.sources.errors import ConfigError


@pytest.mark.parametrize("port", ["587587", "5870000"])
def test_a_port_of_six_digits_is_refused_not_read_into_the_password(port: str) -> None:
    with pytest.raises(ConfigError) as refused:
        smtp_server(f"smtp://desk:pw@mail.fund.test:{port}?from=desk@fund.test")
    assert str(refused.value) == f"WATCHDESK_SMTP_URL's port must be 1 to 65535 (it has {len(port)} digits)"


def test_digits_where_the_host_was_left_out_are_not_echoed() -> None:
    with pytest.raises(ConfigError) as refused:
        smtp_server("smtp://desk:20251231")  # the password, the host forgotten
    assert "20251231" not in str(refused.value)


def test_a_password_holding_an_at_sign_is_still_read_whole() -> None:
    server = smtp_server("smtp://desk:p@ss@mail.fund.test:587?from=desk@fund.test")
    assert (server.host, server.port, server.password, server.sender) == ("mail.fund.test", 587, "p@ss",
                                                                         "desk@fund.test")  # fmt: skip
