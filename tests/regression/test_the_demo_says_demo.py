"""Bug: `watchdesk demo --out DIR` with a DIR that cannot be written said "make it writable, or give `watchdesk run`
another --out", and `watchdesk schedule install --out DIR` the same: the user had typed neither `watchdesk run` nor
its option. Each command now names itself."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import EXIT_CONFIG, cli


def _said(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    return result.exit_code, " ".join(result.output.split())


def test_the_demo_names_itself_for_its_out_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "briefings"
    code, said = _said(["demo", "--quiet", "--db", str(tmp_path / "d.duckdb"), "--out", str(out)])
    assert code == EXIT_CONFIG, said
    assert f"--out: the briefing folder {out} cannot be written ({tmp_path / 'taken'} is a file, not a folder): make " \
           "it writable, or give `watchdesk demo` another --out" in said, said
    assert "watchdesk run" not in said and not (tmp_path / "d.duckdb").exists()


def test_schedule_install_names_itself_for_its_out_folder(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder")
    (tmp_path / "w.toml").write_text('[[tickers]]\nsymbol = "NVDA"\n')
    out = tmp_path / "taken" / "briefings"
    code, said = _said(["schedule", "install", str(tmp_path / "w.toml"), "--crontab-file", str(tmp_path / "tab"),
                        "--out", str(out)])
    assert code == EXIT_CONFIG, said
    assert "give `watchdesk schedule install` another --out" in said and "watchdesk run" not in said, said
    assert not (tmp_path / "tab").exists()
