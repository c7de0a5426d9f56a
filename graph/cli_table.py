"""`watchdesk findings` and `watchdesk changes` for a terminal (--format table): each row a line of its fields, the
heading a change sits under, then its sentence, no line wider than the terminal.

Its cells are made a column at a time and its text wrapped by graph.wrap: the benchmark store's 880,000 findings
took 66 s of CPU, most of it in textwrap, where each row's cells were made one by one and each text went through
textwrap.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import repeat
from typing import Any

from watchdesk.graph.cli_rows import _columns, cell, shown
from watchdesk.graph.wrap import wrapped
from watchdesk.sources.redact import is_printable, printable

_LABELS = {"compared_with": "vs ", "said_again": "said again: "}  # a cell on a row's line, where no header names it
# lines of a change's heading in a table, below its row (a risk factor's runs to 300 characters); a longer one ends
# "…" there (csv, jsonl and md keep it whole)
_UNDER_LINES = 2


def table(rows: Sequence[dict[str, Any]], columns: list[str]) -> str:
    """A line of the row's fields (more where they do not fit, each field whole where it fits), the heading a change
    sits under, then its sentence (or text), wrapped to the terminal's width."""
    import shutil

    width = max(shutil.get_terminal_size().columns, 60) - 1
    long = "sentence" if "sentence" in columns else "text"
    fields = [c for c in columns if c not in (long, "under")]
    said = zip(*[_shown_column(c, values, rows) for c, values in zip(fields, _columns(rows, fields), strict=True)],
               strict=True)  # fmt: skip
    unders = _shown_column("under", _columns(rows, ["under"])[0], rows) if "under" in columns else repeat("")
    texts = _shown_column(long, _columns(rows, [long])[0], rows)
    lines: list[str] = []
    for row, parts, text, under in zip(rows, said, texts, unders, strict=False):  # unders may be repeat("")
        line = "  ".join(filter(None, parts))
        lines += [line] if len(line) <= width else _packed([x for x in parts if x], width)
        if under:
            lines += wrapped("under: " + under, width, indent=" " * 11, first="    ", most=_UNDER_LINES)
        if text:
            lines += wrapped(text, width, indent="    ")
        if row.get("in_sentence") and (other := _in_label(row) + cell(row["in_sentence"])):
            lines += wrapped(other, width, indent="    ")
    return "".join([line + "\n" for line in lines])


def _shown_column(column: str, values: Sequence[Any], rows: Sequence[dict[str, Any]]) -> list[str]:
    """shown(column, row) of each row, labelled ("vs 2024-02-21", "said again: F-0c1d2e3f"): a column of texts is its
    own cells where none has a control character, a day its ISO date; a score or any other value through shown()."""
    kinds = set(map(type, values))
    if column == "score":
        from watchdesk.store.explore import score_said

        cells = [score_said(v, row.get("sure")) if type(v) is float else shown(column, row)
                 for v, row in zip(values, rows, strict=True)]  # fmt: skip
    elif not kinds <= {str, date, type(None)}:
        cells = [shown(column, row) for row in rows]
    else:
        cells = ["" if v is None else v if type(v) is str else v.isoformat() for v in values]
        if str in kinds and not is_printable("".join(cells)):
            cells = list(map(printable, cells))
    label = _LABELS.get(column)
    return [label + x if x else "" for x in cells] if label else cells


def _in_label(row: dict[str, Any]) -> str:
    """A filing change's other text: the sentence words went into or left ("in: "), what a sentence rewritten was
    ("was: "), how a sentence moved is said where it went ("now: ")."""
    change = str(row.get("change") or "")
    if change.startswith("sentence rewritten"):
        return "was: "
    return "now: " if change.startswith("sentence moved") else "in: "


def _packed(fields: list[str], width: int) -> list[str]:
    """A row's fields two spaces apart on lines of at most `width`, the lines after the first indented two; a field
    wider than a line is wrapped."""
    lines: list[str] = []
    line = ""
    for field in fields:
        if line and len(line) + 2 + len(field) <= width:
            line += "  " + field
            continue
        if line:
            lines.append(line)
        line = ("  " if lines else "") + field
        if len(line) > width:
            *full, line = wrapped(field, width, indent="  ", first="  " if lines else "") or [""]
            lines += full
    return [*lines, line] if line else lines
