"""Found in last session's review (bad input): a watchlist entry `symbol = "NVDA"` with `cik = 1234567`, a CIK no
company is listed under, passed `watchdesk run --dry-run` silently ('tickers given by CIK, not looked up', 'valid',
exit 0), and a run fetched CIK 1234567's filings (none: a gap) while reading news and calls as NVIDIA's; beside a
ticker without a CIK the plan even named it 'NVDA (CIK 1234567, "NVIDIA CORP")'. A CIK of another listed company was
already refused. Now SEC's ticker map, where the dry run can read it (the replay pack, or live with the identity),
refuses the pair, naming NVDA's CIK; where it cannot, the snapshot of that map shipped with watchdesk says they
disagree, as a warning: a company registered since the snapshot is not in it. No network: the demo replay pack."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack

ENTRY = '[[tickers]]\nsymbol = "{symbol}"\ncik = {cik}\nsources = ["edgar"]\n'


def _dry_run(tmp_path: Path, entries: str, *, replay: bool) -> tuple[int, str]:
    wl = tmp_path / "w.toml"
    wl.write_text('name = "w"\n' + entries, encoding="utf-8")
    env = {"WATCHDESK_REPLAY": str(demo_pack()) if replay else None, "WATCHDESK_SEC_IDENTITY": None}
    done = CliRunner(env=env).invoke(cli, ["run", str(wl), "--dry-run", "--db", str(tmp_path / "w.duckdb")])
    return done.exit_code, " ".join(done.output.split())


def test_secs_map_refuses_a_cik_no_company_is_listed_under(tmp_path: Path) -> None:
    code, said = _dry_run(tmp_path, ENTRY.format(symbol="NVDA", cik=1234567), replay=True)
    assert code == 2, said
    assert ("tickers: ticker 'NVDA' and cik 1234567 disagree: SEC's ticker map lists no company under CIK 1234567, "
            "and NVDA as CIK 1045810 (NVIDIA CORP); did you mean cik = 1045810? (or correct the symbol)") in said, said


def test_beside_a_ticker_without_a_cik_it_is_refused_and_not_named_nvidia(tmp_path: Path) -> None:
    entries = ENTRY.format(symbol="NVDA", cik=1234567) + '[[tickers]]\nsymbol = "AMD"\nsources = ["edgar"]\n'
    code, said = _dry_run(tmp_path, entries, replay=True)
    assert code == 2 and "ticker 'NVDA' and cik 1234567 disagree" in said, said
    assert '"NVIDIA CORP"' not in said, said


def test_without_secs_map_the_snapshot_says_they_disagree(tmp_path: Path) -> None:
    code, said = _dry_run(tmp_path, ENTRY.format(symbol="NVDA", cik=1234567), replay=False)
    assert "tickers given by CIK, checked against the snapshot of SEC's map shipped with watchdesk alone" in said
    assert ("warning: tickers: NVDA and cik 1234567 disagree: the snapshot of SEC's ticker map shipped with watchdesk "
            "(early 2025) lists no company under CIK 1234567, and NVDA as CIK 1045810 (NVIDIA CORP); a run fetches CIK "
            "1234567's filings. Check the cik (cik = 1045810?)") in said, said
    # a warning: the one thing stopping this dry run is the identity a live run needs
    assert code == 2 and "the watchlist and its plan are valid" in said, said


def test_a_pair_that_agrees_or_cannot_be_told_is_said_nothing(tmp_path: Path) -> None:
    entries = ENTRY.format(symbol="NVDA", cik=1045810) + ENTRY.format(symbol="ZQZQ", cik=1234567)
    code, said = _dry_run(tmp_path, entries, replay=False)
    assert "disagree" not in said and "tickers given by CIK, not looked up" in said, said
    assert code == 2 and "the watchlist and its plan are valid" in said, said
