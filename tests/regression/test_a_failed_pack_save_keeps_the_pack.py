"""Bug: a --record run rewrote its pack's index.json in place (truncate, then write) after every response, so a
kill, a Ctrl-C or a full disk during that write left the index cut short: the pack was unreadable ("index.json is
not valid JSON") with every response recorded before, and `watchdesk approve` could not resume the recording run.
Now the index (and each body) is written to a temporary file and renamed over the old one."""

from __future__ import annotations

import resource
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.replay import PackWriter, read_index


def doc(i: int) -> str:
    return f"https://www.sec.gov/Archives/edgar/data/1/{i:06d}/doc.htm"


@contextmanager
def room_for(nbytes: int) -> Iterator[None]:
    """No file may grow past `nbytes` (a write past it fails, as on a full disk) until the block ends."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    before = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, before)


def test_a_save_that_fails_part_way_leaves_the_pack_as_it_was(tmp_path: Path) -> None:
    writer = PackWriter(tmp_path, merge=True)
    for i in range(600):
        writer.add(doc(i), 200, {}, b"x", "live")
    writer.save()
    assert (tmp_path / "index.json").stat().st_size > 64 * 1024
    writer.add(doc(600), 200, {}, b"x", "live")
    with room_for(64 * 1024), pytest.raises(OSError):
        writer.save()
    assert len(read_index(tmp_path)) == 600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left behind
    config = GatewayConfig(allowed_domains=("sec.gov",), record_dir=tmp_path)  # the run resumed by `approve`
    with Gateway(config):
        pass
