"""A file target's delivery: a copy of the briefing's files in the folder it names, or the .md/.html file it names.

The briefing folder itself needs no copy; a file there that is no watchdesk briefing, a symbolic link or anything
but a regular file is never overwritten. The copies are written beside their places and renamed over them together
(files.write_together): a full disk or a kill mid-copy leaves the files there as they were, where a copy in place left
the .html cut short beside this week's .md (a review); and a file there that is also linked elsewhere (a hard link) is
replaced, not written through: the other name keeps the older briefing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from watchdesk.agents.briefing.delivery_types import Message, Outcome
from watchdesk.agents.briefing.file_target import BRIEFING_FOLDER
from watchdesk.agents.briefing.files import write_together

# How a briefing starts, Markdown or HTML: a file a target names is overwritten only when it is one
_BRIEFING_START = (b"# watchdesk briefing: ", b"<!DOCTYPE html>")


def _to_write(src: Path, dest: Path) -> bool:
    """Whether `dest` gets a copy of `src`: not when it is that file already (a target naming the briefing folder). A
    file there that is no watchdesk briefing (someone's notes) is never overwritten: FileExistsError."""
    if dest.is_symlink():  # written through, it would change whatever file the link points at
        raise FileExistsError(f"{dest} is a symbolic link: not written through")
    if dest.exists() and dest.samefile(src):
        return False
    if dest.is_file():
        with dest.open("rb") as f:
            head = f.read(512)
        if not (head.startswith(_BRIEFING_START[0]) or (head.startswith(_BRIEFING_START[1])
                                                        and b"<title>watchdesk briefing: " in head)):
            raise FileExistsError(f"{dest} exists and is not a watchdesk briefing: not overwritten")
    elif dest.exists() or dest.is_symlink():
        raise FileExistsError(f"{dest} is not a regular file: not overwritten")
    return True


def target_folder(path: str) -> Path:
    """The folder a file target writes into: the folder it names, or that of the .md/.html file it names."""
    dest = Path(path).expanduser()
    return dest.parent if dest.suffix in {".md", ".html"} else dest


def copy_files(msg: Message, path: str | None) -> Outcome:
    """The files are already in the briefing folder; a `path` gets a copy (a folder, or a .md/.html file)."""
    if not path:
        return Outcome(kind="file", target=BRIEFING_FOLDER, status="sent", attempts=1)
    dest, folder = Path(path).expanduser(), target_folder(path)
    if folder != dest and (missing := _not_written(dest.suffix[1:], msg.paths)):
        return Outcome(kind="file", target=path, status="failed", attempts=1, error=missing)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        pairs = [(msg.paths[dest.suffix[1:]], dest)] if folder != dest else \
            [(src, dest / src.name) for src in msg.paths.values()]
        write_together({to: src.read_text(encoding="utf-8") for src, to in pairs if _to_write(src, to)})
    except OSError as exc:
        from watchdesk.sources.errors import disk_full, no_room

        # the copy's temporary file carries no name worth saying: the folder, and that nothing there changed
        error = (f"{no_room(full)} where {folder} is: its files are as they were" if (full := disk_full(exc)) else
                 f"{type(exc).__name__}: {exc}")  # fmt: skip
        return Outcome(kind="file", target=path, status="failed", attempts=1, error=error)
    return Outcome(kind="file", target=path, status="sent", attempts=1)


def _not_written(fmt: str, paths: Mapping[str, Path]) -> str | None:
    """Why a target naming a .md or .html file gets no copy: the briefing was not written in that format (--format)."""
    if fmt in paths:
        return None
    if not paths:
        return f"no briefing file was written, so there is no .{fmt} file to copy"
    names = {"md": "Markdown", "html": "HTML"}
    return (f"the briefing was written as {' and '.join(names.get(f, f) for f in paths)} alone, with no .{fmt} file to "
            f"copy: brief with --format md,html (the default), or give this target a "
            f"{' or '.join('.' + f for f in paths)} file or a folder")
