"""Bug: a scheduled run stopped by a ticker SEC's map does not list ("NVDAX") left a CANNOT-RUN notice that sent the
user to cron's environment file ("Scheduled runs read their settings from ... `watchdesk schedule install ...
--write-env` checks that file"), as for a setting missing under cron: UnknownTickerError is a ConfigError, whose
advice it inherited, and two unknown tickers were said as a plain ConfigError. No setting makes a ticker known: the
notice now says the ticker, its close matches and the command that tries again, without that advice. A real replayed
run (SEC's ticker map as recorded) through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.demo_slice import WATCHLIST, run_args
from watchdesk.graph.cli import cli
from watchdesk.graph.notices import cannot_run_notice

ADVICE = "Scheduled runs read their settings from "


@pytest.mark.parametrize(("symbols", "said"), [
    (["NVDAX"], "unknown ticker 'NVDAX': not in SEC's ticker map; did you mean NVDA"),
    (["NVDAX", "ASMLX"], "2 unknown tickers: - unknown ticker 'NVDAX'"),
])  # fmt: skip
def test_a_scheduled_run_stopped_by_an_unknown_ticker_is_not_sent_to_its_settings(
    tmp_path: Path, symbols: list[str], said: str
) -> None:
    tickers = "\n".join(f'[[tickers]]\nsymbol = "{s}"\nsources = ["edgar"]' for s in symbols)
    text = WATCHLIST.replace('[[tickers]]\nsymbol = "NVDA"\nsources = ["edgar"]', tickers)
    result = CliRunner().invoke(cli, [*run_args(tmp_path, text=text), "--scheduled"])
    assert result.exit_code == 2, result.output
    notice = " ".join(cannot_run_notice(tmp_path / "out", "nvda 10-q").read_text(encoding="utf-8").split())
    assert said in notice, notice
    assert ADVICE not in notice, notice  # before: the advice about cron's environment file
    assert f"`watchdesk run {tmp_path / 'w.toml'} --scheduled` tries the run now as cron runs it" in notice, notice
