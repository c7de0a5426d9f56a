"""`watchdesk findings --format table` took 66 s of CPU to write the benchmark store's 880,000 findings, most of it
in textwrap (each sentence through a TextWrapper) and in making each row's cells one by one. Now the cells are made a
column at a time and a sentence whose words are one space apart is wrapped without textwrap (graph.wrap). The table
must be the one written before, byte for byte: this test writes it as the code before did, row by row through
shown() and textwrap, for the demo store's findings and changes and for rows holding what either path treats apart
(control characters, tabs and line breaks, runs of spaces, words wider than a line, wide characters, no-break
spaces, a day and a time, lists, numbers, empty cells), at three widths."""

from __future__ import annotations

import textwrap
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from watchdesk.graph import cli_table
from watchdesk.graph.cli_findings import _finding_row
from watchdesk.graph.cli_rows import shown
from watchdesk.store import explore

_ODD = ["\x1b[31mred\x1b[0m alert", "tab\there and\nthere", "  spaced  out  ", "x" * 200, "日本語の文 " * 30,
        "caf\u00e9 \u00a0 no-break " * 9, "\u202eevil", "", " ", "a-very-long-hyphenated-compound-word " * 5,
        "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/nvda-20250126.htm and more"]  # fmt: skip
_FINDING = {"date": date(2025, 2, 26), "ticker": "NVDA", "topic": "supply_chain", "polarity": "negative",
            "score": -0.8291, "sure": False, "citation": "F-0c1d2e3f", "document": "10-K", "section": "1A",
            "speaker": None, "sentence": "Supply is tight.", "said_again": ["F-9a8b7c6d", "F-1b2c3d4e"]}  # fmt: skip
_FINDINGS = ["date", "ticker", "topic", "polarity", "score", "citation", "document", "section", "speaker",
             "sentence", "said_again"]  # fmt: skip
_LABELS = {"compared_with": "vs ", "said_again": "said again: "}


def _before(rows: list[dict[str, Any]], columns: list[str], width: int) -> str:
    """The table as written before: each row's cells through shown(), each text through textwrap."""
    wrap = lambda text, indent, first=None, most=None: textwrap.wrap(  # noqa: E731
        text, width, initial_indent=indent if first is None else first, subsequent_indent=indent,
        break_on_hyphens=False, max_lines=most, placeholder=" …")  # fmt: skip
    long = "sentence" if "sentence" in columns else "text"
    lines: list[str] = []
    for row in rows:
        row_lines: list[str] = []
        for c in (c for c in columns if c not in (long, "under")):
            field = _LABELS.get(c, "") + shown(c, row) if shown(c, row) else ""
            if not field:
                continue
            if row_lines and len(row_lines[-1]) + 2 + len(field) <= width:
                row_lines[-1] += "  " + field
            elif len(("  " if row_lines else "") + field) <= width:
                row_lines.append(("  " if row_lines else "") + field)
            else:
                row_lines += wrap(field, "  ", "  " if row_lines else "")
        lines += row_lines
        if under := "under" in columns and shown("under", row):
            lines += wrap("under: " + under, " " * 11, "    ", 2)
        lines += wrap(shown(long, row), "    ")
        if row.get("in_sentence"):
            said = {"sentence rewritten": "was: ", "sentence moved": "now: "}
            label = next((v for k, v in said.items() if str(row.get("change") or "").startswith(k)), "in: ")
            lines += wrap(label + shown("in_sentence", row), "    ")
    return "".join(line + "\n" for line in lines)


def _odd_rows() -> list[dict[str, Any]]:
    rows = []
    for i, text in enumerate(_ODD):
        rows.append(_FINDING | {"sentence": text, "speaker": _ODD[-1 - i], "section": text[:90] or None})
        rows.append(_FINDING | {"date": datetime(2025, 2, 26, 9, 30), "score": 0.004, "sure": None, "said_again": None,
                                "document": 10, "section": 0.5, "topic": text})  # fmt: skip
    return rows


@pytest.mark.parametrize("columns", [60, 80, 160])
def test_the_table_is_byte_for_byte_the_one_written_before(
    demo_folder: Path, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    db = demo_folder / "demo.duckdb"
    findings = [_finding_row(r) for r in explore.findings(db)] + _odd_rows()
    changes = list(explore.changes(db))
    changes += [changes[0] | {"under": text, "text": text, "in_sentence": text, "change": "sentence rewritten"}
                for text in _ODD]  # fmt: skip
    change_columns = [c for c in explore.CHANGE_COLUMNS  # as write_rows gives a table
                      if c not in ("source", "in_sentence", "doc_id", "text_start", "text_end")]  # fmt: skip
    for rows, listed in ((findings, _FINDINGS), (changes, change_columns)):
        written = cli_table.table(rows, listed)
        assert written == _before(rows, listed, columns - 1)
        assert written.count("\n") > len(rows)
