"""A security review: `to = ["evil%evil.test@example.com"]` passed `allowed_recipients = ["@example.com"]` (its domain
is example.com), though a mail server that still routes by "%" (the old source-routing hack) relays it to
evil@evil.test. A recipient's local part may no longer hold "%" (nor "!"): refused at load and again before sending."""

from __future__ import annotations

import pytest

from watchdesk.sources.addresses import recipient_allowed


@pytest.mark.parametrize("address", ["evil%evil.test@example.com", "evil.test!evil@example.com"])
def test_a_routed_local_part_is_not_allowed(address: str) -> None:
    assert not recipient_allowed(address, ["@example.com"])


def test_plain_and_tagged_addresses_still_are() -> None:
    assert recipient_allowed("pm+weekly@example.com", ["@example.com"])
    assert recipient_allowed("jane.analyst@example.com", ["jane.analyst@example.com"])
