"""Bug: a 10-Q body cut short (its first 300,000 bytes) was stored as the whole filing, 163 sentences instead of
1,240, and counted as stored, so no later run fetched it again. Random bytes in its place were stored too. Now
either is a gap naming the filing and why, nothing of it is stored, and the next run stores it whole."""

from __future__ import annotations

import random
from pathlib import Path

from tests.regression.demo_slice import TEN_Q, nvidia_pack, settings, watchlist
from watchdesk.graph import runner
from watchdesk.sources.replay import ReplayPack
from watchdesk.store.store import Store


def whole_body(tmp: Path) -> bytes:
    return ReplayPack.load(nvidia_pack(tmp / "whole")).lookup(TEN_Q).body


def ten_q_state(db: Path) -> tuple[str | None, int]:
    with Store.open(db, read_only=True) as store:
        sentences = store.query("SELECT count(*) FROM sentences")[0][0]
        return next(iter(store.known_accessions(["0001045810-25-000209"])), None), sentences


def test_a_cut_short_10q_is_a_gap_and_the_next_run_stores_it(tmp_path: Path) -> None:
    cut = nvidia_pack(tmp_path / "cut", bodies={TEN_Q: whole_body(tmp_path)[:300_000]})
    first = runner.start_run(watchlist(), settings(tmp_path, cut))
    assert first.status == "done" and first.this_run["documents"] == 0
    (gap,) = first.gaps
    assert gap.startswith("10-Q 0001045810-25-000209: nvda-20250727.htm:") and "looks truncated" in gap
    assert ten_q_state(tmp_path / "w.duckdb") == (None, 0)

    again = runner.start_run(watchlist(), settings(tmp_path, nvidia_pack(tmp_path / "whole")))
    assert again.status == "done" and not again.gaps and again.this_run["documents"] == 1
    assert ten_q_state(tmp_path / "w.duckdb") == ("0001045810-25-000209", 1240)


def test_random_bytes_in_place_of_the_10q_are_a_gap(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(300_000)
    outcome = runner.start_run(watchlist(), settings(tmp_path, nvidia_pack(tmp_path / "noise", bodies={TEN_Q: noise})))
    assert outcome.this_run["documents"] == 0
    (gap,) = outcome.gaps
    assert "nvda-20250727.htm: binary data, not text" in gap
    assert ten_q_state(tmp_path / "w.duckdb") == (None, 0)
