"""`watchdesk plan` reads "$NVDA" (a cashtag, as written on social media and in many notes) as NVDA, but `edgar list
'$NVDA'` said the ticker was unknown, `edgar download` likewise, and `transcript fetch '$NVDA'` said it "is not a
ticker". Every command taking a TICKER reads a leading "$" and surrounding spaces as `plan` does."""

from __future__ import annotations

import json

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_edgar_list_reads_a_cashtag() -> None:
    args = ["--forms", "6-K", "--since", "2026-07-01", "--replay", str(demo_pack())]
    plain = CliRunner().invoke(cli, ["edgar", "list", "TSM", *args])
    tagged = CliRunner().invoke(cli, ["edgar", "list", " $tsm ", *args])
    assert tagged.exit_code == 0, tagged.output
    assert tagged.stdout == plain.stdout and len(tagged.stdout.splitlines()) == 10
    assert {json.loads(line)["ticker"] for line in tagged.stdout.splitlines()} == {"TSM"}


def test_a_cashtag_alone_is_no_ticker() -> None:
    result = CliRunner().invoke(cli, ["edgar", "list", "$", "--replay", str(demo_pack())])
    assert result.exit_code == 2, result.output
    assert "'$' is not a ticker" in result.output
