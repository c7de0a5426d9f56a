"""How `watchdesk findings` and `watchdesk changes` write their rows (table, csv, jsonl or md): a batch of rows at a
time, each batch one write, so a long listing streams out as it is made and is never held whole as text.

Before, each cell went through a chain of checks and each line was its own flushed write: the benchmark store's
880,000 findings took about a minute of CPU to write as csv (a 390 MB string built first, 3.3 GB of memory) and
half a minute as jsonl. A batch now checks its written text for control characters once (redact.printable's): where
there are none, every cell was written as it is, which is what the cell-by-cell path gives; a batch with one is
written again cell by cell, as before.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from itertools import chain, repeat
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

import click

from watchdesk.sources.redact import inert_json_text, is_printable, printable
from watchdesk.store.table import Columns

BATCH = 5_000  # rows written at once
LONG = 100_000  # a listing this long says on stderr how far its writing is, every PROGRESS_EVERY rows
PROGRESS_EVERY = 200_000
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a text cell opening so is a formula to a spreadsheet
_OPENINGS = frozenset(_FORMULA)


def output_format(fmt: str | None) -> str:
    return (fmt or ("table" if sys.stdout.isatty() else "jsonl")).lower()


def write_rows(
    rows: Sequence[dict[str, Any]],
    columns: list[str],
    fmt: str | None,
    *,
    nothing: str,
    total: int,
    what: str,
    why: str = "--limit",
) -> None:
    """The rows on stdout in `fmt`, then on stderr how many ("880000 findings") or what was asked, where none."""
    fmt = output_format(fmt)
    if fmt == "md":
        columns = [c for c in columns if c != "sure"]  # said in the score's cell
    elif fmt == "table":  # sure: in the score's cell; a change's sentence on its own line, its place in the others
        columns = [c for c in columns if c not in {"source", "finding_id", "sure", "in_sentence", "doc_id",
                                                   "text_start", "text_end"}]  # fmt: skip
    render = _RENDER[fmt]
    if fmt in ("csv", "md"):
        click.echo(_HEAD[fmt](columns), nl=False)
    started = time.monotonic()
    for at in range(0, len(rows), BATCH):
        click.echo(render(rows[at : at + BATCH], columns), nl=False)
        done = min(at + BATCH, len(rows))
        if len(rows) >= LONG and done < len(rows) and done % PROGRESS_EVERY < BATCH and not sys.stdout.isatty():
            click.echo(f"{time.monotonic() - started:6.1f}s  {done:,} of {len(rows):,} {what} written", err=True)
    if not rows:
        click.echo(nothing, err=True)
    else:
        said = what if total != 1 else what[:-1]  # "1 finding", "1 change"
        shown = f"{len(rows)} of {total} {what} shown ({why})" if len(rows) < total else f"{total} {said}"
        click.echo(shown + ("; --format md, csv or jsonl gives each one's source" if fmt == "table" else ""), err=True)


def cell(value: Any) -> str:
    """A cell as a reader reads it (store.table.cell), control characters shown as escapes."""
    from watchdesk.store.table import cell

    return printable(cell(value))


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: fetched text opening with "=", "+", "-" or "@" (a headline may) would be
    read as a formula, so it gets a leading apostrophe; numbers stay numbers."""
    text = repr(value) if isinstance(value, float) else cell(value)  # a score as stored, as jsonl gives it
    return "'" + text if isinstance(value, str) and text[:1] in _FORMULA else text


def _csv_lines(rows: Sequence[dict[str, Any]], columns: list[str], make: Callable[[Any], str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([[make(row.get(c)) for c in columns] for row in rows])
    return out.getvalue()


def _csv(rows: Sequence[dict[str, Any]], columns: list[str]) -> str:
    """csv_cell's cells as the csv module quotes them (a cell with a comma, a quote or a line break in quotes, its
    quotes doubled), a column at a time; cell by cell through the csv module where the text has a control character
    (or a row has one column, whose empty cell the module writes as "")."""
    if len(columns) > 1:
        lines = zip(*map(_csv_column, _columns(rows, columns)), strict=True)
        text = "\n".join(map(",".join, lines)) + "\n" if rows else ""
        if is_printable(text):
            return text
    return _csv_lines(rows, columns, csv_cell)


def _columns(rows: Sequence[dict[str, Any]], columns: list[str]) -> list[Sequence[Any]]:
    """Each column's values (None where a row has no such key)."""
    if isinstance(rows, Columns):  # kept a column at a time (explore.finding_columns)
        return [rows.column(c) for c in columns]
    if len(columns) > 1:  # itemgetter of one key gives its value, not a tuple
        try:
            return list(zip(*map(itemgetter(*columns), rows), strict=True)) if rows else [() for _ in columns]
        except KeyError:
            pass
    return [[row.get(c) for row in rows] for c in columns]


_AS_STR = {type(None), float, int, bool, date}  # csv_cell's cell of these is str(): "", repr, "True", the ISO day
_QUOTED = (",", '"', "\n")  # a cell holding one is quoted (csv.QUOTE_MINIMAL with lineterminator "\n")


def _csv_column(values: Sequence[Any]) -> list[str]:
    kinds = set(map(type, values))
    if kinds <= {str, type(None)}:
        said = "\0".join(filter(None, values))  # a test of every cell at once: one that fails is read alone
        cells = ["" if v is None else v for v in values] if type(None) in kinds else list(values)
        # each cell's first character (the joined text searched for "\0=" and the others took 1.2 s of the
        # benchmark's 843,000 sentences: a pass over the text for each)
        if not _OPENINGS.isdisjoint(map(itemgetter(0), filter(None, values))):
            cells = ["'" + v if v[:1] in _FORMULA else v for v in cells]
    elif kinds <= {date, type(None)}:  # a listing's days: few, each written once
        days = {v: "" if v is None else str(v) for v in set(values)}
        return list(map(days.__getitem__, values))
    elif kinds <= _AS_STR:
        return ["" if v is None else str(v) for v in values]  # nothing to quote: no comma in a number or a day
    else:
        cells, said = ["" if v is None else csv_cell(v) for v in values], ",\""
    if any(x in said for x in _QUOTED):
        return ['"' + v.replace('"', '""') + '"' if "," in v or '"' in v or "\n" in v else v for v in cells]
    return cells


def _csv_head(columns: list[str]) -> str:
    return _csv_lines([dict(zip(columns, columns, strict=True))], columns, str)


def _iso(value: Any) -> str:
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_JSON = json.JSONEncoder(ensure_ascii=False, default=_iso)  # as json.dumps(ensure_ascii=False) makes it, made once
_JSON_AS = {type(None): lambda v: "null", bool: lambda v: "true" if v else "false", int: int.__repr__,
            str: encode_basestring, date: lambda v: encode_basestring(v.isoformat())}  # fmt: skip


def _jsonl(rows: Sequence[dict[str, Any]], columns: list[str]) -> str:
    """A JSON object a line, as redact.inert_json writes it (a day as its ISO date): each value as the json module
    writes it, a column at a time: a line's text between its values ('{"date": ', ', "ticker": ', ..., '}\n') and
    the values joined once a batch (a line's template filled with % took a third longer: 2.5 s against 1.9 for the
    benchmark's 843,000 findings)."""
    if not columns:
        return "{}\n" * len(rows)
    keys = [("{" if k == 0 else ", ") + encode_basestring(c) + ": " for k, c in enumerate(columns)]
    parts = [x for key, values in zip(keys, map(_json_column, _columns(rows, columns)), strict=True)
             for x in (repeat(key), values)]  # fmt: skip
    return inert_json_text("".join(chain.from_iterable(zip(*parts, repeat("}\n"), strict=False))))


def _json_column(values: Sequence[Any]) -> list[str]:
    kinds = set(map(type, values))
    if kinds <= {date, type(None)}:  # a listing's days: few, each written once
        days = {v: _JSON_AS[type(v)](v) for v in set(values)}
        return list(map(days.__getitem__, values))
    if len(kinds) == 1 and (kind := next(iter(kinds))) in _JSON_AS:
        return list(map(_JSON_AS[kind], values))
    if kinds <= _JSON_AS.keys():
        return [_JSON_AS[type(v)](v) for v in values]
    if kinds <= {float, type(None)}:  # NaN and infinities as the json module writes them
        return ["null" if v is None else repr(v) if v - v == 0 else _JSON.encode(v) for v in values]
    if kinds <= {list, type(None)} and all(type(x) is str for v in values if v for x in v):  # citations said again
        return ["null" if v is None else "[" + ", ".join(map(encode_basestring, v)) + "]" for v in values]
    return list(map(_JSON.encode, values))


def shown(column: str, row: dict[str, Any]) -> str:
    """A cell for a reader (table, md): a score as the briefing quotes it ("+0.83", "-0.99, unsure"), where csv and
    jsonl keep it as stored and give sure apart."""
    value = row.get(column)
    if column == "score" and isinstance(value, float):
        from watchdesk.store.explore import score_said

        return score_said(value, row.get("sure"))
    return cell(value)


def _md_head(columns: list[str]) -> str:
    return "| " + " | ".join(columns) + " |\n" + "|" + "---|" * len(columns) + "\n"


def md_cell(column: str, row: dict[str, Any]) -> str:
    """A Markdown table's cell: shown() on one line, Markdown's control characters and the column bar escaped."""
    from watchdesk.agents.briefing.text import escape_markdown

    return escape_markdown(shown(column, row)).replace("|", "\\|")


# A text md_cell leaves as it is has none of these: a character Markdown escapes (any "&"), a control character
# (printable's; C0 whole), whitespace but the space (str.split's: tests pin the set). Nor two spaces in a row, nor a
# space at either end (what " ".join(text.split()) changes): tested apart, as str methods, where one expression with
# those as alternatives took three times as long as this class alone.
_MD_WORK = re.compile("[\\\\`*_\\[\\]<>|$~&\x00-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202a-\u202f\u205f"
                      "\u2066-\u2069\u3000]")


def _md(rows: Sequence[dict[str, Any]], columns: list[str]) -> str:
    """md_cell's cells a column at a time: a text that needs none of its work is its own cell, None an empty one,
    a day its ISO date and a score as the briefing quotes it (neither has anything to escape); any other value goes
    through md_cell. Before, every cell went through it: the benchmark store's 880,000 findings took 93 s of CPU to
    write as md."""
    work = _MD_WORK.search
    cells = []
    for column, values in zip(columns, _columns(rows, columns), strict=True):
        if column == "score":
            from watchdesk.store.explore import score_said

            cells.append([score_said(v, row.get("sure")) if type(v) is float else md_cell(column, row)
                          for v, row in zip(values, rows, strict=True)])  # fmt: skip
            continue
        cells.append(["" if v is None else v.isoformat() if type(v) is date else v if type(v) is str and not (
                          work(v) or "  " in v or v[:1] == " " or v[-1:] == " ") else md_cell(column, row)
                      for v, row in zip(values, rows, strict=True)])  # fmt: skip
    return "".join(["| " + " | ".join(line) + " |\n" for line in zip(*cells, strict=True)])


def _table(rows: Sequence[dict[str, Any]], columns: list[str]) -> str:
    """For a terminal: graph.cli_table's (imported when asked: it imports this module)."""
    from watchdesk.graph.cli_table import table

    return table(rows, columns)


_RENDER = {"csv": _csv, "jsonl": _jsonl, "md": _md, "table": _table}
_HEAD = {"csv": _csv_head, "md": _md_head}
