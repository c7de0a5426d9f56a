"""The new user's review (session 38): `watchdesk evidence`'s examples (README's F-2f61c807, the help's F-bb889b74)
match nothing in a real store, since a finding's citation depends on the store and the method version. The help now
also shows a line that works on any store, the newest finding's citation taken from `watchdesk findings`:
`watchdesk evidence "$(watchdesk findings --limit 1 --format jsonl | jq -r .citation)"`. This runs that line's two
commands on the demo's store (jq's part done by json.loads) and checks the citation is shown with its sentence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def test_the_newest_findings_citation_is_shown_by_evidence(tmp_path: Path, demo_store: Callable[[Path], Path]) -> None:
    db = str(demo_store(tmp_path))
    listed = CliRunner().invoke(cli, ["findings", "--db", db, "--limit", "1", "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    newest = json.loads(listed.stdout.splitlines()[0])
    shown = CliRunner().invoke(cli, ["evidence", newest["citation"], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.startswith(f"[{newest['citation']}] {newest['ticker']}"), shown.stdout
    assert ">>> " + newest["sentence"][:60] in shown.stdout, shown.stdout


def test_the_help_shows_the_line_that_works_on_any_store() -> None:
    said = CliRunner().invoke(cli, ["evidence", "--help"]).stdout
    assert '"$(watchdesk findings --limit 1 --format jsonl | jq -r .citation)"' in said, said
