"""Which planned steps a person keeps: "1-3,7" (numbers as the plan is shown), step ids, or both.

Light on purpose: the approval prompt reads it before the pipeline is imported.
"""

from __future__ import annotations

import re

from watchdesk.graph.state import Step
from watchdesk.sources.errors import ConfigError


def select_steps(selection: str | list[str], plan: list[Step]) -> list[str]:
    """Step ids for "1-3,7", "filings:NVDA, 5" or a list of such items; ConfigError naming what matches no step."""
    items = selection.split(",") if isinstance(selection, str) else [str(s) for s in selection]
    ids = [s["id"] for s in plan]
    chosen: list[str] = []
    bad: list[str] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        span = re.fullmatch(r"(\d+)\s*-\s*(\d+)|(\d+)", item)
        if item in ids:
            chosen.append(item)
        elif span and span.group(3):
            chosen += _numbered(int(span.group(3)), int(span.group(3)), ids, item, bad)
        elif span:
            chosen += _numbered(int(span.group(1)), int(span.group(2)), ids, item, bad)
        else:
            bad.append(item)
    if bad:
        raise ConfigError(
            f"edited plan names steps that were not planned: {', '.join(repr(b) for b in bad)} "
            f"(use step numbers 1-{len(ids)}, ranges like 1-3, or ids such as {ids[0] if ids else 'briefing'})"
        )
    if not chosen:  # "", "," or " ": approving no step is no approval
        raise ConfigError(
            f"the edit keeps no step: name the steps to keep (numbers 1-{len(ids)}, ranges like 1-3, or ids), "
            "or reject the plan (watchdesk approve RUN_ID --reject)"
        )
    return list(dict.fromkeys(chosen))


def _numbered(first: int, last: int, ids: list[str], item: str, bad: list[str]) -> list[str]:
    if not 1 <= first <= last <= len(ids):
        bad.append(item)
        return []
    return ids[first - 1 : last]
