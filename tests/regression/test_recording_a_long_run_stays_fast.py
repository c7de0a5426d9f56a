"""Bug: recording slowed quadratically. After every response a --record run looked for a body-name clash through
every entry, wrote the whole index and listed the whole bodies/ folder: 1,000 responses took 10 s of saving, 2,000
took 45 s. Now names are looked up in a dict, the index is saved every few responses (whole, so a kill loses at
most those, never the pack) and when the gateway closes, and only the files the recording wrote are checked."""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.replay import SAVE_EVERY, PackWriter, read_index


def doc(i: int) -> str:
    return f"https://www.sec.gov/Archives/edgar/data/1/{i:06d}/doc.htm"


def test_recording_many_responses_is_fast_and_a_kill_loses_only_the_last_few(tmp_path: Path) -> None:
    writer = PackWriter(tmp_path, merge=True, save_every=SAVE_EVERY)
    started = time.process_time()
    for i in range(600):
        writer.add(doc(i), 200, {}, b"x" * 100, "live")
    elapsed = time.process_time() - started
    print(f"\n600 responses recorded in {elapsed:.2f} s of CPU")
    assert elapsed < 1.0  # about 0.2 s; it was 3.3 s, growing with the square of the count
    assert 600 - SAVE_EVERY < len(read_index(tmp_path)) <= 600  # killed now, the pack lacks only the last few
    writer.save()
    assert len(read_index(tmp_path)) == 600


def test_closing_the_gateway_saves_what_was_recorded_since_the_last_save(tmp_path: Path) -> None:
    config = GatewayConfig(user_agent="Test Desk desk@example.com", allowed_domains=("sec.gov",), record_dir=tmp_path,
                           rate_limits={})  # SEC's 10 a second would make the test wait on the clock
    answer = httpx.MockTransport(lambda _r: httpx.Response(200, content=b"<p>10-K</p>"))
    with Gateway(config, transport=answer) as gw:
        for i in range(SAVE_EVERY + 3):
            gw.get(doc(i), agent="filings")
    assert len(read_index(tmp_path)) == SAVE_EVERY + 3
