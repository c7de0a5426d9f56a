"""A new user's walkthrough: `watchdesk edgar download NVDA --form 10-K --limit 20 --dir archive` fetches one full
submission after another (a 10-K's is 10 MB or more, at most 10 requests a second) and said nothing until its end,
when it printed one JSON line: minutes of silence. Now each document is said on stderr as it is fetched or not
("0001045810-25-000023.txt: fetched (0.0 MB)", "...: not saved (why)"); stdout keeps the one JSON line."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack
from watchdesk.sources.edgar_parse import TICKERS_URL, archive_url, full_submission_url, submissions_url
from watchdesk.sources.replay import PackWriter, ReplayPack


def test_each_document_is_said_as_it_is_fetched(tmp_path: Path) -> None:
    demo, writer = ReplayPack.load(demo_pack()), PackWriter(tmp_path / "pack")
    primary = archive_url(1045810, "0001045810-25-000023", "nvda-20250126.htm")  # its details, fetched too
    for url in (TICKERS_URL, submissions_url(1045810), primary):
        recorded = demo.lookup(url)
        writer.add(url, recorded.status, recorded.headers, recorded.body, source="demo pack")
    writer.add(full_submission_url(1045810, "0001045810-25-000023"), 200, {"content-type": "text/plain"},
               b"<SEC-DOCUMENT>a recorded 10-K stands here</SEC-DOCUMENT>\n", source="test")  # fmt: skip
    writer.save()
    args = ["edgar", "download", "NVDA", "--form", "10-K", "--limit", "2", "--after", "2024-01-01", "--before",
            "2025-06-01", "--dir", str(tmp_path / "archive"), "--replay", str(tmp_path / "pack")]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    said = result.stderr
    assert re.search(r"^ +\d+\.\ds  0001045810-25-000023\.txt: fetched \(0\.0 MB\)$", said, re.M), said
    assert re.search(r"^ +\d+\.\ds  nvda-20250126\.htm: fetched \(2\.1 MB\)$", said, re.M), said  # its details
    assert re.search(r"^ +\d+\.\ds  0001045810-24-000029\.txt: not saved \(not in the recording: ", said, re.M), said
    answer = json.loads(result.stdout)
    assert answer["saved"] == 1 and len(answer["failed"]) == 1, answer
    assert result.exit_code == 1  # one filing failed, as before
