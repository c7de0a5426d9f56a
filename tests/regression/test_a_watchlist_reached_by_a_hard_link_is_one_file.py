"""Untested rule (last session's review): a database keeps one watchlist file per name, and refuses a second file of
that name (graph/watchlist_names.py), but a hard link is the same file under another path, not a second one: it is
recognised by its device and inode (`_is_named`'s `skip`), so a watchlist reached through a link of it (a folder of
links to one's watchlists, a link made for cron) briefs and runs into the store its other path ran into, and the other
path still runs after it did. A real hard link; a copy, byte for byte the same, is still refused."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from tests.regression.test_two_watchlist_files_of_one_name_share_no_store import _run, two_files_of_one_name
from watchdesk.graph.cli import EXIT_CONFIG, cli


def test_a_hard_link_of_the_watchlist_runs_as_the_same_file(tmp_path: Path) -> None:
    first, copy = two_files_of_one_name(tmp_path)  # copy: WATCHLIST again, in a file of its own
    (links := tmp_path / "links").mkdir()
    linked = links / "semis.toml"
    os.link(first, linked)
    assert CliRunner().invoke(cli, _run(tmp_path, first)).exit_code == 0

    ran = CliRunner().invoke(cli, _run(tmp_path, linked))
    assert ran.exit_code == 0, ran.output
    # the run through the link is no other file's: the first path briefs after it
    brief = CliRunner().invoke(cli, ["brief", str(first), "--db", str(tmp_path / "w.duckdb"), "--out",
                                     str(tmp_path / "b")])  # fmt: skip
    assert brief.exit_code == 0, brief.output

    refused = CliRunner().invoke(cli, _run(tmp_path, copy))
    assert refused.exit_code == EXIT_CONFIG, refused.output
    assert "names its watchlist 'nvda 10-q', as" in " ".join(refused.output.split()), refused.output
