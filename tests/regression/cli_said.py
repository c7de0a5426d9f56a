"""Run a `watchdesk` command line as a user types it, with `{tmp}` standing for a folder holding a watchlist w.toml."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def said(args: list[str], tmp: Path) -> tuple[int, str]:
    """(exit code, stdout and stderr as one line) of `watchdesk ARGS`."""
    (tmp / "w.toml").write_text('[[tickers]]\nsymbol = "NVDA"\n')
    result = CliRunner().invoke(cli, [a.replace("{tmp}", str(tmp)) for a in args])
    return result.exit_code, " ".join(result.output.split())
