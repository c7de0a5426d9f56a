"""A watchlist's relative paths are read from its file's folder, as a config file's are, never from the folder a
command happens to run in (`watchdesk approve` from elsewhere, cron)."""

from __future__ import annotations

from pathlib import Path

from watchdesk.graph.watchlist import Delivery, Ticker, Watchlist

# The file target `watchdesk init` wrote (and `watchdesk plan --out` until 2026-12): the briefing folder as it was then
# named. Read as a folder of its own beside the watchlist, `run WL --out X` also copied the briefing there.
BRIEFING_FOLDER_NAME = "briefings"


def anchored(watchlist: Watchlist, *, base: Path) -> Watchlist:
    """`watchlist` with each relative path (a transcripts folder, a file delivery's path) made absolute under `base`;
    absolute paths and those from the home folder ("~/calls") are kept as written. A file target written "briefings"
    is the briefing folder (the run's --out, default ./briefings): it names no path, and `briefing_folder_said` says
    so."""
    root = base.resolve()
    tickers = tuple(_ticker(t, root) for t in watchlist.tickers)
    delivery = tuple(d.model_copy(update={"path": _under(d.path, root)}) if d.kind == "file" else d
                     for d in watchlist.delivery)  # fmt: skip
    if tickers == watchlist.tickers and delivery == watchlist.delivery:
        return watchlist
    # runs stored before their paths were read from here have the fingerprint of the paths as written
    known = watchlist.model_copy(update={"tickers": tickers, "delivery": delivery}).known_as((watchlist.fingerprint(),))
    if not any(d.kind == "file" and d.path and Path(d.path) == Path(BRIEFING_FOLDER_NAME) for d in watchlist.delivery):
        return known
    # and those stored before "briefings" was the briefing folder, that of the path made absolute
    return as_briefing_folder(known, folder=str(root / BRIEFING_FOLDER_NAME)).known_as((known.fingerprint(),))


def as_briefing_folder(watchlist: Watchlist, *, folder: str) -> Watchlist:
    """`watchlist` with a file target naming `folder` (absolute) read as the briefing folder: no path, and one such
    target only. Runs stored before the change hold `folder` there; they are this watchlist."""
    if not any(d.kind == "file" and d.path == folder for d in watchlist.delivery):
        return watchlist
    kept = [Delivery(kind="file") if d.kind == "file" and d.path == folder else d for d in watchlist.delivery]
    read = watchlist.model_copy(update={"delivery": tuple(d for i, d in enumerate(kept) if d not in kept[:i])})
    read._briefing_folder = folder
    return read


def briefing_folder_said(watchlist: Watchlist, *, out_dir: Path) -> str | None:
    """What a run writing into `out_dir` says of a file target "briefings" read as the briefing folder, when that is
    not the folder beside the watchlist it once copied the briefing to; else None."""
    folder = watchlist._briefing_folder
    if folder is None or Path(folder) == out_dir.resolve():
        return None
    return (f'the watchlist\'s file delivery path = "{BRIEFING_FOLDER_NAME}" (as `watchdesk init` and older '
            f"`watchdesk plan --out` wrote it) is the briefing folder: the briefing is written to {out_dir.resolve()} "
            f"only, with no copy in {folder}; name another folder there to get a copy")


def _ticker(ticker: Ticker, root: Path) -> Ticker:
    chain = tuple(s.model_copy(update={"path": _under(s.path, root)}) if s.kind == "folder" else s
                  for s in ticker.transcripts)  # fmt: skip
    return ticker if chain == ticker.transcripts else ticker.model_copy(update={"transcripts": chain})


def _under(path: str | None, root: Path) -> str | None:
    if not path or path.startswith("~") or Path(path).is_absolute():
        return path
    return str(root / path)
