"""What tomllib says of a watchlist it cannot read, said so the user can act on it (pure): a key or table given twice,
and a value written as people write it but not as TOML does, with how to write it.

tomllib says "Expected newline or end of document after a statement (at line 6, column 13)" of `since = 2025/01/01`,
`until = 2025-13-01` or `time = 07:00`, and "Invalid value" of `day = monday`: true, and no help to the user.
"""

from __future__ import annotations

import re

from watchdesk.sources.redact import printable, redact_text

# the messages tomllib gives for a value it cannot read; its position ends the message
_UNREAD = re.compile(r"^(?:Expected newline or end of document after a statement|Invalid date or datetime|Invalid "
                     r"value) \(at line (?P<line>\d+), column \d+\)$")  # fmt: skip
# `key = value` with the value unquoted: not a string, a list, a table, a number or a boolean TOML reads; a comment
# starts at a "#" after a space ("url = https://x.test/a#b" keeps its fragment)
_ASSIGNED = re.compile(r"^\s*(?P<key>[A-Za-z0-9_-]+)\s*=\s*(?P<value>[^\s\"'\[{#].*?)(?:\s+#.*)?\s*$")
_DAYS = frozenset({"since", "until"})
_NUMBERS = frozenset({"cik", "lookback_days", "limit_per_form", "max_requests_per_run", "max_documents_per_run"})
_GROUPED = re.compile(r"^[\d,_ ']+$")  # 0001045810, 1,000, 1 000
# the keys whose value is text, or a list of text, echoed in the hint; no other key's value is (a secret put under a
# misspelt key, a webhook URL under webhook_env, is no URL the redaction can always recognise)
_TEXT = frozenset({"name", "symbol", "day", "cadence", "approval", "kind", "min_tier", "path", "url", "tier", "label",
                   "description", "match"})  # fmt: skip
_LISTS = frozenset({"to", "aliases", "sources", "forms", "watch", "accessions", "allowed_domains",
                    "allowed_recipients", "phrases", "patterns", "exclude"})  # fmt: skip


def value_said(said: str, text: str) -> str | None:
    """How to write the unquoted value tomllib could not read, or None when its message is about something else."""
    if (unread := _UNREAD.match(said)) is None:
        return None
    lines = text.splitlines()
    number = int(unread["line"])
    if number > len(lines) or (assigned := _ASSIGNED.match(lines[number - 1])) is None:
        return None
    key, value = assigned["key"], printable(redact_text(assigned["value"]))
    wrote = f"`{key} = {value}` (line {number})"
    if key == "time":
        return f'{wrote}: write the time of day in quotes, 24-hour HH:MM: time = "07:00"'
    if key in _DAYS:
        return f"{wrote} is no date TOML reads: write a day that exists as YYYY-MM-DD, unquoted ({key} = 2025-01-31)"
    if key in _NUMBERS:
        digits = re.sub(r"\D", "", value).lstrip("0") or "0"
        return f"{wrote}: write a whole number, digits alone ({key} = {digits})" if _GROUPED.match(value) else None
    if key in _TEXT:  # `day = monday`, `symbol = $NVDA`, `approval = first:1`
        return f'{wrote}: write text in quotes ({key} = "{value}")'
    if key in _LISTS:
        return f'{wrote}: write a list of text in brackets, each in quotes ({key} = ["{value}"])'
    return None


# tomllib's words for a key or a table given twice, which say neither which nor what to do
_SET_TWICE = re.compile(r"^Cannot overwrite a value \(at line (?P<line>\d+)")
_DECLARED_TWICE = re.compile(r"^Cannot declare \((?P<names>.*?),?\) twice \(at line (?P<line>\d+)")


def toml_said(said: str, text: str) -> str:
    """tomllib's message, or for a key or table given twice, which one, where, and what to do; for a value it could
    not read (`since = 2025/01/01`, `day = monday`), how to write it."""
    if (how := value_said(said, text)) is not None:
        return how
    if (twice := _SET_TWICE.match(said)) is not None:
        lines = text.splitlines()
        number = int(twice["line"])
        key = lines[number - 1].split("=", 1)[0].strip() if number <= len(lines) else ""
        if key:
            return f"`{key}` is set twice (the second time on line {number}): keep one"
    if (twice := _DECLARED_TWICE.match(said)) is not None:
        name = ".".join(part.strip().strip("'\"") for part in twice["names"].split(","))
        return (f"[{name}] is declared twice (the second time on line {twice['line']}): put its keys under one "
                f"[{name}] (a list of them is written [[{name}]], one per entry)")
    return said
