"""A security review (session 23): redaction finds URLs by their scheme ("https://"), so an address written without
one kept its secret: a transcript source `url = "ir.example.com/call?apikey=..."` was refused as no web address with
the key printed twice ("... (got 'ir.example.com/call?apikey=<the key>') (got {'kind': 'url', 'url': ...})"), and the
same went for any message quoting such an address. A credential parameter after "?", "&" or ";" is now redacted
wherever it stands in a message."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.sources.redact import redact_text

SECRET = "s3cr3t-k3y"
URL = f"ir.example.com/call?lang=en&apikey={SECRET}"
WATCHLIST = f"""
name = "no scheme"
policy = {{ allowed_domains = ["example.com"] }}
tickers = [
  {{ symbol = "CCL", cik = 815097, sources = ["transcripts"], transcripts = [{{ kind = "url", url = "{URL}" }}] }},
]
"""


def test_a_watchlist_error_does_not_print_the_key(tmp_path: Path) -> None:
    (tmp_path / "w.toml").write_text(WATCHLIST)
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "w.toml"), "--dry-run", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2, result.output
    assert "must start with http:// or https://" in result.output and "lang=en&apikey=REDACTED" in result.output
    assert SECRET not in result.output


def test_only_credentials_after_a_parameter_separator_go() -> None:
    said = f"got 'feeds.example.com/rss;token={SECRET}?id=7&sig={SECRET}' for key={SECRET}, pin=4 of 5"
    assert redact_text(said) == "got 'feeds.example.com/rss;token=REDACTED?id=7&sig=REDACTED' for key=" + SECRET + (
        ", pin=4 of 5"
    )
    assert redact_text(redact_text(said)) == redact_text(said)
