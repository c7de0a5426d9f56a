"""The demo's database, and briefings written from it with `watchdesk brief`, for the tests of what a briefing says."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli

# the demo's news feeds (fixtures recorded 2026-03-08, the EDGAR latest-filings feed 2026-01-09): later days not known
FEEDS = ("the runs replayed feeds recorded from 2026-01-09 to 2026-03-08, which hold no item published after their "
         "recording")


def demo_run(folder: Path) -> tuple[str, str]:
    """`watchdesk demo --quiet` into `folder` (its briefing in folder/b1): what it printed, (stdout, stderr)."""
    result = CliRunner().invoke(cli, ["demo", "--db", str(folder / "demo.duckdb"), "--out", str(folder / "b1"),
                                      "--quiet"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def demo_db(folder: Path) -> Path:
    """`watchdesk demo` into `folder` (its briefing in folder/b1); the database's path."""
    demo_run(folder)
    return folder / "demo.duckdb"


def demo_file(folder: Path, ext: str) -> Path:
    """The briefing (`md` or `html`) `watchdesk demo` wrote into folder/b1."""
    (page,) = (folder / "b1").glob(f"*.{ext}")
    return page


def brief_md(db: Path, out: Path, *period: str) -> str:
    """The Markdown `watchdesk brief --db DB PERIOD...` writes into `out`."""
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *period, "--format", "md", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (md,) = out.glob("*.md")
    return md.read_text()


def brief_html(db: Path, out: Path, *period: str) -> tuple[str, Path]:
    """The Markdown and the HTML file `watchdesk brief --db DB PERIOD... --format md,html` writes into `out`."""
    result = CliRunner().invoke(cli, ["brief", "--db", str(db), *period, "--format", "md,html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    (md,), (html,) = out.glob("*.md"), out.glob("*.html")
    return md.read_text(encoding="utf-8"), html


def missing(markdown: str) -> str:
    """The headline's "What is missing" lines."""
    return markdown.split("**What is missing**", 1)[1].split("\n## ", 1)[0].strip()
