"""A review: a transcript feed's `match` that is no regular expression ("Micron (Q[1-4]") passed validation and
--dry-run, then raised re.error inside the transcripts agent: said as a bug ("please report it"), and the chain's
next source (a folder holding the call) was never tried. Now validation names the entry and the pattern, and a
chain given without validation (`watchdesk transcript fetch`, a library caller) says it and goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from watchdesk.agents import transcripts
from watchdesk.graph.validate import ensure_valid
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.sources.errors import ConfigError
from watchdesk.sources.models import CompanyRef
from watchdesk.store.store import Store

MICRON = CompanyRef(ticker="MU", cik=723125, name="MICRON TECHNOLOGY INC")
FEED = "https://www.sec.gov/news/pressreleases.rss"


def test_validation_names_a_match_that_is_no_regex() -> None:
    watchlist = parse_watchlist(
        '[[tickers]]\nsymbol = "MU"\nsources = ["transcripts"]\n'
        f'[[tickers.transcripts]]\nkind = "feed"\nurl = "{FEED}"\nmatch = "Micron (Q[1-4]"\n'
        '[topics]\nwatch = ["inventory"]\n[policy]\nallowed_domains = ["sec.gov"]\n')  # fmt: skip
    with pytest.raises(ConfigError) as caught:
        ensure_valid(watchlist)
    assert ("tickers.MU.transcripts[0]: match 'Micron (Q[1-4]' is no regular expression (missing ), unterminated "
            "subpattern at position 7)") in str(caught.value)  # fmt: skip


def test_the_chain_goes_on_after_a_match_that_is_no_regex(shared_fixtures: Path, tmp_path: Path) -> None:
    call = shared_fixtures / "transcripts/plaintext_2023_2025/MU_2025_Q1.txt"
    if not call.exists():
        pytest.skip(f"{call.name} is not in the fixtures")
    folder = tmp_path / "calls"
    folder.mkdir()
    shutil.copy(call, folder)
    chain = (transcripts.Source(kind="feed", url=FEED, match="Micron (Q[1-4]"),
             transcripts.Source(kind="folder", path=str(folder)))  # fmt: skip
    with Store.open(":memory:") as store:
        res = transcripts.collect(transcripts.TranscriptsRequest(company=MICRON, aliases=(), chain=chain),
                                  fetcher=None, store=store, run_id="r1")  # type: ignore[arg-type]  # fmt: skip
        failed = store.query("SELECT count(*) FROM actions WHERE outcome = 'error'")[0][0]
    assert res.provider == "folder" and len(res.new_doc_ids) == 1
    assert res.tried == [f"feed {FEED}: match 'Micron (Q[1-4]' is no regular expression (missing ), unterminated "
                         "subpattern at position 7)"]  # fmt: skip
    assert failed == 0, "no bug audited"
