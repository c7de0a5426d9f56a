"""Briefings from the demo database: `watchdesk demo` writes Markdown and HTML, `watchdesk brief` renders any
week offline, and the HTML renders in headless Chromium with no request leaving the file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import BLOCKED, ink, shot
from watchdesk.graph.cli import cli

RESOURCE = re.compile(r"<(?:img|script|link|iframe|source|video|audio|object|embed)\b[^>]*>|url\(", re.I)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, demo_said: Callable[[Path], tuple[str, str]]
         ) -> tuple[Path, list[Path]]:  # fmt: skip
    """`watchdesk demo --quiet`'s database (this module's own copy) and the files it printed."""
    tmp = tmp_path_factory.mktemp("brief")
    stdout, _ = demo_said(tmp)
    return tmp / "demo.duckdb", [Path(line) for line in stdout.split()]


def brief(db: Path, *args: str) -> tuple[str, list[Path]]:
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output, [Path(line) for line in result.stdout.split()]


def test_demo_writes_markdown_and_html(demo: tuple[Path, list[Path]]) -> None:
    _, paths = demo
    assert sorted(p.suffix for p in paths) == [".html", ".md"] and all(p.is_file() for p in paths), paths


def test_html_citations_are_links_that_land(demo: tuple[Path, list[Path]]) -> None:
    """Noticed in session 21: the HTML briefing's citations were plain text. Each "[3]" now links to the third
    source and each "[F-...]" to its finding's row in Sources; every in-page link has a target, including the
    headline's quotes (their findings had no row in the Sources table before)."""
    html = next(p for p in demo[1] if p.suffix == ".html").read_text()
    md = next(p for p in demo[1] if p.suffix == ".md").read_text()
    targets, ids = set(re.findall(r'href="#([^"]+)"', html)), set(re.findall(r' id="([^"]+)"', html))
    assert {"source-1", "source-2"} <= targets and any(t.startswith("F-") for t in targets)
    assert targets <= ids, sorted(targets - ids)
    headline = md.split("\n## ", 2)[1]
    cited = set(re.findall(r"\[(F-[0-9a-f]+)\]", headline))
    table = md.split("## Sources", 1)[1]
    assert cited and all(f"| [{c}] |" in table for c in cited)
    assert "Colette M. Kress" not in md, "the Sources table names speakers as the quotes do"


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_brief_a_week_offline_lists_only_that_weeks_filings(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    db, _ = demo
    _, paths = brief(db, "--week", "2025-W35", "--format", "md,html", "--out", str(tmp_path))
    # the name ends with a tag of the store and the watchlist's name (test_briefing_names_never_collide)
    assert [re.sub(r"-[0-9a-f]{6}\.", ".", p.name) for p in paths] == [
        "briefing-demo-nvidia-tsmc-and-asml-calls-filings-2025-W35.md",
        "briefing-demo-nvidia-tsmc-and-asml-calls-filings-2025-W35.html",
    ]
    md = paths[0].read_text()
    headline = md.split("\n## ", 2)[1]
    assert headline.startswith("What changed: 2025-W35") and "| NVDA | Geopolitical |" in headline
    # ASML's filing list could not be read (test_rebriefing_says_what_was_read), and the week is before the demo's
    # filing window (test_nothing_filed_only_where_read): neither is known to be quiet
    assert "Nothing read for ASML" in headline and "No new documents for TSM in this period, but whether" in headline
    assert "10-Q, filed 2025-08-27" in md
    # Filings dated outside the week (the 10-K of February, the 8-K of 2026) are not in it.
    for outside in ("filed 2025-02-26", "filed 2026-03-06", "published 2026-03-06", "filed 2024-11-01"):
        assert outside not in md, outside


def test_a_week_without_documents_says_so_and_keeps_the_trend(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    db, _ = demo
    _, paths = brief(db, "--week", "2025-W36", "--format", "md", "--out", str(tmp_path))
    md = paths[0].read_text()
    assert "**No new documents in this period**" in md
    rows = re.findall(r"^\| NVDA \| (\w[\w ]*) \| 0 \|.*\| ([+-]\d\.\d\d) \| no new mentions \(previous: the 11 weeks "
                      r"before\) \|$", md, re.M)  # fmt: skip
    assert {topic for topic, _ in rows} >= {"Inventory", "Geopolitical"}, md[:3000]


def test_brief_since_until_is_that_span(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    db, _ = demo
    _, paths = brief(db, "--since", "2025-08-01", "--until", "2025-08-31", "--format", "md", "--out", str(tmp_path))
    md = paths[0].read_text()
    assert re.search(r"-2025-08-01-to-2025-08-31-[0-9a-f]{6}\.md$", paths[0].name), paths[0].name
    assert "10-Q, filed 2025-08-27" in md and "filed 2025-02-26" not in md and "held 2024-" not in md


@pytest.mark.usefixtures("shared_fixtures")  # the demo's calls and news are read from ../shared/fixtures
def test_a_long_span_compares_with_what_came_before_it(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    # The demo's own span: NVIDIA's 10-K of 2024-02-21 is the latest 10-K or 10-Q before it, and no call is
    db, _ = demo
    _, paths = brief(db, "--since", "2024-05-01", "--until", "2026-09-01", "--format", "md", "--out", str(tmp_path))
    headline = paths[0].read_text().split("\n## ", 2)[1]
    assert "| Previous | Trend |" in headline
    rows = re.findall(r"^\| NVDA \| ([\w ]+) \| \d+ \|.*\| ([+-]\d\.\d\d) \(10-K of 2024-02-21 only\) \| (calls: no "
                      r"earlier call mentions it; 10-K and 10-Q: [^|]*) \|$", headline, re.M)  # fmt: skip
    assert {topic for topic, _, _ in rows} == {"Inventory", "Supply chain", "Geopolitical"}, headline[:2000]
    # the period's 10-K and 10-Q against the 10-K before it, not its calls (a review): the direction shows the
    # filings' own tones, the row's -0.38 being over calls, filings and news; its two risk group headings and the
    # 10-Ks' note subheading "Purchase Obligations" are no findings (with the subheading a finding it read -0.70
    # against -0.69)
    words = {topic: word.split("; ")[1] for topic, _, word in rows}
    # (-0.71 against -0.70 with each copy of a sentence a 10-K says again in Items 1A and 7 counted; -0.71 against
    # -0.74 before flagging v0.45, when the 10-Q's definition of its direct customers, "... ODMs, ...", was a neutral
    # supply-chain finding; -0.72 before v0.46, when the notes' contract manufacturers' arrangement was a warning and
    # the purchase commitments' policy and contents good news; -0.71 against -0.74 before v0.48, when both 10-Ks'
    # "We utilize foundries ... to produce our semiconductor wafers" and their cybersecurity item's "We routinely assess
    # our high-risk suppliers' conformance ..." were warnings)
    assert words["Supply chain"] == "10-K and 10-Q: steady against the 10-K of 2024-02-21 (-0.70 against -0.72)"
    # -0.47 against -0.37, not -0.45 against -0.35, since the 10-Ks' MD&A subheading "Inventories" and their critical
    # audit matter "Valuation of Inventories - ..." (Item 15) are no findings
    # (-0.47 against -0.37 with each copy of a sentence said again counted; -0.46 against -0.34 before flagging v0.46,
    # when the 10-Q's and the FY2025 10-K's "Other segment items ... include ... inventory provisions" were warnings)
    assert words["Inventory"] == "10-K and 10-Q: down ▼ against the 10-K of 2024-02-21 (-0.45 against -0.34)"


def test_findings_of_an_older_flagging_are_said_in_the_method(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    """As after an upgrade, before the next run re-flags: the 10-Q's findings are stored as v0.30 made them."""
    import shutil

    import duckdb

    from watchdesk.agents.flagging.version import METHOD_VERSION
    from watchdesk.store.queries import SAID_AGAIN

    db = tmp_path / "upgraded.duckdb"
    shutil.copy(demo[0], db)
    with duckdb.connect(str(db)) as con:
        ten_q = "SELECT doc_id FROM documents WHERE form = '10-Q'"
        con.execute(f"UPDATE doc_flags SET method_version = '0.30' WHERE doc_id IN ({ten_q})")
        con.execute(f"UPDATE findings SET method_version = '0.30' WHERE doc_id IN ({ten_q})")
        (older,) = con.execute(f"SELECT count(*) FROM (SELECT * FROM findings f WHERE doc_id IN ({ten_q}) "
                               f"QUALIFY NOT {SAID_AGAIN})").fetchall()[0]  # a sentence said again: once
    _, paths = brief(db, "--week", "2025-W35", "--format", "md", "--out", str(tmp_path))
    method = " ".join(paths[0].read_text().split("\n## Method", 1)[1].split())
    assert older > 0 and f"{older} of the {older} findings here were made by another flagging version (v0.30: " \
        f"{older})" in method and f"re-flags their documents with v{METHOD_VERSION}" in method
    _, paths = brief(demo[0], "--week", "2025-W35", "--format", "md", "--out", str(tmp_path / "now"))
    assert "another flagging version" not in paths[0].read_text()

def test_brief_rejects_a_bad_week(demo: tuple[Path, list[Path]]) -> None:
    db, _ = demo
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), "--week", "2025-35"])
    assert result.exit_code == 2 and "ISO week" in result.output


def test_html_briefing_renders_in_headless_chromium(demo: tuple[Path, list[Path]], tmp_path: Path) -> None:
    html = next(p for p in demo[1] if p.suffix == ".html")
    text = html.read_text()
    assert not RESOURCE.findall(text), "the briefing must load nothing from outside itself"
    assert "default-src 'none'" in text and text.count("<svg") == 4  # two charts, each wide and narrow
    log = shot(html, tmp_path / "shot.png")
    colours, share = ink(tmp_path / "shot.png")
    assert colours > 20 and share > 0.05, (colours, share)
    assert not re.search(BLOCKED, log), log[-2000:]


def test_the_browser_check_sees_a_blocked_request(tmp_path: Path) -> None:
    page = tmp_path / "leaky.html"
    page.write_text('<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
                    '</head><body><img src="https://example.com/x.png">text</body></html>')  # fmt: skip
    assert re.search(BLOCKED, shot(page, tmp_path / "leaky.png"))
