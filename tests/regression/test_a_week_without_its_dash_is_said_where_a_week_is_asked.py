"""`brief --week 2025W35` (no dash, as ISO 8601's basic form writes it) is read as 2025-W35, and so is `2025-w35`
(store/filters.py), but a refusal said only "is not an ISO week like 2025-W35" and `brief --week`'s help named only
the dashed form, so a user with `2025W35` in a script could not tell from either that it works. Both now name it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ConfigError
from watchdesk.store.filters import week_days


@pytest.mark.parametrize("command", ["brief", "findings"])
def test_week_help_names_the_form_without_the_dash(command: str) -> None:
    said = " ".join(CliRunner().invoke(cli, [command, "--help"]).output.split())
    assert "e.g. 2025-W35 (or 2025W35, 2025-w35)" in said or "e.g. 2025-W35 or 2025W35" in said, said


def test_a_refused_week_names_the_form_without_the_dash() -> None:
    assert week_days("2025W35") == week_days("2025-w35") == week_days("2025-W35")
    with pytest.raises(ConfigError, match=r"is not an ISO week like 2025-W35 \(or 2025W35, 2025-w35\)$"):
        week_days("W35 2025")
