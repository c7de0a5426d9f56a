"""The offline demo: the canonical job (NVIDIA, TSMC, ASML; inventory, supply chain, geopolitics; calls,
filings and news) run over real recordings.

SEC responses are bundled (public domain). Transcripts and third-party news feeds belong to their
publishers, so none ships with watchdesk: the demo reads them from the team's fixtures when those sit
beside the checkout, and what no recording covers shows up in the briefing as a gap.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import date
from importlib import resources
from pathlib import Path

from watchdesk.graph.settings import Settings
from watchdesk.graph.watchlist import Watchlist, parse_watchlist
from watchdesk.sources.replay import PackWriter

# TSMC's recorded listing was taken on 2026-09-01; pinning "today" keeps the demo's window on it.
DEMO_AS_OF = date(2026, 9, 1)
# The recording spans NVIDIA's calls from May 2024 to TSMC's of July 2026: the demo's one briefing covers all of
# it, where a weekly run's covers its week (`watchdesk brief --week` shows any single week of the demo database).
DEMO_BRIEF_SINCE = date(2024, 5, 1)
DEMO_RUN_ID = "demo-2026-09-01"

# Third-party feeds the fixtures hold, as (URL the publisher serves it at, fixture file).
DEMO_FEEDS: tuple[tuple[str, str], ...] = (
    ("https://seekingalpha.com/api/sa/combined/AAPL.xml", "feeds/seekingalpha_2026-03.rss.xml"),
    ("https://rss.nytimes.com/services/xml/rss/nyt/Business.xml", "feeds/nytimes_2026-03.rss.xml"),
    ("https://www.cnbc.com/id/100727362/device/rss/rss.html", "feeds/cnbc_2026-03.rss.xml"),
)

DEMO_WATCHLIST = """
name = "demo: NVIDIA, TSMC and ASML - calls, filings and news"

[[tickers]]
symbol = "NVDA"
aliases = ["Nvidia"]
sources = ["transcripts", "edgar", "news"]
# Filings asked for by number, whatever the window says: the recorded 10-K, 10-Q and 8-K with its exhibit.
accessions = ["0001045810-25-000023", "0001045810-25-000209", "0001045810-26-000024"]

[[tickers.transcripts]]
kind = "folder"
path = "{fixtures}/transcripts/nvda_motley_fool_text"

[[tickers]]
symbol = "TSM"
aliases = ["TSMC", "Taiwan Semiconductor"]
sources = ["transcripts", "edgar", "news"]

[[tickers.transcripts]]
kind = "folder"
path = "{fixtures}/transcripts/tsmc"

[[tickers]]
symbol = "ASML"
sources = ["transcripts", "edgar", "news"]

[[tickers.transcripts]]
kind = "folder"                       # no ASML call was found in any public snapshot: a gap
path = "{fixtures}/transcripts/asml"

[topics]
watch = ["inventory", "supply_chain", "geopolitical"]

[filings]
since = 2026-01-01
until = 2026-09-01
limit_per_form = 1

[news]
min_tier = "other"                    # show every tier in the demo; the briefing labels each item's tier

[[news.feeds]]
url = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&start=4300&count=100&output=atom"
name = "EDGAR latest filings"

[[news.feeds]]
url = "https://seekingalpha.com/api/sa/combined/AAPL.xml"
name = "Seeking Alpha"

[[news.feeds]]
url = "https://rss.nytimes.com/services/xml/rss/nyt/Business.xml"
name = "NYT Business"

[[news.feeds]]
url = "https://www.cnbc.com/id/100727362/device/rss/rss.html"
name = "CNBC International"

[policy]
allowed_domains = ["sec.gov", "seekingalpha.com", "nytimes.com", "cnbc.com"]
approval = "never"
"""


def demo_pack() -> Path:
    return Path(str(resources.files("watchdesk.sources.packs") / "demo"))


def demo_fixtures() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "fixtures"


def demo_transcripts_folder() -> Path:
    return demo_fixtures() / "transcripts" / "nvda_motley_fool_text"


def demo_watchlist() -> Watchlist:
    text = DEMO_WATCHLIST.replace("{fixtures}", demo_fixtures().as_posix())
    return parse_watchlist(text, origin="<demo watchlist>")


DEMO_WATCHLIST_FILE = "demo-watchlist.toml"


def write_demo_watchlist(work: Path) -> Path:
    """The demo's watchlist as a file in `work` (beside the pack it replays), so a week of the recording can be run
    again as a weekly run would: `watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-*
    --as-of 2026-07-17`. `watchdesk init`'s watchlist reads its calls from ~/watchdesk/calls and feeds the pack does
    not hold: replayed, it found nothing in that week. Rewritten only when it says something else."""
    path = work / DEMO_WATCHLIST_FILE
    text = ("# The watchlist `watchdesk demo` ran, left beside the pack it replayed. To run one week of the recording\n"
            "# again, as a weekly run would (TSMC's call of 2026-07-16):\n"
            "#   watchdesk run .watchdesk/demo-watchlist.toml --replay .watchdesk/demo-replay-* --as-of 2026-07-17\n"
            + DEMO_WATCHLIST.replace("{fixtures}", demo_fixtures().as_posix()))  # fmt: skip
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        work.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


def demo_replay_dir(work: Path) -> Path:
    """The bundled SEC pack, plus the fixtures' news feeds when they are beside the checkout.

    The feeds are added to a copy under `work`, never to the bundled pack: their text is third-party. The copy
    is named by what it holds and built aside, then renamed into place, so demos running at once share one
    whole copy. Without the fixtures the bundled pack is used as is, and each feed becomes a gap.
    """
    feeds = [(url, demo_fixtures() / rel) for url, rel in DEMO_FEEDS]
    present = [(url, path) for url, path in feeds if path.is_file()]
    if not present:
        return demo_pack()
    parts = [(demo_pack() / "index.json").read_bytes()] + [path.read_bytes() for _, path in present]
    digest = hashlib.sha256(b"".join(parts)).hexdigest()[:12]
    pack = work / f"demo-replay-{digest}"
    if pack.is_dir():
        return pack
    work.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=work, prefix=".building-"))
    shutil.copytree(demo_pack(), building, dirs_exist_ok=True)
    writer = PackWriter(building, merge=True)
    for url, path in present:
        writer.add(url, 200, {"content-type": "application/rss+xml"}, path.read_bytes(),
                   source=f"shared/fixtures/{path.relative_to(demo_fixtures()).as_posix()}")
    writer.save()
    try:
        building.rename(pack)
    except OSError:  # another demo put the same copy in place first
        shutil.rmtree(building, ignore_errors=True)
    return pack


def demo_settings(base: Settings, *, work: Path) -> Settings:
    """The demo's settings over `base`: replay of the pack (with the feeds, copied under `work`), its fixed
    as-of date and its one briefing over the whole recording."""
    return base.with_(
        mode="replay",
        replay_dir=demo_replay_dir(work),
        as_of=DEMO_AS_OF,
        record_dir=None,
        brief_since=DEMO_BRIEF_SINCE,
    )
