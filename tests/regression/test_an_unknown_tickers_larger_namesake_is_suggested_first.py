"""Bug (a new user's review, session 38): a watchlist's `symbol = "NVDAXX"` was answered "unknown ticker 'NVDAXX':
not in SEC's ticker map; did you mean VAXX, NVDA, NVAX?": VAXX (Vaxxinity) and NVDA are as close by the letters, and a
tie kept the close-match search's order. Of two as close, the company SEC's map lists first (its map runs from the
largest company down) now comes first: NVDA, NVAX, VAXX. Checked through the dry run a user runs, on SEC's map as
recorded in the demo pack."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

PACK = Path(__file__).resolve().parents[2] / "sources" / "packs" / "demo"


def test_an_extra_letter_suggests_nvidia_first(tmp_path: Path) -> None:
    watchlist = tmp_path / "w.toml"
    watchlist.write_text('[[tickers]]\nsymbol = "NVDAXX"\n')

    result = CliRunner().invoke(cli, ["run", str(watchlist), "--dry-run", "--replay", str(PACK)])

    assert result.exit_code == 2
    assert "unknown ticker 'NVDAXX': not in SEC's ticker map; did you mean NVDA, NVAX or VAXX?" in result.stderr
