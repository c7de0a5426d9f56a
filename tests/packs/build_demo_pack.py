"""Build the demo replay pack from the team's real recorded SEC responses.

Run: .venv/bin/python -m tests.packs.build_demo_pack [--fixtures ../shared/fixtures] [--out sources/packs/demo]

Every body is a real SEC response copied byte for byte from ../shared/fixtures (see its MANIFEST.md);
the content-type header is filled in from the file type, since the recordings kept bodies only, and the Date header
from the MANIFEST where it names the recorded answer's (the GET of that very URL), so a replay knows how old each
listing is.
"""

from __future__ import annotations

import argparse
import posixpath
import re
from pathlib import Path

from watchdesk.sources.edgar_parse import (
    TICKERS_URL,
    archive_url,
    filing_index_url,
    full_submission_url,
    submissions_url,
)
from watchdesk.sources.replay import PackWriter

REPO = Path(__file__).resolve().parents[2]
HTML = {"content-type": "text/html"}
JSON = {"content-type": "application/json"}
TEXT = {"content-type": "text/plain"}
XML = {"content-type": "application/xml"}
ATOM = {"content-type": "application/atom+xml"}
RSS = {"content-type": "application/rss+xml"}
EDGAR_LATEST_ATOM = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&start=4300&count=100&output=atom"

# (url, status, headers, fixture path under edgar/)
DEMO_RESPONSES: list[tuple[str, int, dict[str, str], str]] = [
    (TICKERS_URL, 200, JSON, "tickers/company_tickers.json"),
    (submissions_url(1045810), 200, JSON, "submissions/CIK0001045810_NVIDIA.json"),
    (submissions_url(320193), 200, JSON, "submissions/CIK0000320193_APPLE.json"),
    (
        archive_url(1045810, "0001045810-25-000023", "nvda-20250126.htm"),
        200,
        HTML,
        "filings/NVDA_10-K_FY2025_filed-2025-02-26.html",
    ),
    (
        archive_url(1045810, "0001045810-25-000209", "nvda-20250727.htm"),
        200,
        HTML,
        "filings/NVDA_10-Q_Q2FY2026_filed-2025-08-27.html",
    ),
    (
        full_submission_url(1045810, "0001045810-26-000024"),
        200,
        TEXT,
        "filings/NVDA_8-K_2026-03_0001045810-26-000024.txt",
    ),
    (
        archive_url(320193, "0000320193-24-000123", "aapl-20240928.htm"),
        200,
        HTML,
        "filings/AAPL_10-K_FY2024_filed-2024-11-01.html",
    ),
    (
        archive_url(320193, "0000320193-25-000073", "aapl-20250628.htm"),
        200,
        HTML,
        "filings/AAPL_10-Q_Q3FY2025_filed-2025-08-01.html",
    ),
    # More real recordings, so `watchdesk run --replay` and `watchdesk edgar` work offline on them too.
    (submissions_url(1318605), 200, JSON, "submissions/CIK0001318605_TESLA.json"),
    (
        "https://data.sec.gov/submissions/CIK0001318605-submissions-001.json",
        200,
        JSON,
        "submissions/CIK0001318605-submissions-001_TESLA_page.json",
    ),
    (submissions_url(1835632), 200, JSON, "submissions/CIK0001835632_MARVELL.json"),
    (submissions_url(895419), 200, JSON, "submissions/CIK0000895419_WOLFSPEED.json"),
    (submissions_url(789019), 200, JSON, "submissions/CIK0000789019_MICROSOFT.json"),
    (
        full_submission_url(796343, "0000796343-23-000044"),
        200,
        TEXT,
        "filings/ADBE_8-K_2023-03-15_earnings_0000796343-23-000044.txt",
    ),
    (
        filing_index_url(796343, "0000796343-23-000044"),
        200,
        HTML,
        "filings/ADBE_8-K_2023-03_0000796343-23-000044-index.html",
    ),
    (
        archive_url(796343, "0000796343-23-000044", "adbe-20230315.htm"),
        200,
        HTML,
        "filings/ADBE_8-K_2023-03_adbe-20230315.htm",
    ),
    (
        filing_index_url(1045810, "0001045810-26-000024"),
        200,
        HTML,
        "filings/NVDA_8-K_2026-03_0001045810-26-000024-index.html",
    ),
    (
        archive_url(1045810, "0001045810-26-000024", "nvda-20260302.htm"),
        200,
        HTML,
        "filings/NVDA_8-K_2026-03_nvda-20260302.htm",
    ),
    # The canonical job (NVIDIA, TSMC, ASML): TSMC's listing (its 200 newest filings; no TSMC document
    # was recorded, so the run shows those as gaps), NVIDIA's FY2024 10-K (the filing before FY2025, for
    # comparing consecutive 10-Ks), and EDGAR's latest-filings Atom page that lists a TSMC 6-K, read by
    # the news agent as a primary-tier feed. ASML has no recorded listing: its filings are a gap.
    (submissions_url(1046179), 200, JSON, "submissions/CIK0001046179_TSMC_first200.json"),
    (
        archive_url(1045810, "0001045810-24-000029", "nvda-20240128.htm"),
        200,
        HTML,
        "filings/NVDA_10-K_FY2024_filed-2024-02-21.html",
    ),
    (EDGAR_LATEST_ATOM, 200, ATOM, "atom_rss/getcurrent_all_start4300_count100_2026-01-12.atom.xml"),
    # SEC's press-release feed (January 2025), the primary-tier feed `watchdesk init` lists.
    ("https://www.sec.gov/news/pressreleases.rss", 200, RSS, "../feeds/sec_pressreleases.rss.xml"),
    # SEC's real answer for a CIK that does not exist.
    (
        "https://data.sec.gov/submissions/CIK-000000001.json",
        404,
        XML,
        "submissions/CIK-000000001_404_NoSuchKey.xml",
    ),
]


# A MANIFEST row's origin of a VCR cassette: "response body of GET URL, HTTP 200, Thu, 05 Mar 2026 11:20:23 GMT"
_RECORDED = re.compile(r"response body of GET (\S+), HTTP (\d{3}), (\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT)")


def recorded_dates(manifest: str) -> dict[tuple[str, str], str]:
    """(fixture path, URL) -> the Date its recorded answer carried, from the fixtures' MANIFEST.md rows."""
    out: dict[tuple[str, str], str] = {}
    for line in manifest.splitlines():
        cells = line.split("|")
        if len(cells) > 3 and (m := _RECORDED.search(cells[3])):
            out[(cells[1].strip().strip("`"), m.group(1))] = m.group(3)
    return out


def build(fixtures: Path, out: Path) -> Path:
    writer = PackWriter(out)
    dates = recorded_dates((fixtures / "MANIFEST.md").read_text(encoding="utf-8"))
    for url, status, headers, rel in DEMO_RESPONSES:
        body = (fixtures / "edgar" / rel).read_bytes()
        path = posixpath.normpath(f"edgar/{rel}")
        dated = {**headers, "date": dates[(path, url)]} if (path, url) in dates else headers
        writer.add(url, status, dated, body, source=f"shared/fixtures/{path}")
    index = writer.save()
    (out / "MANIFEST.md").write_text(MANIFEST, encoding="utf-8")
    return index


MANIFEST = """# Demo replay pack

Real SEC responses (US government public data: EDGAR, and SEC's press-release RSS feed), copied byte for
byte from the team's fixtures (`../shared/fixtures/edgar` and `feeds`, whose MANIFEST.md names each file's
origin); no third-party text is in here. `index.json` maps each URL to
its body and names the fixture file in `source`. Bodies are gzip-compressed. The recordings kept bodies only:
`content-type` headers were filled in from the file type, and `date` from the fixtures' MANIFEST where it names
the recorded answer's (a replay then knows a listing holds no filing after that day).

Rebuild with `.venv/bin/python -m tests.packs.build_demo_pack`; `tests/unit/test_demo_pack.py` checks
that the committed pack is exactly what the fixtures give.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", type=Path, default=REPO.parent / "shared" / "fixtures")
    parser.add_argument("--out", type=Path, default=REPO / "sources" / "packs" / "demo")
    args = parser.parse_args()
    print(build(args.fixtures, args.out))


if __name__ == "__main__":
    main()
