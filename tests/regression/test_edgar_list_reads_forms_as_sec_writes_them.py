"""Bug: `watchdesk edgar list NVDA --forms 10k` said "no form 10k in its listing (it lists 10-K, ...)", where a
watchlist's `forms = ["10k"]` and `edgar download --form 10k` read 10-K. The forms --forms names are now read as SEC
writes them ("10k", "10 q", "8k" -> 10-K, 10-Q, 8-K) by the same rule (graph/forms.canonical_form)."""

from __future__ import annotations

from click.testing import CliRunner

from watchdesk.graph.cli import cli
from watchdesk.graph.demo import demo_pack


def test_forms_in_a_users_spelling_are_the_forms() -> None:
    args = ["--since", "2025-01-01", "--replay", str(demo_pack())]
    plain = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "10-K,10-Q", *args])
    typed = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "10k, 10 q", *args])
    assert typed.exit_code == 0, typed.output
    assert typed.stdout == plain.stdout and len(plain.stdout.splitlines()) >= 2


def test_forms_that_name_no_form_are_refused() -> None:
    """The CLI review: `--forms ","` named no form and listed every one."""
    result = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", " , ", "--replay", str(demo_pack())])
    assert result.exit_code == 2 and "--forms ' , ' names no form" in result.stderr and result.stdout == ""


def test_an_empty_forms_value_is_refused_too() -> None:
    """The session's bad-input review: `--forms ""` (an empty variable, `--forms "$FORMS"`) listed every form, as
    leaving the option out does; without the option every form is still listed."""
    args = ["--since", "2025-01-01", "--replay", str(demo_pack())]
    result = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "", *args])
    assert result.exit_code == 2 and "--forms '' names no form" in result.stderr and result.stdout == ""
    every = CliRunner().invoke(cli, ["edgar", "list", "NVDA", *args])
    assert every.exit_code == 0 and len(every.stdout.splitlines()) >= 2, every.output


def test_a_form_the_company_never_filed_is_said_beside_the_ones_listed() -> None:
    """The session's bad-input review: `--forms 10-K,XYZ` listed the 10-Ks and dropped XYZ without a word (a typo of a
    form, "10-K,10-Z", looked like a company that filed no 10-Q). It is said on stderr; stdout stays the JSONL. (XYZ,
    which names no form, is refused since session 45: test_edgar_list_refuses_a_form_as_the_watchlist_does.py)"""
    args = ["--since", "2025-01-01", "--replay", str(demo_pack())]
    plain = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "10-K", *args])
    mixed = CliRunner().invoke(cli, ["edgar", "list", "NVDA", "--forms", "10-K,20-F", *args])
    assert mixed.exit_code == 0, mixed.output
    assert mixed.stdout == plain.stdout and mixed.stdout.strip()
    assert "NVDA: no form 20-F in its listing (it lists " in mixed.stderr, mixed.stderr
    assert "no form" not in plain.stderr
