"""A small replay pack cut from the demo's: NVIDIA's listing and its 10-Q for Q2 FY2026, one body swapped at will."""

from __future__ import annotations

from pathlib import Path

from watchdesk.graph.demo import DEMO_AS_OF, demo_pack
from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.edgar_parse import TICKERS_URL, archive_url, submissions_url
from watchdesk.sources.replay import PackWriter, ReplayPack

TEN_Q = archive_url(1045810, "0001045810-25-000209", "nvda-20250727.htm")
URLS = (TICKERS_URL, submissions_url(1045810), TEN_Q)
WATCHLIST = """
name = "nvda 10-q"
[[tickers]]
symbol = "NVDA"
sources = ["edgar"]
[filings]
forms = ["10-Q"]
since = 2025-08-01
until = 2025-08-31
limit_per_form = 1
compare_previous = false
[policy]
approval = "never"
"""


def watchlist() -> Watchlist:
    return parse_watchlist(WATCHLIST)


def nvidia_pack(root: Path, *, bodies: dict[str, bytes] | None = None, statuses: dict[str, int] | None = None) -> Path:
    """The three responses a run of WATCHLIST asks for, with `bodies` and `statuses` in place of the recorded ones."""
    demo = ReplayPack.load(demo_pack())
    writer = PackWriter(root)
    for url in URLS:
        recorded = demo.lookup(url)
        body = (bodies or {}).get(url, recorded.body)
        writer.add(url, (statuses or {}).get(url, recorded.status), recorded.headers, body, source="demo pack")
    writer.save()
    return root


def run_args(tmp: Path, *, text: str = WATCHLIST) -> list[str]:
    """`watchdesk run` of the watchlist `text` (w.toml) replaying the pack (pack/) into w.duckdb and out/, in `tmp`."""
    (tmp / "w.toml").write_text(text, encoding="utf-8")
    return ["run", str(tmp / "w.toml"), "--replay", str(nvidia_pack(tmp / "pack")), "--db", str(tmp / "w.duckdb"),
            "--out", str(tmp / "out")]  # fmt: skip


def settings(tmp: Path, pack: Path, **changes: object) -> Settings:
    base = Settings(db_path=tmp / "w.duckdb", mode="replay", replay_dir=pack, as_of=DEMO_AS_OF, out_dir=tmp / "out")
    return base.with_(**changes)
