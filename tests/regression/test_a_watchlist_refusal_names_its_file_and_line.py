"""A user review (session 45): a refused watchlist value said pydantic's "Value error, " before the reason, and a
value refused inside a list, a number or a key left out named the field but no line ("field `tickers.2.forms.0`:
Value error, 10-KK: ..."), or a line only when its text was written once in the whole file. A user with a long
watchlist had to count [[tickers]] tables. Each problem is now said as an editor reads it: "w.toml:14: tickers.2.forms:
10-KK: no such SEC form; did you mean 10-K or 10-KT?", the line found by where the key, the table or the list item is
written (graph/toml_lines.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from watchdesk.graph.toml_lines import toml_lines
from watchdesk.graph.watchlist import load_watchlist
from watchdesk.sources.errors import ConfigError

WATCHLIST = """\
name = "chips"

[[tickers]]
symbol = "NVDA"
forms = ["10-KK"]   # line 5

[[tickers]]
symbol = "AMD"

[[tickers]]
symbol = "TSM"
aliases = ["Taiwan Semiconductor"]
sources = ["edgar"]
forms = ["10-K", "10-KK"]   # line 14

[[tickers]]
aliases = ["ASML Holding"]   # its symbol left out: the table's line, 16

[filings]
forms = [
  "10-Q",
  "8-kk",   # line 22
]
lookback_days = 0   # line 24

[policy]
approval = "sometimes"
"""


def _refused(tmp_path: Path) -> list[str]:
    path = tmp_path / "watchlist.toml"
    path.write_text(WATCHLIST, encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        load_watchlist(path)
    said = str(refused.value).replace(str(path), "watchlist.toml")
    assert "Value error" not in said, said
    return said.splitlines()


def test_each_refusal_starts_with_file_and_line(tmp_path: Path) -> None:
    said = _refused(tmp_path)
    assert said == [
        "watchlist.toml: invalid watchlist:",
        "watchlist.toml:5: tickers.0.forms: 10-KK: no such SEC form; did you mean 10-K or 10-KT? (refused as a slip "
        "of a form EDGAR lists)",
        "watchlist.toml:14: tickers.2.forms: 10-KK: no such SEC form; did you mean 10-K or 10-KT? (refused as a slip "
        "of a form EDGAR lists)",
        "watchlist.toml:16: tickers.3.symbol: Field required",
        "watchlist.toml:22: filings.forms: 8-KK: no such SEC form; did you mean 8-K? (refused as a slip of a form "
        "EDGAR lists)",
        "watchlist.toml:24: filings.lookback_days: Input should be greater than or equal to 1 (got 0)",
        'watchlist.toml:27: policy.approval: must be "always", "never" or "first:N" (N >= 1) (got \'sometimes\')',
    ], "\n".join(said)


def test_lines_are_found_in_every_way_toml_writes_a_value() -> None:
    text = ('title = "a # no comment"  # a comment\n[[tickers]]\nsymbol = \'NVDA\'\ntranscripts = [\n'
            '  { kind = "folder", path = "calls" },\n  {kind = "url", url = "https://x.test/a#b"},\n]\n'
            '[[tickers]]\n[[tickers.transcripts]]\nkind = "feed"\n[filings]\nnews.tiers = { "a.com" = "other" }\n'
            'notes = """one\n"two" ]\n"""\nsince = 2025-01-01 07:00:00\nforms = [  # a comment ]\n  "10-K",\n]\n')
    assert tomllib.loads(text)["filings"]["notes"] == 'one\n"two" ]\n'
    lines = toml_lines(text)
    assert lines[("title",)] == 1 and lines[("tickers", 0)] == 2 and lines[("tickers", 0, "symbol")] == 3
    assert lines[("tickers", 0, "transcripts", 1, "url")] == 6
    assert lines[("tickers", 1, "transcripts", 0, "kind")] == 10  # [[tickers.transcripts]] of the second ticker
    assert lines[("filings", "news")] == lines[("filings", "news", "tiers", "a.com")] == 12
    assert lines[("filings", "since")] == 16 and lines[("filings", "forms", 0)] == 18
