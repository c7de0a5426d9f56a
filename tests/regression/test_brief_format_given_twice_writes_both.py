"""Bug (a new user's review, session 38): `watchdesk brief --week 2026-W29 --format md --format html` wrote the HTML
page alone and said nothing: the option took its last value, where `--format md,html` writes both and `findings`
takes `--ticker` and `--topic` repeated. A repeated --format now adds its formats, and a bad one is still refused."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli


def _brief(demo_folder: Path, out: Path, *formats: str) -> tuple[int, str]:
    args = ["brief", "--db", str(demo_folder / "demo.duckdb"), "--week", "2026-W29", "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, *(a for f in formats for a in ("--format", f))])
    return result.exit_code, result.output


def test_md_and_html_given_apart_write_both(demo_folder: Path, tmp_path: Path) -> None:
    code, said = _brief(demo_folder, tmp_path, "md", "html")
    assert code == 0, said
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".md"]


def test_one_format_writes_that_one(demo_folder: Path, tmp_path: Path) -> None:
    assert _brief(demo_folder, tmp_path, "html")[0] == 0
    assert [p.suffix for p in tmp_path.iterdir()] == [".html"]


def test_a_bad_format_among_them_is_refused(demo_folder: Path, tmp_path: Path) -> None:
    code, said = _brief(demo_folder, tmp_path, "md", "pdf")
    assert code == 2
    assert "--format takes md, html or md,html (got 'md,pdf')" in said
    assert not list(tmp_path.iterdir())
