"""Rows a notebook shows: a list of dicts that Jupyter draws as a table (sources as links) and print() as text."""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, overload

SHOWN = 20  # rows drawn; the rest are in the list, and the table says how many
WIDE = 80  # characters of a cell in the text form; the HTML form keeps them all


def cell(value: Any) -> str:
    """A value as a reader reads it: dates as ISO dates, fractions with three decimals, lists joined, NULL empty."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, list | tuple):
        return ", ".join(cell(v) for v in value)
    return str(value)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDE else text[: WIDE - 1] + "…"


class Table(list[dict[str, Any]]):
    """Rows with their column names; empty, it says what was asked (`nothing`)."""

    def __init__(self, rows: list[dict[str, Any]], *, columns: list[str], nothing: str) -> None:
        super().__init__(rows)
        self.columns = columns
        self.nothing = nothing
        self.total = len(rows)  # rows that matched, where a limit kept fewer
        self.note = ""  # said under the rows: "GOOGL is the same company as GOOG ..." (store/same_company.py)

    def _footer(self) -> str:
        return f"{len(self)} rows, the first {SHOWN} shown" if len(self) > SHOWN else ""

    def __str__(self) -> str:
        if not self:
            return self.nothing
        rows = [[_short(cell(r.get(c))) for c in self.columns] for r in self[:SHOWN]]
        widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(self.columns)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True)).rstrip()]
        lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows]
        return "\n".join([*lines, *(x for x in (self._footer(), self.note) if x)]).rstrip()

    __repr__ = __str__  # a Python prompt shows the table too

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # IPython's text form
        printer.text(str(self))

    def _repr_html_(self) -> str:
        if not self:
            return f"<p>{html.escape(self.nothing)}</p>"
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_html_cell(r.get(c))}</td>" for c in self.columns) + "</tr>" for r in self[:SHOWN]
        )
        footer = "".join(f"<p>{html.escape(x)}</p>" for x in (self._footer(), self.note) if x)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{footer}"


class Columns(Sequence[dict[str, Any]]):
    """A Table's rows kept as each column's values (`values`: a list a key, the keys in a row's order): a writer of a
    long listing reads them a column at a time, and no row's dict is made but one read (a slice is Columns too)."""

    def __init__(self, values: dict[str, list[Any]], *, columns: list[str], nothing: str) -> None:
        self.values = values
        self.columns = columns
        self.nothing = nothing
        self.total = len(self)
        self.note = ""

    def __len__(self) -> int:
        return len(next(iter(self.values.values()), []))

    @overload
    def __getitem__(self, at: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, at: slice) -> Columns: ...
    def __getitem__(self, at: int | slice) -> dict[str, Any] | Columns:
        if isinstance(at, slice):
            return Columns({k: v[at] for k, v in self.values.items()}, columns=self.columns, nothing=self.nothing)
        return {k: v[at] for k, v in self.values.items()}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        keys = list(self.values)
        return (dict(zip(keys, row, strict=True)) for row in zip(*self.values.values(), strict=True))

    def column(self, key: str) -> list[Any]:
        """A column's values; None in each row for a key the rows do not have (as a row's dict.get gives)."""
        return self.values[key] if key in self.values else [None] * len(self)


def _html_cell(value: Any) -> str:
    text = cell(value)
    if text.startswith(("https://", "http://")):  # a source is a link; any other text stays text
        return f'<a href="{html.escape(text, quote=True)}" target="_blank" rel="noopener">{html.escape(text)}</a>'
    return html.escape(text)
