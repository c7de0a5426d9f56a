"""Bug (a new user's review of bad input): `watchdesk edgar sections nvda-10k.htm --form 10-Q` split NVIDIA's 10-K as a
10-Q without a word, printing items "I-1 Business", ... with exit 0, though the cover page says 10-K: a user who typed
the wrong form got a wrong split with nothing to tell them. --form still wins (a cover page can be misread), and stderr
now says what the filing itself names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_a_form_other_than_the_cover_page_s_is_said(edgar_fixtures: Path) -> None:
    path = edgar_fixtures / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    if not path.exists():
        pytest.skip("NVIDIA's 10-K is not in the fixtures")
    result = CliRunner().invoke(cli, ["edgar", "sections", str(path), "--form", "10-Q"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["item"] == "I-1"  # split as asked
    assert result.stderr.strip() == (f"warning: {path}'s cover page says 10-K; split as a 10-Q, as --form says "
                                     "(leave --form out to split it as its cover page says)")
    same = CliRunner().invoke(cli, ["edgar", "sections", str(path), "--form", "10-K"])
    assert same.exit_code == 0 and same.stderr == ""
