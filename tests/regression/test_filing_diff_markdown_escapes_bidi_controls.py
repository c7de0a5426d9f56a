"""A security review (Trojan Source): `watchdesk edgar diff --format md` printed headings and added sentences as
the filing had them, so a right-to-left override (U+202E) in a risk factor's heading reversed the rest of its line
in the terminal (and an ESC sequence would have reached it too). The Markdown now shows control characters as
escapes ("\\u202e"), as the console and the briefing do; the JSON keeps the value, with the control as a JSON escape.
The filing is NVIDIA's real FY2025 10-K with one override put into a heading."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.integration.test_cli_edgar_diff import NVDA, pair
from watchdesk.graph.cli import cli

HEADING = "We are subject to complex laws"


def test_a_bidi_control_in_a_heading_is_shown_as_an_escape(edgar_fixtures: Path, tmp_path: Path) -> None:
    old, new = pair(edgar_fixtures, NVDA)
    html = new.read_text(encoding="utf-8")
    assert HEADING in html
    spoofed = tmp_path / new.name
    spoofed.write_text(html.replace(HEADING, "We are subject to \u202ecomplex laws"), encoding="utf-8")
    args = ["edgar", "diff", str(old), str(spoofed), "--section", "1A"]
    md = CliRunner().invoke(cli, [*args, "--format", "md"])
    assert md.exit_code == 0, md.output
    assert "\u202e" not in md.stdout and "We are subject to \\u202ecomplex laws" in md.stdout
    data = CliRunner().invoke(cli, args)
    assert data.exit_code == 0, data.output
    assert "\u202e" not in data.stdout
    risk = json.loads(data.stdout)["sections"][0]
    headings = [c["heading"] for c in risk["added"] + risk["changed"]]
    assert any(h.startswith("We are subject to \u202ecomplex laws") for h in headings), headings
