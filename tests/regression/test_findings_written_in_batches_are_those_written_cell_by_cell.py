"""`watchdesk findings --format csv` took about a minute of CPU to write the benchmark store's 880,000 findings (and
3.3 GB of memory: the whole CSV built as one string first), jsonl half a minute, and neither wrote a byte before
the end. Now rows are written a batch at a time, a column at a time, and a long listing says on stderr how far it
is. The output must be what the cell-by-cell writing gave, byte for byte: this test writes it plainly, as the code
before did (csv.writer over redact.printable'd cells, json.dumps a line), on the demo store with findings whose text
holds what each format treats apart (control characters, a formula's first character, quotes, commas, line breaks,
a bidi override, a no-break space, "%"), and compares every format, in one batch and in batches of 7 rows mixing
both paths."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner

from watchdesk.graph import cli_rows
from watchdesk.graph.cli import cli
from watchdesk.sources.redact import inert_json
from watchdesk.store import explore

_TEXTS = ['=HYPERLINK("x")', "\x1b[31mred\x1b[0m alert", "tab\there", 'new\nline "quoted", comma', "\u202eevil",
          "\tstarts with a tab", "-1 dead | pipe *md*", "@SUM", "\r\nCR", "caf\u00e9 \u00a0 no-break", "\x85 C1",
          "+plus 100% sure", "", "  spaced  out  ", "AT&amp;T &#x202E; & co",
          "$5 ~ `x` [y] <z> _u_ \\ back"]  # fmt: skip
_COLUMNS = ["date", "ticker", "topic", "polarity", "score", "sure", "citation", "document", "section", "speaker",
            "said_as", "sentence", "said_again", "source", "finding_id"]  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> Path:
    path = demo_store(tmp_path_factory.mktemp("batches"))
    with duckdb.connect(str(path)) as con:
        ids = [r[0] for r in con.execute("SELECT finding_id FROM current_findings ORDER BY finding_id").fetchall()]
        for i, text in zip(ids[::37], _TEXTS, strict=False):  # spread over the listing's batches
            con.execute("UPDATE findings SET sentence = ? WHERE finding_id = ?", [text, i])
        con.execute("UPDATE findings SET speaker = 'Mr \x07Bell, Jr.' WHERE finding_id = ?", [ids[5]])
    return path


def _plain_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    writer.writerows([[cli_rows.csv_cell(r.get(c)) for c in _COLUMNS] for r in rows])
    return out.getvalue()


def _plain_md(rows: list[dict[str, Any]]) -> str:
    """Each cell through md_cell (Markdown escaped, on one line), as every row was written before."""
    from watchdesk.graph.cli_findings import _finding_row  # a question marked beside its speaker

    columns = [c for c in _COLUMNS if c not in ("sure", "said_as")]
    lines = ["| " + " | ".join(cli_rows.md_cell(c, _finding_row(r)) for c in columns) + " |\n" for r in rows]
    return cli_rows._md_head(columns) + "".join(lines)


def _plain_jsonl(rows: list[dict[str, Any]]) -> str:
    iso = lambda v: v.isoformat() if hasattr(v, "isoformat") else v  # noqa: E731
    return "".join(inert_json({c: iso(r.get(c)) for c in _COLUMNS}) + "\n" for r in rows)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "md", "table"])
def test_a_listing_written_in_batches_is_the_one_written_cell_by_cell(
    db: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = list(explore.findings(db))
    plain = {"csv": _plain_csv, "jsonl": _plain_jsonl, "md": _plain_md}
    if fmt in plain:
        expected = plain[fmt](rows)
        said = {"csv": ("'=HYPERLINK", "\\x1b[31mred", '"new\nline ""quoted"", comma"'), "jsonl": ("\\u001b[31mred",),
                "md": ("\\u202eevil", "\\x07Bell", "AT\\&amp;T", "\\$5 \\~ \\`x\\`", "| spaced out |")}[fmt]
        assert all(t in expected for t in said)
        # one batch of them all: a text long enough for char_scan's table (sources/char_scan.py)
        assert CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", fmt]).stdout == expected
    else:  # table: what one batch of every row writes, as each row was written before
        expected = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", fmt]).stdout
        assert "\\u202eevil" in expected and "\\x07Bell" in expected
    monkeypatch.setattr(cli_rows, "BATCH", 7)
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
    source = "; --format md, csv or jsonl gives each one's source" if fmt == "table" else ""
    assert result.stderr == f"{len(rows)} findings{source}\n"


def test_changes_written_in_batches_are_those_written_cell_by_cell(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = {fmt: CliRunner().invoke(cli, ["changes", "--db", str(db), "--format", fmt]).stdout
             for fmt in ("csv", "jsonl")}  # fmt: skip
    rows = list(explore.changes(db))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0].keys(), *([cli_rows.csv_cell(v) for v in r.values()]
                                                                      for r in rows)])  # fmt: skip
    assert whole["csv"] == out.getvalue() and len(rows) > 100
    monkeypatch.setattr(cli_rows, "BATCH", 7)
    for fmt in ("csv", "jsonl"):
        assert CliRunner().invoke(cli, ["changes", "--db", str(db), "--format", fmt]).stdout == whole[fmt]


def test_a_long_listing_says_how_far_its_writing_is(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_rows, "LONG", 500)  # as 100,000 findings and more do
    monkeypatch.setattr(cli_rows, "PROGRESS_EVERY", 200)
    monkeypatch.setattr(cli_rows, "BATCH", 100)
    result = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", "csv"])
    said = [line.split("s  ", 1)[1] for line in result.stderr.splitlines()[:-1]]
    total = len(explore.findings(db))
    assert said == [f"{n:,} of {total:,} findings written" for n in range(200, total, 200)]
    assert result.stderr.splitlines()[-1] == f"{total} findings"
    short = CliRunner().invoke(cli, ["findings", "--db", str(db), "--format", "csv", "--limit", "499"])
    assert short.stderr.splitlines() == [f"499 of {total} findings shown (--limit)"]  # a short listing: no progress


def test_md_cells_written_a_column_at_a_time_are_those_written_one_by_one() -> None:
    """`--format md` took 93 s of CPU for the benchmark store's 880,000 findings, every cell escaped alone; a text
    with nothing to escape is now its own cell. Texts of Markdown's characters, spaces and controls, mixed at random,
    give the cells md_cell gives, byte for byte."""
    import random

    rng = random.Random(7)
    alphabet = [*"ab .,&#;x\\`*_[]<>|$~-+=()'\"", " ", "  ", "\t", "\n", "\r", "\x0b", "\x1c", "\x85", "\u00a0",
                "\u2009", "\u3000", "\u202e", "\x07", "\x7f"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)]
    rows = [{"sentence": t, "score": -0.004 * (i % 500), "sure": [None, True, False][i % 3], "said_again": [t, "F-1"],
             "date": None} for i, t in enumerate(texts)]  # fmt: skip
    columns = ["sentence", "score", "said_again", "date"]
    plain = "".join("| " + " | ".join(cli_rows.md_cell(c, r) for c in columns) + " |\n" for r in rows)
    assert cli_rows._md(rows, columns) == plain


def test_jsonl_lines_written_a_column_at_a_time_are_those_json_writes() -> None:
    """jsonl's lines are their keys' and values' texts joined once a batch, a list of citations written as its
    strings joined: values of every kind a listing holds, and some it does not (a list holding a number, NaN, an
    empty list, a key with a quote or a "%"), give json.dumps' line, byte for byte."""
    import random

    rng = random.Random(8)
    texts = ["F-1a2b3c4d", "caf\u00e9", 'a "quoted", comma', "\u202eevil", "\x07", "100%", "", "\\", "\u2028"]
    values = [None, True, 3, -0.5, float("nan"), date(2025, 2, 26), [], ["F-1"], ["F-2", 'x"y'], [1, "a"], *texts]
    columns = ["said_again", 'odd "key"', "50% of", "score", "date"]
    rows = [{c: rng.choice(values) for c in columns} for _ in range(2_000)]
    rows += [{"said_again": rng.choice([None, [], ["F-1", "\u00e9"]])} for _ in range(50)]  # lists of text alone
    iso = lambda v: v.isoformat() if isinstance(v, date) else v  # noqa: E731
    plain = "".join(inert_json({c: iso(r.get(c)) for c in columns}) + "\n" for r in rows)
    assert cli_rows._jsonl(rows, columns) == plain
    assert cli_rows._jsonl(rows[-50:], columns) == plain.split("\n", 2_000)[-1]


def test_csv_cells_written_a_column_at_a_time_are_those_the_csv_module_writes() -> None:
    """A text column's formula test reads each cell's first character, its quoting test the column's cells joined:
    texts opening with a formula's character or not, holding one further on, commas, quotes and line breaks, mixed
    at random, in batches with and without a formula, give csv_cell's cells as the csv module quotes them."""
    import random

    rng = random.Random(9)
    alphabet = [*"ab .,\"'=+-@", "\t", "\n", "\u00e9", "\u2028"]  # no control character: the column path
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(20_000)]
    rows = [{"text": t, "none": rng.choice([None, t]), "plain": t.lstrip("=+-@\t") or None} for t in texts]
    columns = ["text", "none", "plain"]
    for batch in (rows, *(rows[k : k + 40] for k in range(0, 2_000, 40)), [{"plain": r["plain"]} for r in rows]):
        assert cli_rows._csv(batch, columns) == cli_rows._csv_lines(batch, columns, cli_rows.csv_cell)
