"""A review: briefing the demo's period again turned "nothing known about ASML" into "ASML filed nothing". The demo's
own briefing said "Nothing read for ASML: one of its sources failed or was left out of this run", while `watchdesk
brief --since 2024-05-01 --until 2026-09-01` said "No new documents for ASML in this period (nothing filed, called or
published ...)" above the very gaps that said its filing list could not be read: which tickers went unread was told
from the run's live step results only, and `brief` had none. It is now told from what the store keeps of the run
(its plan and its gaps), so every briefing of the same data says the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.regression.demo_briefs import brief_md, missing


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_store: Callable[[Path], Path]) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("rebrief")
    db = demo_store(folder)
    (md,) = (folder / "b1").glob("*.md")
    return db, md.read_text()


def test_briefing_the_demos_period_again_says_what_the_demo_said(demo: tuple[Path, str], tmp_path: Path) -> None:
    db, own = demo
    again = brief_md(db, tmp_path, "--since", "2024-05-01", "--until", "2026-09-01")
    said = missing(own)
    assert "Nothing read for ASML: its filings could not be listed (see Gaps);" in said
    assert "; its calls could not be read (see Gaps);" in said
    assert missing(again) == missing(own)
    assert "No new documents for ASML" not in again
