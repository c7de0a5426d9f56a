"""A review: briefing files were named by watchlist and period alone (`briefing-<watchlist>-<period>.md`), so two
databases briefing a watchlist of the same name into one folder (a test store beside the real one; two desks that
left `name` out, both "watchlist") overwrote each other's briefing of the week, in the briefing folder and in a
shared `file` delivery folder; so did two watchlists whose names make the same file name ("Semis!" and "semis", or
names alike in their first 40 characters). A tag of the store and the watchlist's exact name now ends the name."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from watchdesk.agents.briefing.agent import BriefingFiles, BriefingRequest, write_briefing
from watchdesk.agents.briefing.period import iso_week
from watchdesk.graph.delivery import deliver_briefing
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import parse_watchlist
from watchdesk.store.records import DocumentRecord
from watchdesk.store.store import Store


def briefed(store: Store, *, name: str, out: Path, url: str = "https://www.sec.gov/nvda-10q.htm") -> BriefingFiles:
    doc = DocumentRecord(url=url, source="edgar", text="Inventory rose sharply.", ticker="NVDA", form="10-Q",
                         fetched_at=datetime(2025, 8, 28, tzinfo=UTC), filed_at=date(2025, 8, 27))  # fmt: skip
    store.upsert_document(doc)
    req = BriefingRequest(run_id="r1", watchlist_name=name, tickers=["NVDA"], topics=["inventory"],
                          period=iso_week("2025-W35"), out_dir=out, formats=("md",))  # fmt: skip
    return write_briefing(store, req)


def test_two_stores_one_folder_keep_both_briefings(tmp_path: Path) -> None:
    out, shared = tmp_path / "briefings", tmp_path / "shared"
    watchlist = parse_watchlist(f'[[tickers]]\nsymbol = "NVDA"\n[[delivery]]\nkind = "file"\npath = "{shared}"\n')
    paths = []
    for db in ("prod", "test"):
        with Store.open(tmp_path / f"{db}.duckdb") as store:
            files = briefed(store, name=watchlist.name, out=out, url=f"https://www.sec.gov/{db}.htm")
            sent = deliver_briefing(files, watchlist=watchlist, settings=Settings(), store=store, run_id="r1")
            assert [o.status for o in sent] == ["sent"]
            paths.append(files.paths["md"])
    assert paths[0] != paths[1] and all(p.name.startswith("briefing-watchlist-2025-W35") for p in paths), paths
    assert "www.sec.gov/prod.htm" in paths[0].read_text() and "www.sec.gov/test.htm" in paths[1].read_text()
    assert sorted(p.name for p in shared.iterdir()) == sorted(p.name for p in paths)
    with Store.open(tmp_path / "prod.duckdb") as store:  # the same store and watchlist: the same file, replaced
        again = briefed(store, name=watchlist.name, out=out, url="https://www.sec.gov/prod.htm")
    assert again.paths["md"] == paths[0] and len(list(out.iterdir())) == 2


def test_names_that_read_alike_keep_their_own_files(tmp_path: Path) -> None:
    long = "Semiconductor supply chain watch list for"  # file names keep a name's first 40 characters
    alike = ["Semis!", "semis", f"{long} Europe", f"{long} Asia"]
    with Store.open(tmp_path / "desk.duckdb") as store:
        paths = {briefed(store, name=n, out=tmp_path).paths["md"] for n in alike}
    assert len(paths) == 4 and all(p.is_file() for p in paths), sorted(p.name for p in paths)
