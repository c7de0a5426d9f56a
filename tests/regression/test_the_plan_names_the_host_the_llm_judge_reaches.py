"""A review (session 45): with WATCHDESK_MODEL set, the flagging step sends every flagged sentence to the model's host,
but the plan's permissions named only the fetch steps' hosts: the approver was not shown it, and the policy had no say
in it. The flagging step now needs `net:HOST` of the model (`store:write,net:api.openai.com`), shown by the approval
prompt, `run --dry-run`, `approve --show` and `runs RUN`; the policy allows the provider's own host, this machine, or a
host allowed_domains names; and a run resumed where the model reaches a host its approved plan does not name flags
with the rules alone. No request reaches any model here (langchain-openai builds the client, nothing is sent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.regression.test_transcript_folders_need_no_sec import FOLDERS
from watchdesk.graph import runner
from watchdesk.graph.cli import cli
from watchdesk.graph.policy import check_step
from watchdesk.graph.run_judge import RunJudge, planned_judge
from watchdesk.graph.settings import Settings
from watchdesk.graph.state import Step
from watchdesk.graph.watchlist import Policy, parse_watchlist

pytest.importorskip("langchain_openai")
KEY = "sk-test-0123456789abcdefSECRET"
WAITS = FOLDERS.replace('approval = "never"', 'approval = "always"')


def _env(monkeypatch: pytest.MonkeyPatch, base: str | None = None) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.delenv("OPENAI_API_BASE", raising=False)
    if base is None:
        monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("OPENAI_BASE_URL", base)


def test_the_approver_is_shown_the_models_host_and_a_resume_elsewhere_does_not_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _env(monkeypatch)
    (tmp_path / "calls").mkdir()  # no call in it: the run stops at the approval, and then flags nothing
    watchlist = parse_watchlist(WAITS.replace("FOLDER", str(tmp_path / "calls")))
    settings = Settings(db_path=tmp_path / "w.duckdb", out_dir=tmp_path / "out", progress=False,
                        model="openai:gpt-4o-mini")  # fmt: skip
    waiting = runner.start_run(watchlist, settings, approver=None)
    assert waiting.status == "awaiting_approval"
    assert "[flagging] flag_new_documents -> documents stored by this run  (needs store:write,net:api.openai.com)" in (
        waiting.plan_text
    )
    db = ["--db", str(settings.db_path)]
    shown = CliRunner(env={"OPENAI_API_KEY": KEY}).invoke(cli, ["approve", waiting.run_id, "--show", *db])
    assert "(needs store:write,net:api.openai.com)" in shown.output, shown.output
    trail = CliRunner().invoke(cli, ["runs", waiting.run_id, *db])
    line = f"{waiting.run_id}: its plan let the LLM judge reach api.openai.com (agent llm above)"
    assert line in trail.stderr, trail.stderr

    _env(monkeypatch, "http://localhost:11434/v1")  # approved from a shell whose model is elsewhere
    said: list[str] = []
    done = runner.resume_run(waiting.run_id, settings, decision="approve", report=said.append)
    assert done.status == "done"
    assert ("LLM judge not used, polarity stays rule-based: its requests would go to localhost:11434, which the "
            "approved plan does not name (its flagging step needs store:write,net:api.openai.com); the next run plans "
            "with it") in said  # fmt: skip


def test_a_local_model_server_is_named_with_its_port_and_no_model_names_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wl = tmp_path / "calls.toml"
    wl.write_text(FOLDERS.replace("FOLDER", str(tmp_path)))
    base = {"WATCHDESK_REPLAY": None, "OPENAI_API_KEY": KEY, "OPENAI_API_BASE": None, "WATCHDESK_MODEL": "openai:x"}

    def dry(**env: str | None) -> str:
        result = CliRunner(env=base | env).invoke(cli, ["run", str(wl), "--dry-run"])
        assert result.exit_code == 0, result.output
        return result.output

    assert "(needs store:write,net:localhost:11434)" in dry(OPENAI_BASE_URL="http://localhost:11434/v1")
    assert "(needs store:write,net:api.openai.com)" in dry(OPENAI_BASE_URL=None)
    # off the allow-list: not used (said), so not in the plan; none without a model, or replaying answers
    for env in ({"OPENAI_BASE_URL": "https://llm.example.net/v1"}, {"WATCHDESK_MODEL": None},
                {"WATCHDESK_MODEL": f"replay:{tmp_path}"}):  # fmt: skip
        assert "(needs store:write)\n" in dry(**{"OPENAI_BASE_URL": None, **env})


def _flagging(host: str) -> Step:
    return Step(id="flagging", agent="flagging", action="flag_new_documents", target="documents stored by this run",
                permission=f"store:write,net:{host}", params={"topics": []})  # fmt: skip


def test_the_policy_allows_the_providers_host_and_this_machine_and_refuses_another(tmp_path: Path) -> None:
    plain = Policy()  # allowed_domains: sec.gov alone
    assert check_step(_flagging("api.openai.com"), policy=plain, out_dir=tmp_path) is None
    assert check_step(_flagging("localhost:11434"), policy=plain, out_dir=tmp_path) is None
    assert check_step(_flagging("llm.example.net"), policy=plain, out_dir=tmp_path) == (
        "the LLM judge's host llm.example.net is refused (host 'llm.example.net' not allowed): a model is reached on "
        "its provider's own host, on this machine or on a host the policy's allowed_domains ['sec.gov'] names"
    )
    named = Policy(allowed_domains=("sec.gov", "example.net"))
    assert check_step(_flagging("llm.example.net"), policy=named, out_dir=tmp_path) is None
    refused = check_step(_flagging("llm.example.net:8443"), policy=named, out_dir=tmp_path)
    assert refused is not None and "port 8443 of 'llm.example.net' not allowed" in refused
    ported = Policy(allowed_domains=("sec.gov", "llm.example.net:8443"))
    assert check_step(_flagging("llm.example.net:8443"), policy=ported, out_dir=tmp_path) is None


def test_a_judge_whose_host_the_plan_names_is_used() -> None:
    judge = RunJudge(lambda *_a: None, host="api.openai.com")
    said: list[str] = []
    assert planned_judge(judge, _flagging("api.openai.com"), report=said.append) is judge
    assert planned_judge(None, _flagging("api.openai.com"), report=said.append) is None
    offline = RunJudge(lambda *_a: None, host=None)  # a replay of recorded answers reaches no host
    assert planned_judge(offline, Step(**{**_flagging("x"), "permission": "store:write"}), report=said.append)
    assert not said
