"""Bug: `run --dry-run` said "valid" for unknown tickers, a misspelt topic (which then failed mid-run,
after fetching), `since` after `until`, transcript hosts outside `allowed_domains`, recipients outside
`allowed_recipients`, a webhook URL put into `webhook_env`, and `sources = ["transcripts"]` without a
chain; a run reported only the first unknown ticker; `init nodir/w.toml` printed a traceback."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli
from watchdesk.graph.demo import demo_pack

WEBHOOK = "https://hooks.slack.com/services/T000/B000/sekrit"
BAD = f"""
name = "everything wrong"
[[tickers]]
symbol = "NVDA"
sources = ["edgar", "transcripts"]
[[tickers.transcripts]]
kind = "url"
url = "https://transcripts.example.net/nvda-q3.html"
[[tickers]]
symbol = "QZXW"
[[tickers]]
symbol = "ZZQQY"
[[tickers]]
symbol = "AAPL"
sources = ["transcripts"]
[topics]
watch = ["inventroy", "geopolitical"]
[filings]
since = 2025-09-01
until = 2025-08-01
[[delivery]]
kind = "email"
to = ["boss@elsewhere.org"]
[[delivery]]
kind = "slack"
webhook_env = "{WEBHOOK}"
[policy]
allowed_domains = ["sec.gov"]
allowed_recipients = ["me@example.com"]
"""


def test_dry_run_lists_every_problem_and_the_plan(tmp_path: Path) -> None:
    wl = tmp_path / "bad.toml"
    wl.write_text(BAD)
    result = CliRunner().invoke(cli, ["run", str(wl), "--dry-run", "--replay", str(demo_pack())])
    out = result.output
    assert result.exit_code == EXIT_CONFIG, out
    assert "1. [filings] fetch_filings -> NVDA" in out and "(needs net:sec.gov)" in out
    expected = [
        "unknown topic 'inventroy'; did you mean inventory",
        "filings.since (2025-09-01) is after filings.until (2025-08-01)",
        "host 'transcripts.example.net' is not in policy.allowed_domains",
        "'boss@elsewhere.org' is not in policy.allowed_recipients",
        "webhook_env must name an environment variable",
        'tickers.AAPL: sources has "transcripts" but no [[tickers.transcripts]] chain',
        "unknown ticker 'QZXW'",
        "unknown ticker 'ZZQQY'",
    ]
    for problem in expected:
        assert problem in out, problem
    assert "8 problems" in out
    assert "sekrit" not in out, "the webhook secret is never echoed"
    assert not list(tmp_path.glob("*.duckdb")), "a dry run writes nothing"


def test_a_run_refuses_a_misspelt_topic_before_fetching(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text('[[tickers]]\nsymbol = "NVDA"\n[topics]\nwatch = ["inventroy"]\n')
    db = tmp_path / "r.duckdb"
    result = CliRunner().invoke(cli, ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db)])
    assert result.exit_code == EXIT_CONFIG and "did you mean inventory" in result.output
    assert "resolving tickers" not in result.output and not db.exists()


def test_a_run_names_every_unknown_ticker(tmp_path: Path) -> None:
    wl = tmp_path / "w.toml"
    wl.write_text('[[tickers]]\nsymbol = "QZXW"\n[[tickers]]\nsymbol = "ZZQQY"\n')
    result = CliRunner().invoke(cli, ["run", str(wl), "--replay", str(demo_pack()), "--db", str(tmp_path / "r.db")])
    assert result.exit_code == EXIT_CONFIG
    assert "'QZXW'" in result.output and "'ZZQQY'" in result.output


def test_init_into_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "nodir" / "w.toml"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == EXIT_CONFIG
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_a_ticker_listed_twice_is_a_problem_before_fetching(tmp_path: Path) -> None:
    # two [[tickers]] entries for NVDA were accepted and fetched twice (a helper's CLI review, session 20)
    wl = tmp_path / "w.toml"
    wl.write_text('[[tickers]]\nsymbol = "NVDA"\n[[tickers]]\nsymbol = "nvda"\nsources = ["news"]\n')
    db = tmp_path / "r.duckdb"
    result = CliRunner().invoke(cli, ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db)])
    assert result.exit_code == EXIT_CONFIG and "tickers: NVDA listed more than once" in result.output, result.output
    assert not db.exists()
