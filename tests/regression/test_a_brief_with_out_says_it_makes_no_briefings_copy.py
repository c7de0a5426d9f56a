"""Bug: `watchdesk brief WL --out X --deliver`, for a watchlist whose file target is path = "briefings" (as `watchdesk
init` and older `watchdesk plan --out` wrote it), wrote to X and made no copy in the briefings folder beside the
watchlist, as a run does, but said nothing of it, where `watchdesk run WL --out X` prints a note saying so. Now the
brief prints the same note. Real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_a_brief_whose_outcome_waits_beside_the_store_exits_3 import a_briefed_store
from watchdesk.graph.cli import cli
from watchdesk.graph.watchlist import load_watchlist
from watchdesk.graph.watchlist_paths import briefing_folder_said

FILE = 'kind = "file"\npath = "briefings"'


def test_brief_out_deliver_notes_there_is_no_copy_in_briefings(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    _, args = a_briefed_store(tmp_path)
    wl = tmp_path / "wl.toml"
    wl.write_text(wl.read_text(encoding="utf-8").replace('kind = "email"\nto = ["pm@example.com"]', FILE),
                  encoding="utf-8")  # fmt: skip
    out = tmp_path / "out2"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    said = briefing_folder_said(load_watchlist(wl), out_dir=out)
    assert said is not None and f"note: {said}" in result.stderr, result.stderr  # before: no note
    assert (f"the briefing is written to {out.resolve()} only, with no copy in {tmp_path.resolve() / 'briefings'}"
            in " ".join(result.stderr.split())), result.stderr
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md"]
    assert not (tmp_path / "briefings").exists() and "delivery file briefing folder: sent" in result.stderr
    plain = CliRunner().invoke(cli, [a for a in args if a != "--deliver"])  # no delivery, no copy to speak of
    assert plain.exit_code == 0 and "note:" not in plain.stderr, plain.output
