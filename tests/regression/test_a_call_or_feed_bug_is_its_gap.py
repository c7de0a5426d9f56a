"""Bug: the transcripts agent caught only watchdesk's own errors and ValueError per call, and the news agent only
watchdesk's own errors per feed, so a KeyError, TypeError or IndexError in a transcript or feed parser (or on one
feed item) ended the whole step: the ticker's other calls, the other feeds and items were never stored. Now the bug is
the gap of that one call, feed or item, naming the file or URL, the exception and where it was raised (secrets
redacted), audited as a failure (the run exits 1, partial); the others are stored. A feed whose item failed keeps its
old conditional-GET validators, so the next run reads the item again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.agents import news, transcripts
from watchdesk.graph.cli import EXIT_ERROR, cli
from watchdesk.graph.deps import AuditBuffer
from watchdesk.sources.gateway import Gateway, GatewayConfig
from watchdesk.sources.models import CompanyRef
from watchdesk.sources.news.match import terms_for
from watchdesk.sources.redact import redact_text
from watchdesk.sources.replay import PackWriter
from watchdesk.store.store import Store

HERE = Path(__file__).name
NVDA = CompanyRef(ticker="NVDA", cik=1045810, name="NVIDIA CORP")
CALLS = ("NVDA_2026_Q1.txt", "NVDA_2026_Q2.txt")
SA = "https://seekingalpha.com/api/sa/combined/AAPL.xml?token=s3cr3t"
NYT = "https://rss.nytimes.com/services/xml/rss/nyt/Business.xml"
ODD_ITEM = "Foxconn says all will feel impact if Iran war drags on: report"  # one of six Seeking Alpha items on NVIDIA
real_parse_transcript, real_spans = transcripts.parse_transcript, transcripts._spans
real_parse_feed, real_match = news.parse_feed, news.match_tickers


@pytest.fixture()
def calls(shared_fixtures: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in CALLS:
        shutil.copy(shared_fixtures / "transcripts" / "plaintext_2023_2025" / name, folder / name)
    return folder


def parse_with_a_bug(data: bytes, **kw):  # type: ignore[no-untyped-def]
    if kw["origin"].endswith(CALLS[0]):
        raise KeyError("speaker")
    return real_parse_transcript(data, **kw)


def spans_with_a_bug(doc_id, call, spans):  # type: ignore[no-untyped-def]
    if call.fiscal_period == "2026-Q1":
        raise IndexError("list index out of range")
    return real_spans(doc_id, call, spans)


def collect_calls(folder: Path, store: Store) -> transcripts.TranscriptsResult:
    req = transcripts.TranscriptsRequest(company=NVDA, aliases=("NVIDIA",),
                                         chain=(transcripts.Source(kind="folder", path=str(folder)),))
    return transcripts.collect(req, fetcher=None, store=store, run_id="r1")  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "bug", "exc", "doing"), [
    ("parse_transcript", parse_with_a_bug, "KeyError", "reading"),
    ("_spans", spans_with_a_bug, "IndexError", "storing"),
])  # fmt: skip
def test_a_bug_on_one_call_is_its_gap_and_the_other_call_is_stored(
    calls: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, bug: object, exc: str, doing: str
) -> None:
    monkeypatch.setattr(transcripts, name, bug)
    with Store.open(tmp_path / "db.duckdb") as store:
        result = collect_calls(calls, store)
        stored = store.query("SELECT title FROM documents")
        gaps = store.query("SELECT agent, ticker, target, reason FROM gaps")
        failures = store.query("SELECT agent, target FROM actions WHERE outcome = 'error'")
    assert len(result.new_doc_ids) == 1 and "2026-Q2" in stored[0][0], stored
    ((agent, ticker, target, reason),) = gaps
    assert (agent, ticker, target) == ("transcripts", "NVDA", f"NVDA transcript {calls / CALLS[0]}")
    assert reason.startswith(f"unexpected {exc} in {HERE}:"), reason
    assert f" {doing} {calls / CALLS[0]}: " in reason and reason.endswith("; please report it")
    assert failures == [("transcripts", target)]


def test_the_run_exits_1_naming_the_call(calls: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcripts, "parse_transcript", parse_with_a_bug)
    wl = tmp_path / "w.toml"
    wl.write_text(f'name = "calls"\n[[tickers]]\nsymbol = "NVDA"\ncik = 1045810\nsources = ["transcripts"]\n'
                  f'[[tickers.transcripts]]\nkind = "folder"\npath = "{calls}"\n[policy]\napproval = "never"\n')
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(cli, ["run", str(wl), "--db", str(db), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_ERROR, result.output
    said = " ".join(result.stderr.split())
    assert f"a source failed on a bug: transcripts (NVDA transcript {calls / CALLS[0]}: unexpected KeyError" in said
    with Store.open(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents")[0][0] == 1
        ((status, error),) = store.query("SELECT status, error FROM runs")
    assert status == "done" and error.startswith("partial: transcripts (NVDA transcript "), error
    assert list((tmp_path / "out").glob("*.md")), "the briefing is written"


@pytest.fixture()
def pack(shared_fixtures: Path, tmp_path: Path) -> Path:
    writer = PackWriter(tmp_path / "pack")
    feed = {"content-type": "application/rss+xml", "etag": '"v1"'}
    writer.add(SA, 200, feed, (shared_fixtures / "feeds/seekingalpha_2026-03.rss.xml").read_bytes(), source="fixture")
    writer.add(NYT, 200, feed, (shared_fixtures / "feeds/nytimes_2026-03.rss.xml").read_bytes(), source="fixture")
    writer.save()
    return tmp_path / "pack"


def read_feeds(pack: Path, store: Store) -> news.NewsResult:
    req = news.NewsRequest(tickers=(terms_for("NVDA", sec_name="NVIDIA CORP", aliases=["Nvidia"]),), ciks={},
                           feeds=(news.FeedSpec(url=NYT), news.FeedSpec(url=SA, tier="established")))
    config = GatewayConfig(mode="replay", replay_dir=pack, allowed_domains=("seekingalpha.com", "nytimes.com"))
    with Gateway(config, audit=AuditBuffer()) as gw:
        return news.collect(req, fetcher=gw, store=store, run_id="r1")


def test_a_bug_reading_one_feed_is_its_gap_and_the_other_feed_is_read(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse_with_a_bug(body: bytes, *, feed_url: str) -> list[news.NewsItem]:
        if "seekingalpha" in feed_url:
            raise TypeError(f"'NoneType' object is not subscriptable ({feed_url})")
        return real_parse_feed(body, feed_url=feed_url)

    monkeypatch.setattr(news, "parse_feed", parse_with_a_bug)
    with Store.open(tmp_path / "db.duckdb") as store:
        result = read_feeds(pack, store)
        stored = store.query("SELECT provider FROM documents")
        gaps = store.query("SELECT target, reason FROM gaps")
        failures = store.query("SELECT agent, target FROM actions WHERE outcome = 'error'")
    assert stored == [("rss.nytimes.com",)], "the feed after the odd one is still read"
    ((target, reason),) = gaps
    assert target == "feed https://seekingalpha.com/api/sa/combined/AAPL.xml?token=REDACTED"
    assert reason.startswith(f"unexpected TypeError in {HERE}:") and " reading feed " in reason, reason
    assert "s3cr3t" not in reason + str(failures) and reason.endswith("; please report it")
    assert failures == [("news", target)] and result.gaps == [f"{target}: {reason}"]


def kept_validators(store: Store, url: str) -> bool:
    """Are the feed's ETag and Last-Modified kept (under a key of the feed and of what the run keeps of it)?"""
    return bool(store.query("SELECT 1 FROM cursors WHERE starts_with(source, ?)", [f"feed:{redact_text(url)}#"]))


def match_with_a_bug(text: str, *args: object, **kw: object) -> list[str]:
    if text.startswith(ODD_ITEM):
        raise IndexError("tuple index out of range")
    return real_match(text, *args, **kw)  # type: ignore[arg-type]


def test_a_bug_on_one_item_is_its_gap_and_the_feed_is_read_again(
    pack: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(news, "match_tickers", match_with_a_bug)
    with Store.open(tmp_path / "db.duckdb") as store:
        result = read_feeds(pack, store)
        titles = {t for (t,) in store.query("SELECT title FROM documents")}
        gaps = store.query("SELECT target, reason FROM gaps")
        failures = store.query("SELECT agent, target FROM actions WHERE outcome = 'error'")
        assert kept_validators(store, NYT)
        assert not kept_validators(store, SA), "the next run reads the odd item again"
        assert len(titles) == 6 and ODD_ITEM not in titles  # the NYT item and five of Seeking Alpha's six
        ((target, reason),) = gaps
        assert target.startswith("news item https://seekingalpha.com/news/4561761-foxconn-says-all-will-"), target
        assert reason.startswith(f"unexpected IndexError in {HERE}:"), reason
        assert " reading feed https://seekingalpha.com/api/sa/combined/AAPL.xml?token=REDACTED" in reason
        assert failures == [("news", target)] and result.gaps == [f"{target}: {reason}"]

        monkeypatch.setattr(news, "match_tickers", real_match)
        again = read_feeds(pack, store)
        assert again.not_modified == 0 and len(again.new_doc_ids) == 1
        assert kept_validators(store, SA)
        assert not store.query("SELECT 1 FROM cursors WHERE contains(source, 's3cr3t')"), "the token is not kept"


def test_transcript_fetch_says_the_call_it_left_out(calls: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(transcripts, "parse_transcript", parse_with_a_bug)
    result = CliRunner().invoke(cli, ["transcript", "fetch", "NVDA", "--folder", str(calls)])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1, "the other call is printed"
    said = " ".join(result.stderr.split())
    assert f"left out unexpected KeyError in {HERE}:" in said and f"reading {calls / CALLS[0]}: 'speaker'" in said
