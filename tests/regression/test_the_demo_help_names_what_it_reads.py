"""Bug: `watchdesk demo --help` said only "Run the whole pipeline offline on recorded SEC responses bundled with
watchdesk", while the demo also reads NVIDIA's and TSMC's calls and the news feeds from the team's fixtures beside the
checkout (README, Quick start), and lists each as a gap when they are absent: a user without them could not tell from
the help why the demo's briefing has no calls. The help now says what it reads from where, and what it leaves."""

from __future__ import annotations

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_the_demo_help_says_where_calls_and_news_come_from() -> None:
    result = CliRunner().invoke(cli, ["demo", "--help"])
    assert result.exit_code == 0
    said = " ".join(result.output.split())
    assert "../shared/fixtures" in said and "calls" in said and "news" in said and "gap" in said
    assert "watchdesk.duckdb" in said and ".watchdesk/" in said
