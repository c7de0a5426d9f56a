"""`watchdesk edgar download --form` took any value: "--form X" paged through a company's whole listing and saved
nothing without a word, and "--form 6-k" matched none of SEC's "6-K" rows (the library compares exactly). The forms
a run reads are accepted in any case and spelling SEC's shape allows ("6-k", "10k"); any other is bad input (exit 2)
that lists them, before a request is made."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def _download(tmp_path: Path, form: str) -> tuple[int, str, str]:
    args = ["edgar", "download", "TSM", "--form", form, "--limit", "1", "--after", "2026-07-01",
            "--dir", str(tmp_path), "--replay", str(demo_pack())]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout, " ".join(result.output.split())


def test_an_unknown_form_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    for form in ("X", "10-KX", "13F-HR", ""):
        code, out, said = _download(tmp_path, form)
        assert code == 2, said
        assert "10-K, 10-Q, 8-K, 20-F, 6-K, 40-F or S-1" in said, said
        assert out == "" or "Usage" in out
    assert not (tmp_path / "sec-edgar-filings").exists()


def test_an_amendment_says_to_ask_for_amendments(tmp_path: Path) -> None:
    code, _, said = _download(tmp_path, "10-K/A")
    assert code == 2 and "--form 10-K --include-amends" in said, said


def test_a_form_in_lower_case_is_the_form(tmp_path: Path) -> None:
    code, out, said = _download(tmp_path, "6-k")
    # the pack holds TSM's listing but not the 6-K itself: asked for (and failed, exit 1) as "6-K"
    assert code == 1, said
    report = json.loads(out)
    assert report["folder"].endswith("TSM/6-K") and len(report["failed"]) == 1, report
    assert "0001046179-26-000552" in report["failed"][0]
