"""Found reading the delivery paths as a demanding user: a file target names a folder, or a .md or .html file, and
any other path is a folder; so `path = "copies/briefing.txt"` (or briefing.pdf, .htm, .markdown) made a folder named
briefing.txt holding the briefing's two files, and the run said 'delivery file /x/copies/briefing.txt: sent'
(checked with the demo's recording). Now a path ending in a document's suffix that is not an existing folder is
refused before anything is fetched or sent, as a file target's unwritable folder is (`run`, its dry run, and
`brief --deliver`: exit 2), saying to name a .md or .html file or a folder; an existing folder so named is still
one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.regression.demo_slice import WATCHLIST, nvidia_pack
from watchdesk.graph.cli import EXIT_CONFIG, cli


def _run(tmp: Path, path: str, *extra: str) -> Result:
    wl = tmp / "w.toml"
    wl.write_text(WATCHLIST + f'[[delivery]]\nkind = "file"\npath = "{path}"\n')
    args = ["run", str(wl), *extra, "--replay", str(nvidia_pack(tmp / "pack")), "--out", str(tmp / "out")]
    return CliRunner().invoke(cli, args)


@pytest.mark.parametrize("name", ["briefing.txt", "Briefing.PDF", "week.htm"])
def test_a_document_path_is_refused_before_anything_is_fetched(tmp_path: Path, name: str) -> None:
    path = f"{tmp_path}/copies/{name}"
    result = _run(tmp_path, path)
    assert result.exit_code == EXIT_CONFIG, result.output
    said = " ".join(result.output.split())
    assert (f'delivery[0] (kind = "file", path = "{path}"): a file target names a folder, or a .md or .html file to '
            f"copy the briefing to, so {name} would be made a folder holding the briefing's files: name a .md or "
            f".html file ({Path(name).stem}.md or .html), or a folder") in said, said
    assert not (tmp_path / "copies").exists() and not (tmp_path / "out").exists()


def test_an_existing_folder_so_named_is_still_a_folder(tmp_path: Path) -> None:
    (tmp_path / "copies.txt").mkdir()
    result = _run(tmp_path, f"{tmp_path}/copies.txt", "--dry-run")
    assert result.exit_code == 0, result.output
