"""A watchlist's relative paths are read from its file's folder, as a config file's are, never from the folder a
command happens to run in (`watchdesk approve` from elsewhere, cron)."""

from __future__ import annotations

from pathlib import Path

from watchdesk.graph.watchlist import Ticker, Watchlist


def anchored(watchlist: Watchlist, *, base: Path) -> Watchlist:
    """`watchlist` with each relative path (a transcripts folder, a file delivery's path) made absolute under `base`;
    absolute paths and those from the home folder ("~/calls") are kept as written."""
    root = base.resolve()
    tickers = tuple(_ticker(t, root) for t in watchlist.tickers)
    delivery = tuple(d.model_copy(update={"path": _under(d.path, root)}) if d.kind == "file" else d
                     for d in watchlist.delivery)  # fmt: skip
    if tickers == watchlist.tickers and delivery == watchlist.delivery:
        return watchlist
    # runs stored before their paths were read from here have the fingerprint of the paths as written
    return watchlist.model_copy(update={"tickers": tickers, "delivery": delivery}).known_as((watchlist.fingerprint(),))


def _ticker(ticker: Ticker, root: Path) -> Ticker:
    chain = tuple(s.model_copy(update={"path": _under(s.path, root)}) if s.kind == "folder" else s
                  for s in ticker.transcripts)  # fmt: skip
    return ticker if chain == ticker.transcripts else ticker.model_copy(update={"transcripts": chain})


def _under(path: str | None, root: Path) -> str | None:
    if not path or path.startswith("~") or Path(path).is_absolute():
        return path
    return str(root / path)
