"""Bug: `--record DIR` deleted every file in DIR/bodies/ that its index did not list, files it had
not written included (a user's own pack, notes, anything)."""

from __future__ import annotations

from pathlib import Path

import httpx

from watchdesk.sources.gateway import Gateway, GatewayConfig


def test_recording_into_a_folder_keeps_other_files(tmp_path: Path) -> None:
    pack = tmp_path / "rec"
    (pack / "bodies").mkdir(parents=True)
    mine = pack / "bodies" / "my-notes.txt"
    mine.write_text("not watchdesk's")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b'{"ok": true}')

    config = GatewayConfig(user_agent="T t@example.com", allowed_domains=("sec.gov",), record_dir=pack)
    with Gateway(config, sleep=lambda _s: None, transport=httpx.MockTransport(handler)) as gw:
        gw.get("https://www.sec.gov/files/company_tickers.json", agent="t", cache=False)
    assert mine.read_text() == "not watchdesk's"
    assert len(list((pack / "bodies").iterdir())) == 2
