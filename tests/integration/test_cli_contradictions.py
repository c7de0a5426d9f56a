"""Options that can hold nothing or contradict each other are usage errors, and an empty `edgar list` says why
(a helper's CLI review, session 20: a reversed window, --limit 0 or -1 and --forms XYZ printed nothing, exit 0;
`approve --edit 1 --reject` ignored --edit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def edgar(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["edgar", *args, "--replay", str(demo_pack())])
    return result.exit_code, result.stdout, result.stderr


def test_a_reversed_window_or_a_limit_under_one_is_a_usage_error() -> None:
    code, _, err = edgar("list", "NVDA", "--forms", "10-K", "--since", "2026-01-01", "--until", "2025-01-01")
    assert code == 2 and "--since 2026-01-01 is after --until 2025-01-01" in err
    for limit in ("0", "-1"):
        code, _, err = edgar("list", "NVDA", "--limit", limit)
        assert code == 2 and "--limit" in err
    code, _, err = edgar("download", "NVDA", "--form", "10-K", "--after", "2026-01-01", "--before", "2025-01-01")
    assert code == 2 and "--after 2026-01-01 is after --before 2025-01-01" in err


def test_an_empty_list_says_why_on_stderr() -> None:
    code, out, err = edgar("list", "NVDA", "--forms", "20-F")  # a form, not one NVDA files (XYZ is refused: no form)
    assert code == 0 and out == "" and "no form 20-F in its listing (it lists 10-K, 10-Q," in err
    code, out, err = edgar("list", "NVDA", "--forms", "10-K", "--until", "2001-01-01")
    assert code == 0 and out == "" and "none in that window" in err
    code, out, _ = edgar("list", "NVDA", "--forms", "10-K", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1


def test_approve_with_both_edit_and_reject_is_a_usage_error() -> None:
    # --edit was silently ignored and the plan rejected (helper review, session 20)
    result = CliRunner().invoke(cli, ["approve", "2026-01-01-00000000", "--edit", "1", "--reject"])
    assert result.exit_code == 2 and "--reject and --edit contradict each other" in result.output


def test_a_path_that_cannot_be_used_is_bad_input_not_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # were "unexpected NotADirectoryError in pathlib.py ...; please report it" (exit 1) and a raw DuckDB "IO Error"
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["runs"])
    assert result.exit_code == 2 and "no database at watchdesk.duckdb" in result.output, result.output
    a_file = tmp_path / "w.toml"
    a_file.write_text("x")
    result = CliRunner().invoke(cli, ["demo", "--db", str(a_file / "demo.duckdb"), "--quiet"])
    assert result.exit_code == 2 and "please report" not in result.output, result.output
    assert f"{a_file}" in result.output


def test_ctrl_c_exits_130_and_says_how_to_resume(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # was click's "Aborted!" with exit 1 and no word on the run left mid-way (a helper's CLI review, session 20)
    from watchdesk.graph import runner

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "start_run", interrupted)
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "d.duckdb"), "--quiet"])
    # stopped before its run was recorded: nothing to resume (it pointed at `watchdesk approve RUN_ID`, session 27)
    assert result.exit_code == 130 and "nothing to resume: run it again" in result.output, result.output
