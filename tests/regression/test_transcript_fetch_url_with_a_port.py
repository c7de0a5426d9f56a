"""Bug: `watchdesk transcript fetch --url http://host:8443/x` built its ad-hoc allow-list from
"host:8443" (port included) and so refused its own URL; it now allows hosts by name, as runs do."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_gateway_loopback import Reply, Server, server  # noqa: F401
from watchdesk.graph.cli import cli


def test_fetch_from_a_url_with_a_port(server: Server, shared_fixtures: Path) -> None:  # noqa: F811
    folder = shared_fixtures / "transcripts" / "nvda_motley_fool_text"
    text = folder / "nvidia-nvda-q3-2025-earnings-call-transcript.txt"
    url = server.on("/nvda-q3.txt", Reply(body=text.read_bytes(), headers={"Content-Type": "text/plain"}))
    assert ":" in url.split("/")[2], "the URL names a port"
    result = CliRunner(env={"WATCHDESK_REPLAY": None}).invoke(cli, ["transcript", "fetch", "NVDA", "--url", url])
    assert result.exit_code == 0, result.output
    call = json.loads(result.stdout.splitlines()[0])
    assert call["statements"] and "not allowed" not in result.output
