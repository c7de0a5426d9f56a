"""The session's bad-input review: `watchdesk edgar list 0001045810` (a CIK, as EDGAR's addresses write it) said
only "'0001045810' is not a ticker (...)". Now it also says which ticker that CIK is, from the SEC ticker map shipped
with watchdesk, or that the map does not hold it; other text of no ticker's shape reads as before."""

from __future__ import annotations

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def _said(ticker: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["edgar", "list", ticker, "--replay", str(demo_pack())])
    return result.exit_code, result.stderr


def test_a_cik_is_said_with_its_ticker() -> None:
    code, said = _said("0001045810")
    assert code == 2 and said.startswith("error: '0001045810' is not a ticker"), said
    assert "it reads as a CIK, and CIK 1045810 is NVDA (NVIDIA CORP): give NVDA" in said, said


def test_a_cik_the_map_does_not_hold_asks_for_the_ticker() -> None:
    code, said = _said("99999999")
    assert code == 2 and "it reads as a CIK, which SEC's ticker map shipped with watchdesk does not hold" in said


def test_other_text_of_no_tickers_shape_reads_as_before() -> None:
    code, said = _said("NV DA")
    assert code == 2 and "CIK" not in said and "'NV DA' is not a ticker" in said, said
