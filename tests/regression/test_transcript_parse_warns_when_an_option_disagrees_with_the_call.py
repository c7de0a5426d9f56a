"""The new user's review (session 38): `watchdesk transcript parse NVDA_2026_Q1.txt --ticker AMD` printed a call of
company NVIDIA with ticker AMD and said nothing, and --ticker's help read "Ticker, when the document does not say (it
wins over the document)". The options still win (a caller may know better than a page's header), but each one that
differs from what the transcript or its file name says is now warned of on stderr; the JSON on stdout is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def _parse(call: Path, *options: str) -> tuple[dict, str]:
    result = CliRunner().invoke(cli, ["transcript", "parse", str(call), *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_a_ticker_other_than_the_calls_is_used_and_said(shared_fixtures: Path) -> None:
    call = shared_fixtures / "transcripts/plaintext_2023_2025/NVDA_2026_Q1.txt"
    parsed, said = _parse(call, "--ticker", "AMD", "--fiscal-period", "2026-Q2")
    assert parsed["ticker"] == "AMD" and parsed["fiscal_period"] == "2026-Q2", parsed
    assert "warning: --ticker AMD is used; the transcript or its file name says NVDA" in said, said
    assert "warning: --fiscal-period 2026-Q2 is used; the transcript or its file name says 2026-Q1" in said, said


def test_options_that_agree_or_fill_a_gap_say_nothing(shared_fixtures: Path) -> None:
    call = shared_fixtures / "transcripts/plaintext_2023_2025/NVDA_2026_Q1.txt"
    parsed, said = _parse(call, "--ticker", "nvda", "--fiscal-period", "2026-Q1", "--call-date", "2025-05-28")
    assert parsed["ticker"] == "NVDA" and parsed["call_date"] == "2025-05-28", parsed
    assert "warning" not in said, said
