"""A user walkthrough (session 27): a briefing cites findings as [F-bb889b74], but `explore.evidence(db, "bb889b74")`
said "no finding bb889b74" (it wanted the whole 16-character id) and no command went from a citation to the sentence
and its source. `watchdesk evidence F-…` (and `explore.evidence`) now take the citation as the briefing writes it.
Also: a watched company with nothing found yet was refused by `watchdesk findings --ticker` (exit 2, "holds no
ticker 'ASML'") while `explore.findings` answered "No findings for ASML."; and one finding was "1 findings"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.cli_rows import write_rows as _write
from watchdesk.sources.errors import ConfigError
from watchdesk.store import explore


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def briefing_citation(folder: Path) -> str:
    text = next((folder / "b1").glob("*.md")).read_text(encoding="utf-8")
    found = re.search(r"\[(F-[0-9a-f]{8})\]", text)
    assert found, "the demo briefing cites no finding"
    return found.group(1)


def test_a_briefing_citation_shows_its_sentence_context_and_source(demo_folder: Path) -> None:
    db, cited = demo_folder / "demo.duckdb", briefing_citation(demo_folder)
    said = explore.evidence(db, cited)
    assert said.finding_id.startswith(cited[2:]) and said.quoted_exactly and said.source
    assert explore.evidence(db, f"[{cited}]") == said == explore.evidence(db, cited[2:].upper())
    code, out, err = invoke("evidence", f"[{cited}]", "--db", str(db), "--around", "2")
    assert code == 0, err
    assert out.startswith(f"[{cited}] {said.ticker} {said.document}") and f">>> {said.sentence} <<<" in out
    assert said.source in out


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("F-zz", "is not a finding's id or citation"),
        ("F-0", "is too short to name one finding"),
        ("F-00000000", "no finding F-00000000 in"),
    ],
)
def test_a_wrong_citation_is_said_plainly(demo_folder: Path, given: str, said: str) -> None:
    code, out, err = invoke("evidence", given, "--db", str(demo_folder / "demo.duckdb"))
    assert code == 2 and out == "" and said in err
    with pytest.raises(ConfigError, match=said):
        explore.evidence(demo_folder / "demo.duckdb", given)


def test_a_watched_company_with_no_findings_is_no_error(demo_folder: Path) -> None:
    db = demo_folder / "demo.duckdb"
    code, out, err = invoke("findings", "--db", str(db), "--ticker", "ASML", "--format", "csv")
    assert explore.findings(db, ticker="ASML").nothing.startswith("No findings for ASML. Nothing was read for ASML")
    assert code == 0 and out.startswith("date,ticker,topic") and "No findings for ASML." in err


def test_one_finding_is_one_finding(capsys: pytest.CaptureFixture[str]) -> None:
    _write([{"ticker": "NVDA"}], ["ticker"], "csv", nothing="", total=1, what="findings")
    _write([{"ticker": "NVDA"}], ["ticker"], "csv", nothing="", total=1, what="changes")
    assert capsys.readouterr().err.splitlines() == ["1 finding", "1 change"]
