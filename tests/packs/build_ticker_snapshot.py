"""Rebuild graph/goal/sec_tickers.tsv.gz, the ticker map `watchdesk plan` resolves names with, from SEC's
company_tickers_exchange.json in the shared fixtures (early 2025; SEC data, public domain), ranked by the 2024-05
snapshot's order where it held the company (SEC's order there is by market value; the 2025 list puts TSMC at 7,000 and
Unilever at 7,293), the companies new since after them in the 2025 list's order. The 2024-05 snapshot is read from git
history (commit a573e8f, the last that shipped it), so run this in a clone with its history:

    PYTHONPATH=. .venv/bin/python -m tests.packs.build_ticker_snapshot [SHARED_fixtures]

It writes the file in place; the shipped one is its output (`git diff --stat` shows no change)."""

import gzip
import subprocess
import sys
from pathlib import Path

from watchdesk.graph.goal.names import acquired, name_key
from watchdesk.sources.edgar_parse import parse_ticker_map
from watchdesk.sources.models import CompanyRef

OLD = "a573e8f:graph/goal/sec_tickers.tsv.gz"


def first(name: str) -> str:
    return (name_key(name).split() or [""])[0]


def main() -> None:
    fixtures = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures")
    shown = subprocess.run(["git", "show", OLD], check=True, capture_output=True).stdout
    old_snapshot = gzip.decompress(shown).decode()
    old_rank: dict[int, int] = {}
    old_ticker_cik: dict[str, int] = {}
    old_name: dict[int, str] = {}
    for line in old_snapshot.splitlines():
        if line and not line.startswith("#"):
            t, c, n = line.split("\t", 2)
            old_rank.setdefault(int(c), len(old_rank))
            old_ticker_cik.setdefault(t, int(c))
            old_name.setdefault(int(c), n)
    refs = list(parse_ticker_map((fixtures / "edgar/tickers/company_tickers_exchange.json").read_bytes()).values())
    # companies acquired since the 2024-05 map (aliases.toml [acquired]) that the 2025 list no longer holds: their
    # 2024-05 rows stay, so "Watch Pioneer" still says Exxon bought it
    held = {r.ticker for r in refs} | {str(r.cik) for r in refs}
    old_rows = [line.split("\t", 2) for line in old_snapshot.splitlines() if line and not line.startswith("#")]
    gone = [CompanyRef(ticker=t, cik=int(c), name=n) for t, c, n in old_rows if t in acquired() and t not in held
            and c not in held]
    refs += gone
    new_pos: dict[int, int] = {}
    for r in refs:
        new_pos.setdefault(r.cik, len(new_pos))
    # a company under a new CIK (BlackRock's new holding company, BLK) takes the rank its ticker had
    # (the same company by its name's first word: not CalAmp's CAMP, now Camp4 Therapeutics')
    by_ticker = {r.cik: old_rank[old_ticker_cik[r.ticker]] for r in reversed(refs)
                 if r.ticker in old_ticker_cik and first(old_name[old_ticker_cik[r.ticker]]) == first(r.name)}
    key = {cik: (0, old_rank[cik]) if cik in old_rank else (0, by_ticker[cik]) if cik in by_ticker else (1, pos)
           for cik, pos in new_pos.items()}
    refs.sort(key=lambda r: key[r.cik])  # stable: a company's tickers keep the 2025 list's order
    source = ("SEC company_tickers_exchange.json (www.sec.gov/files/company_tickers_exchange.json), snapshot of early "
              "2025 "
              "(BlackRock under its new holding company's CIK 2012383, Block still SQ); ranked as the 2024-05 "
              "company_tickers.json ranked each company or its ticker (by market value), those new since after them in "
              "the 2025 list's order; and the 2024-05 rows of the companies acquired since that it no longer holds "
              "(PXD, MRO...: aliases.toml [acquired])")
    lines = [f"# {source}; US government public data. ticker, cik, title"]
    lines += [f"{r.ticker}\t{r.cik}\t{r.name}" for r in refs]
    Path("graph/goal/sec_tickers.tsv.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(len(refs), sum(1 for c in new_pos if c not in old_rank), "new companies", [r.ticker for r in gone])


if __name__ == "__main__":
    main()
