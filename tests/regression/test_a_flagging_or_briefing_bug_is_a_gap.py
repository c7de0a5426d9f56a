"""Bug: the flagging and briefing steps had no catch-all. A bug flagging one document ended the run as `failed`: the
documents after it were never flagged and no briefing was written; a bug in the briefing did the same after
everything was flagged. Now the document is a gap of its own (flagged again by the next run) and the others are
flagged, stored and briefed; a flagging step that fails as a whole, or a briefing that cannot be written or delivered
because of a bug, is a gap and what the run read stays stored (and briefed, where it can be). Either way the run is
recorded as partial (`runs.error` begins "partial:") and exits 1, as a run one of whose sources failed does."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.regression.demo_slice import WATCHLIST as NVDA_10Q
from watchdesk.agents.flagging import agent as flagging
from watchdesk.graph import nodes
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.graph.demo import demo_pack
from watchdesk.store.store import Store

# NVIDIA's 10-Q for Q2 FY2026 (in the window), and its FY2025 10-K and an 8-K with its exhibit asked for by number
WATCHLIST = NVDA_10Q.replace('sources = ["edgar"]\n', 'sources = ["edgar"]\naccessions = ["0001045810-25-000023", '
                                                      '"0001045810-26-000024"]\n')
TEN_Q_URL = "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000209/nvda-20250727.htm"
real_split = flagging.split_filing_sentences  # a filing (the 10-Q) is split so since flagging v0.40


def split_with_a_bug(text: str):  # type: ignore[no-untyped-def]
    if "QUARTERLY REPORT PURSUANT" in text[:5000]:  # the 10-Q's cover page: one odd document
        raise KeyError("section")
    return real_split(text)


def run(tmp: Path) -> Result:
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST)
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(tmp / "w.duckdb"), "--out", str(tmp / "out")]
    return CliRunner().invoke(cli, args)


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with Store.open(db, read_only=True) as store:
        return store.query(sql)


def said_by_a_run_with(tmp: Path, monkeypatch: pytest.MonkeyPatch, name: str, exc: Exception) -> str:
    """What a run says on stderr when the graph's `name` (flag_documents, write_briefing, deliver_briefing) raises
    `exc`; it exits 1."""

    def broken(*_args: object, **_kw: object) -> None:
        raise exc

    monkeypatch.setattr(nodes, name, broken)
    result = run(tmp)
    assert result.exit_code == EXIT_ERROR, result.output
    return " ".join(result.stderr.split())


def test_a_bug_flagging_one_document_is_its_gap_and_the_rest_are_flagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flagging, "split_filing_sentences", split_with_a_bug)
    result = run(tmp_path)
    assert result.exit_code == EXIT_ERROR, result.output
    said = " ".join(result.stderr.split())
    assert "a document could not be flagged: flagging (flag NVDA document " in said, said
    assert f"unexpected KeyError in {Path(__file__).name}:" in said
    assert f"flagging NVIDIA CORP 10-Q ({TEN_Q_URL}): 'section'; please report it" in said
    assert "the other documents are flagged, stored and briefed; the next run flags it again" in said
    db = tmp_path / "w.duckdb"
    unflagged = rows(db, "SELECT url FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM doc_flags)")
    assert unflagged == [(TEN_Q_URL,)]
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 4
    assert rows(db, "SELECT count(*) FROM findings")[0][0] > 0
    assert rows(db, "SELECT agent, ticker FROM gaps") == [("flagging", "NVDA")]
    ((status, error),) = rows(db, "SELECT status, error FROM runs")
    assert status == "done" and str(error).startswith("partial: flagging (flag NVDA document "), error
    assert list((tmp_path / "out").glob("*.md")), "the briefing is written"

    monkeypatch.setattr(flagging, "split_filing_sentences", real_split)
    again = run(tmp_path)
    assert again.exit_code == 0, again.output
    assert rows(db, "SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM doc_flags)")[0][0] == 0


# (what raises, its error, what the run says, how its record begins, whether the briefing is written)
STEP_BUGS = [
    ("write_briefing", RuntimeError("no chart for an empty week"),
     ["the briefing could not be written: unexpected RuntimeError in {test}:", "no chart for an empty week; please "
      "report it; what was fetched and flagged is stored: `watchdesk brief {tmp}/w.toml --db {tmp}/w.duckdb --since ",
      "--out {tmp}/out --deliver` writes it and sends it to the run's targets"],
     "partial: briefing (briefing ", False),
    ("deliver_briefing", TypeError("bad channel"),
     ["the briefing could not be delivered: unexpected TypeError in {test}:", "--db {tmp}/w.duckdb --deliver` sends "
      "it again"], "partial: briefing (delivery of briefing ", True),
    ("flag_documents", ValueError("bad topic library"),
     ["flagging failed: unexpected ValueError in {test}:", "in step flagging: bad topic library; please report it; "
      "what was fetched is stored and briefed"], "partial: flagging (flagging: unexpected ValueError", True),
]  # fmt: skip


@pytest.mark.parametrize(("name", "exc", "lines", "record", "briefed"), STEP_BUGS, ids=[c[0] for c in STEP_BUGS])
def test_a_bug_in_the_flagging_step_or_the_briefing_is_a_gap_and_what_was_read_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, exc: Exception, lines: list[str], record: str,
    briefed: bool,
) -> None:
    said = said_by_a_run_with(tmp_path, monkeypatch, name, exc)
    for line in lines:
        assert line.format(test=Path(__file__).name, tmp=tmp_path) in said, said
    db = tmp_path / "w.duckdb"
    assert rows(db, "SELECT count(*) FROM documents")[0][0] == 4
    assert rows(db, "SELECT count(*) FROM doc_flags")[0][0] == (0 if name == "flag_documents" else 4)
    ((status, error),) = rows(db, "SELECT status, error FROM runs")
    assert status == "done" and str(error).startswith(record), error
    assert bool(list((tmp_path / "out").glob("*.md"))) == briefed
