"""A review: `watchdesk brief --week W` without a watchlist file briefed the latest finished run's watchlist, with
its companies, gaps and recipients, even when the database also holds another watchlist's runs (one store, a
"semis" and an "energy" watchlist): asked for the semis week after the energy run, it briefed energy. With several
watchlists stored, brief now exits 2 naming them unless told which: `--name NAME` or the watchlist's file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import load_watchlist

SAYS = ("Channel inventory rose as customers adjusted orders this quarter, and we expect inventory to normalize next "
        "quarter. Export controls and geopolitical tensions add supply chain risk that we watch closely. ")  # fmt: skip
TICKER = """
[[tickers]]
symbol = "{symbol}"
cik = {cik}
sources = ["transcripts"]
[[tickers.transcripts]]
kind = "folder"
path = "{calls}"
"""
DELIVERY = """
[[delivery]]
kind = "file"
path = "{desk}"
[policy]
approval = "never"
"""
DESKS = {"semis": ("NVDA", 1045810, "AMD", 2488), "energy": ("XOM", 34088, "CVX", 93410)}


def a_call(folder: Path, ticker: str, day: str) -> None:
    """A call held on `day`, long enough to be one, mentioning inventory and supply chain risk."""
    folder.mkdir(parents=True)
    statements = [{"speaker": "Jane Doe", "role": "Chief Financial Officer", "section": "prepared", "text": SAYS * 3}]
    call = {"ticker": ticker, "fiscal_period": "2026-Q2", "call_date": day, "statements": statements * 3}
    (folder / f"{ticker}_2026_Q2.json").write_text(json.dumps(call), encoding="utf-8")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """One database, two watchlists, each run once in the week 2025-W35: semis first, then energy."""
    tmp = tmp_path_factory.mktemp("two")
    db, files = tmp / "desk.duckdb", {}
    for name, (read, read_cik, missing, missing_cik) in DESKS.items():
        here = tmp / name
        a_call(here / "calls", read, "2025-08-27")
        files[name] = here / "watchlist.toml"
        files[name].write_text(f'name = "{name}"\n' + TICKER.format(symbol=read, cik=read_cik, calls=here / "calls")
                               + TICKER.format(symbol=missing, cik=missing_cik, calls=here / "none")
                               + DELIVERY.format(desk=here / "desk"))  # fmt: skip
        settings = Settings(db_path=db, mode="live", out_dir=here / "out", as_of=date(2025, 8, 31),
                            progress=False, watchlist_path=files[name])  # fmt: skip
        assert runner.start_run(load_watchlist(files[name]), settings).status == "done"
    return db, files


def brief(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["brief", "--db", str(db), "--week", "2025-W35", "--format", "md", *args])


def test_several_watchlists_and_none_named_exits_2_naming_them(
    store: tuple[Path, dict[str, Path]], tmp_path: Path
) -> None:
    db, _ = store
    result = brief(db, "--out", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert "2 watchlists: 'energy', 'semis'" in result.output and "add its name (`--name energy`)" in result.output
    assert not tmp_path.exists() or not list(tmp_path.iterdir()), "nothing is written"


@pytest.mark.parametrize("how", ["name", "file"])
def test_each_watchlist_gets_its_own_briefing(store: tuple[Path, dict[str, Path]], tmp_path: Path, how: str) -> None:
    db, files = store
    for name, (read, _, missing, _) in DESKS.items():
        chosen = ["--name", name] if how == "name" else [str(files[name])]
        result = brief(db, *chosen, "--out", str(tmp_path / name), "--deliver")
        assert result.exit_code == 0, result.output
        md = Path(result.stdout.split()[0]).read_text()
        others = [t for other, tickers in DESKS.items() if other != name for t in tickers[::2]]
        assert f"watchdesk briefing: {name}" in md and f"| {read} |" in md
        gaps = md.split("## Gaps", 1)[1].split("\n## ", 1)[0]
        assert f"- **{missing}** · transcripts · {missing} transcripts: no earnings call found" in gaps, gaps
        assert not [t for t in others if t in md], others
        delivered = sorted(p.name for p in (files[name].parent / "desk").iterdir())
        assert any(n.startswith(f"briefing-{name}-2025-W35-") and n.endswith(".md") for n in delivered)
    energy_desk = files["energy"].parent / "desk"
    assert not [p for p in energy_desk.iterdir() if "semis" in p.name], "semis went to energy's folder"


def test_a_name_not_stored_says_which_are(store: tuple[Path, dict[str, Path]]) -> None:
    db, _ = store
    result = brief(db, "--name", "metals")
    assert result.exit_code == 2 and "no finished run of a watchlist named 'metals'" in result.output
    assert "'energy', 'semis'" in result.output


def test_a_file_and_another_name_contradict(store: tuple[Path, dict[str, Path]]) -> None:
    db, files = store
    result = brief(db, str(files["energy"]), "--name", "semis")
    assert result.exit_code == 2 and "names the watchlist 'energy', not 'semis'" in result.output
