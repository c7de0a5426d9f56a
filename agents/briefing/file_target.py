"""A file target's one name, light to import (the plan says it too)."""

from __future__ import annotations

# A file target that names no path: the folder the briefing is written to (--out). Its one name, in the plan, in what a
# delivery says and in its `deliveries` rows (the plan said "file (briefing folder)" where the rows said "file briefing
# folder"); a target naming a path is that path, as written.
BRIEFING_FOLDER = "briefing folder"


def file_target(path: str | None) -> str:
    """A file target's name: its path, or BRIEFING_FOLDER."""
    return path or BRIEFING_FOLDER
