"""A GoalPlan as a watchlist file: a comment block quoting the goal and its decisions, then the TOML."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from watchdesk.graph.goal.parse import GoalPlan
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.redact import printable


def render_watchlist(plan: GoalPlan, *, as_of: date) -> str:
    """The file `watchdesk plan --out` writes; it is checked to load back as the same watchlist."""
    head = [f"# Written by `watchdesk plan` on {as_of.isoformat()} from this goal:"]
    head += [f"#   {line}" for line in plan.goal.strip().splitlines()]
    head += ["#", "# Decisions:"] + [f"#   - {d}" for d in plan.decisions]
    if plan.not_understood:
        head += ["#", "# Not understood (ignored):"] + [f"#   - {n}" for n in plan.not_understood]
    head += ["#", "# Check it with `watchdesk run FILE --dry-run`; the README's watchlist reference explains it.", ""]
    head = [printable(line) for line in head]  # an ESC or NUL is no TOML, a U+202E would reverse the line on screen
    data = plan.watchlist.model_dump(mode="python", exclude_none=True)
    # an empty list is written only where it is not the default ("watch = []" when a goal names only custom topics)
    kept = plan.watchlist.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    text = "\n".join(head) + "\n" + to_toml(data, kept=kept)
    if parse_watchlist(text, origin="<written watchlist>") != plan.watchlist:
        raise ConfigError("the written watchlist does not load back as planned (a bug: please report it)")
    return text


def to_toml(data: dict[str, Any], *, kept: dict[str, Any] | None = None) -> str:
    """Plain values first, then tables, then arrays of tables, as TOML wants. Empty lists are left out, but for
    those `kept` holds at the same place (the values that differ from the defaults: an empty list left out would
    load back as a non-empty default)."""
    return "\n".join(_table(data, prefix="", kept=kept or {})).strip() + "\n"


def _table(data: dict[str, Any], *, prefix: str, kept: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    tables: list[tuple[str, dict[str, Any]]] = []
    arrays: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        if isinstance(value, dict):
            tables.append((key, value))
        elif isinstance(value, list | tuple) and value and all(isinstance(v, dict) for v in value):
            arrays.append((key, list(value)))
        elif not (isinstance(value, list | tuple) and not value) or key in kept:
            lines.append(f"{key} = {_value(value)}")
    for key, table in tables:
        lines += ["", f"[{prefix}{key}]", *_table(table, prefix=f"{prefix}{key}.", kept=kept.get(key) or {})]
    for key, items in arrays:
        inner = kept.get(key) or [{}] * len(items)
        for item, item_kept in zip(items, inner, strict=True):
            lines += ["", f"[[{prefix}{key}]]", *_table(item, prefix=f"{prefix}{key}.", kept=item_kept)]
    return lines


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):
        return value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string
