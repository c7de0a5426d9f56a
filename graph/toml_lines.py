"""Where each key, table and list item of a TOML text is written, by the path pydantic locates an error with (pure).

tomllib gives values without positions: a refused value was named by its field alone ("tickers.3.forms.1"), and a
user with a 60-line watchlist had to count tables to find it. This small scan of a text tomllib has already read
gives each path its line: ("tickers", 3, "forms", 1) -> 14.
"""

from __future__ import annotations

import contextlib
import re

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")  # a number, date, time or boolean ends there (a date-time may hold a space)


def toml_lines(text: str) -> dict[Path, int]:
    """The 1-based line of each table header, key and list item of `text` (valid TOML), by its path: a [[tickers]]
    entry is ("tickers", n), its `forms` key ("tickers", n, "forms"), that list's second item ("tickers", n,
    "forms", 1). A text this scan cannot follow yields the lines found before that point."""
    scan = _Scan(text)
    with contextlib.suppress(IndexError, ValueError):  # not on a text tomllib reads; then said without lines
        scan.document()
    return scan.found


def line_of(lines: dict[Path, int], loc: Path) -> int | None:
    """The line of `loc`, or of the nearest table, key or item holding it (a missing key: its table's header)."""
    for end in range(len(loc), 0, -1):
        if (line := lines.get(loc[:end])) is not None:
            return line
    return None


class _Scan:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0
        self.found: dict[Path, int] = {}
        self.table: Path = ()
        self.entries: dict[Path, int] = {}  # each array of tables ([[tickers]]) and its last entry's index

    @property
    def line(self) -> int:
        return self.text.count("\n", 0, self.at) + 1

    def document(self) -> None:
        while self._blank(newlines=True) < len(self.text):
            if self.text.startswith("[", self.at):
                self._header()
            else:
                self._assignment()

    def _blank(self, *, newlines: bool) -> int:
        """Past spaces and comments (and line ends, when `newlines`): the position reached."""
        while self.at < len(self.text):
            char = self.text[self.at]
            if char == "#":
                self.at = end if (end := self.text.find("\n", self.at)) >= 0 else len(self.text)
            elif char in " \t\r" or (newlines and char == "\n"):
                self.at += 1
            else:
                break
        return self.at

    def _header(self) -> None:
        line, double = self.line, self.text.startswith("[[", self.at)
        self.at += 2 if double else 1
        *parents, last = self._key()
        path: Path = ()
        for part in parents:  # [tickers.news] under [[tickers]]: the last entry's
            path = (*path, part)
            path = (*path, self.entries[path]) if path in self.entries else path
        path = (*path, last)
        if double:
            self.entries[path] = self.entries.get(path, -1) + 1
            path = (*path, self.entries[path])
        self.at = self.text.index("]", self.at) + (2 if double else 1)
        self.table = path
        self.found[path] = line

    def _assignment(self) -> None:
        line, keys = self.line, self._key()
        path = (*self.table, *keys)
        for end in range(len(self.table) + 1, len(path)):  # `news.tiers = ...` writes [news] too, where no header does
            self.found.setdefault(path[:end], line)
        self._blank(newlines=False)
        if not self.text.startswith("=", self.at):
            raise ValueError(f"no '=' at {self.at}")
        self.at += 1
        self.found[path] = line
        self._value(path)

    def _key(self) -> list[str]:
        """A key, dotted or quoted (`a."b.c".d`), as its parts."""
        parts = []
        while True:
            self._blank(newlines=False)
            if self.text[self.at] in "\"'":
                parts.append(self._string())
            elif bare := _BARE.match(self.text, self.at):
                parts.append(bare[0])
                self.at = bare.end()
            else:
                raise ValueError(f"no key at {self.at}")
            self._blank(newlines=False)
            if not self.text.startswith(".", self.at):
                return parts
            self.at += 1

    def _value(self, path: Path) -> None:
        self._blank(newlines=False)
        char = self.text[self.at]
        if char in "\"'":
            self._string()
        elif char == "[":
            self._items(path, close="]")
        elif char == "{":
            self._items(path, close="}")
        else:
            end = _SCALAR_END.search(self.text, self.at)
            self.at = end.start() if end else len(self.text)

    def _items(self, path: Path, *, close: str) -> None:
        """A list (each item's line, by its index) or an inline table (each key's line, by its name)."""
        self.at += 1
        index = 0
        while self._blank(newlines=True) < len(self.text) and self.text[self.at] != close:
            if self.text[self.at] == ",":
                self.at += 1
                continue
            if close == "]":
                self.found[(*path, index)] = self.line
                self._value((*path, index))
                index += 1
            else:
                self._inline_key(path)
        self.at += 1

    def _inline_key(self, table: Path) -> None:
        saved, self.table = self.table, table
        try:
            self._assignment()
        finally:
            self.table = saved

    def _string(self) -> str:
        """A string of any of TOML's four kinds, its text (escapes kept as written: a key's name needs none)."""
        quote = self.text[self.at]
        delimiter = quote * 3 if self.text.startswith(quote * 3, self.at) else quote
        start = self.at + len(delimiter)
        at = start
        while True:
            if quote == '"' and self.text[at] == "\\":
                at += 2
            elif self.text.startswith(delimiter, at):
                break
            else:
                at += 1
        while len(delimiter) == 3 and self.text.startswith(quote, at + 3):  # """a "quoted" word"""" ends last
            at += 1
        self.at = at + len(delimiter)
        return self.text[start:at]
