"""Bug: a `?token=` in a transcript URL was redacted in audit rows but printed in the plan, the gaps,
the briefing, the checkpoint file and on stderr. Now one redaction function guards every place. A review
(session 21) found a news feed's `?apikey=` still stored in the run's plan: feeds are redacted there too."""

from __future__ import annotations

from pathlib import Path

import duckdb
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.redact import redact_text

SECRET = "s3cr3t-t0ken"
WATCHLIST = f"""
name = "secret url"
[[tickers]]
symbol = "NVDA"
sources = ["edgar", "transcripts", "news"]
[[tickers.transcripts]]
kind = "url"
url = "https://ir.example.com/q3-call.html?token={SECRET}&lang=en"
[[news.feeds]]
url = "https://feeds.example.com/rss?apikey={SECRET}"
[filings]
forms = ["10-Q"]
since = 2025-08-01
until = 2025-08-31
limit_per_form = 1
[policy]
allowed_domains = ["sec.gov", "example.com"]
approval = "always"
"""


def test_token_never_printed_or_stored(tmp_path: Path) -> None:
    wl, db, out = tmp_path / "w.toml", tmp_path / "s.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST)
    env = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db), "--out", str(out)]
    first = CliRunner(env=env).invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert "awaiting approval" in first.output and "token=REDACTED" in first.output
    run_id = first.output.split("watchdesk approve ", 1)[1].split()[0]
    second = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)])
    assert second.exit_code == 0, second.output
    printed = first.output + second.output
    assert SECRET not in printed
    con = duckdb.connect(str(db), read_only=True)
    try:
        plan, error = con.execute("SELECT plan, error FROM runs").fetchall()[0]
        gaps = con.execute("SELECT target, reason, tried FROM gaps").fetchall()
        actions = con.execute("SELECT target, detail FROM actions").fetchall()
        briefing = con.execute("SELECT * FROM briefings").fetchall()
    finally:
        con.close()
    assert gaps and "ir.example.com" in repr(gaps), "the failed transcript source is a gap"
    for stored in (plan, error, gaps, actions, briefing):
        assert SECRET not in repr(stored)
    # the database file too: the watchlist stored with the run had its URLs as written until session 22
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "w.toml"]
    assert any(p.name.endswith(".checkpoints.sqlite") for p in files) and any(p.suffix == ".md" for p in files)
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


def test_approve_reads_the_secrets_from_the_file_and_refuses_when_it_changed(tmp_path: Path) -> None:
    """The database keeps the watchlist redacted; approve reads the real URLs from the file again, and a file that
    no longer says the same thing is refused (exit 2) with the run left waiting."""
    wl, db, out = tmp_path / "w.toml", tmp_path / "s.duckdb", tmp_path / "out"
    wl.write_text(WATCHLIST)
    env = {"WATCHDESK_REPLAY": None, "WATCHDESK_SEC_IDENTITY": None}
    args = ["run", str(wl), "--replay", str(demo_pack()), "--db", str(db), "--out", str(out)]
    run_id = CliRunner(env=env).invoke(cli, args).output.split("watchdesk approve ", 1)[1].split()[0]
    con = duckdb.connect(str(db), read_only=True)
    stored, path = con.execute("SELECT watchlist_json, watchlist_path FROM runs").fetchall()[0]
    con.close()
    assert SECRET not in stored and "token=REDACTED" in stored and path == str(wl.resolve())
    wl.write_text(WATCHLIST.replace("lang=en", "lang=de"))
    refused = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)])
    assert refused.exit_code == 2 and "changed since the plan" in refused.output, refused.output
    assert f"watchdesk approve {run_id} --reject" in refused.output and SECRET not in refused.output
    wl.write_text(WATCHLIST.replace(SECRET, "rotated-token"))  # a rotated secret is the same watchlist
    done = CliRunner(env=env).invoke(cli, ["approve", run_id, "--db", str(db)])
    assert done.exit_code == 0, done.output


def test_one_function_redacts_urls_inside_text() -> None:
    text = "tried url https://a.example.com/x?apikey=abc&q=1: HTTP 404; https://u:pw@b.example.com/y"
    assert redact_text(text) == (
        "tried url https://a.example.com/x?apikey=REDACTED&q=1: HTTP 404; https://REDACTED@b.example.com/y"
    )


def test_a_news_items_own_link_loses_its_credential() -> None:
    """Noticed in session 21: a private feed's item links can carry the reader's token (`?token=`, `user:pass@`);
    the link was stored and shown in the briefing as given. Now it is kept without the credential, like a tracking
    parameter, so the public article's address still works."""
    from watchdesk.agents.news import canonical_url

    link = canonical_url(f"https://reader:{SECRET}@News.Example.com/a/1?id=7&token={SECRET}&API_KEY={SECRET}&utm_source=x")
    assert link == "https://news.example.com/a/1?id=7"


def test_common_credential_parameters_are_redacted_and_ordinary_ones_kept() -> None:
    """A security review (session 22): `sig`, `auth`, `pwd`, `X-Amz-Signature`... went through unredacted into the
    plan, the audit table, the checkpoint and the e-mailed briefing; only key/token/secret/password names were."""
    from watchdesk.sources.redact import redact_url

    url = ("https://h.example.com/c.txt?token=T1&sig=S2&auth=A3&pwd=P4&X-Amz-Signature=Z5&X-Amz-Credential=C6"
           "&pass=P7&code=C8&session=S9&client_secret=CS&author=kress&passage=2&page=3")
    out = redact_url(url)
    assert not any(v in out for v in ("T1", "S2", "A3", "P4", "Z5", "C6", "P7", "C8", "S9", "CS")), out
    assert "author=kress&passage=2&page=3" in out
    # a "?@" in the query is not user info: the host stays as it was asked for
    assert redact_url("https://evil.test?@www.sec.gov/") == "https://evil.test?@www.sec.gov/"
    assert redact_url("https://u:p@www.sec.gov/x") == "https://REDACTED@www.sec.gov/x"


def test_the_http_cache_files_name_the_url_without_its_secret(tmp_path: Path) -> None:
    """The review: the on-disk cache's metadata held `?token=...` in clear (~/.cache/watchdesk)."""
    from watchdesk.sources.cache import DiskCache
    from watchdesk.sources.models import HttpResult

    cache = DiskCache(tmp_path)
    url = f"https://h.example.com/c.txt?token={SECRET}&page=2"
    cache.put(HttpResult(url=url, status=200, headers={"Content-Type": "text/plain"}, body=b"call"))
    assert not any(SECRET in p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file())
    hit = cache.get(url)
    assert hit is not None and hit.body == b"call" and hit.url == url
    assert cache.get(url.replace("page=2", "page=3")) is None



def test_credentials_behind_other_separators_are_redacted_too() -> None:
    """The security re-review (session 22): a password holding "@", ";token=", a second "?", "#access_token=",
    session_id= and pw= got through; "keyword=" was redacted although it is no secret."""
    from watchdesk.agents.news import canonical_url
    from watchdesk.sources.redact import redact_url

    cases = {
        "http://alice:p@ssSECRET@127.0.0.1:18081/nope?x=1;token=SECRET": "http://REDACTED@127.0.0.1:18081/nope?x=1;token=REDACTED",
        "http://h.example.com/feed?a=1?apikey=SECRET": "http://h.example.com/feed?a=1?apikey=REDACTED",
        "http://h.example.com/f?session_id=SECRET&pw=SECRET": "http://h.example.com/f?session_id=REDACTED&pw=REDACTED",
        "http://h.example.com/f#access_token=SECRET": "http://h.example.com/f#access_token=REDACTED",
        "https://h.example.com/x?keyword=NVDA&api_key=SECRET": "https://h.example.com/x?keyword=NVDA&api_key=REDACTED",
    }
    for url, want in cases.items():
        assert redact_url(url) == want
    assert "SECRET" not in canonical_url("https://news.example.com/call?a=1;token=SECRET")


def test_a_news_link_keeps_a_story_id_named_like_a_short_secret() -> None:
    """A code review (session 22): dropping sid=, code=, pin= from news links merged different stories into one
    (slashdot's story.pl?sid=12345 and ?sid=99999) and broke the stored link. Only names that are credentials beyond
    doubt are dropped."""
    from watchdesk.agents.news import canonical_url

    assert canonical_url("https://slashdot.org/story.pl?sid=12345") == "https://slashdot.org/story.pl?sid=12345"
    assert canonical_url("https://h.example.com/f?a=1?apikey=S&b=2") == "https://h.example.com/f?a=1&b=2"


def test_a_run_stored_before_redaction_still_resumes() -> None:
    """A code review (session 22): a run waiting since before migration 012 (its watchlist stored with the token,
    no file path) could not be approved: 'the database does not keep' secrets it did keep."""
    from datetime import UTC, datetime

    from watchdesk.graph.resume import StoppedRun, stopped_watchlist
    from watchdesk.graph.watchlist import parse_watchlist

    wl = parse_watchlist(WATCHLIST)
    run = StoppedRun(run_id="r", thread_id="t", status="awaiting_approval", watchlist_json=wl.model_dump_json(),
                     started_at=datetime.now(UTC), plan=[], mode="replay", replay_dir=None, record_dir=None,
                     out_dir=None, as_of=None, watchlist_path=None)  # fmt: skip
    assert stopped_watchlist(run) == wl
