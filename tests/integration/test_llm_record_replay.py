"""The LLM judge, recorded and replayed: runs with an LLM are reproducible, and request files can be answered
elsewhere. A scripted chat model stands in for the LLM; the replay runs with sockets blocked (the test guard)."""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from langchain_core.messages import AIMessage

from tests.labels.calls import CORE, call_text, rows_for
from tests.unit.test_llm_judge import ReadingChat
from watchdesk.agents.flagging import llm_judge
from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import flag_text, unsure_flags
from watchdesk.agents.flagging.llm_prompt import Batch, request_key
from watchdesk.agents.flagging.llm_record import RECORD_FILE, Recorder, Replay, model_asker
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.graph.cli import cli
from watchdesk.sources.errors import ReplayMissError

CALL = "transcripts/plaintext_2023_2025/NVDA_2025_Q3.txt"
SCHEMAS = Path(llm_judge.__file__).parent
_MENTION = re.compile(r'<mention id="(\d+)" topic="(\w+)" rules="(\w+)" flagged="(yes|no)">')


def _script(prompt: str) -> AIMessage:
    """A model with opinions: geopolitical flags turn neutral, inventory flags go as off-topic, supply candidates
    are taken in as warnings."""
    verdicts = []
    for i, topic, rules, flagged in _MENTION.findall(prompt):
        polarity = "neutral" if topic == "geopolitical" else rules
        score = {"positive": 0.5, "negative": -0.5, "neutral": 0.0}[polarity]
        keep = topic != "inventory" if flagged == "yes" else topic == "supply_chain"
        verdicts.append({"id": int(i), "polarity": polarity, "score": score, "about_topic": keep})
    usage = {"input_tokens": len(prompt) // 4, "output_tokens": 20 * len(verdicts), "total_tokens": 0}
    return AIMessage(content="", tool_calls=[{"name": "Batch", "args": {"verdicts": verdicts}, "id": "c"}],
                     usage_metadata=usage)  # fmt: skip


def _document(shared_fixtures: Path) -> tuple[str, list, list]:
    library = load_topics(CORE)
    document = load_document((shared_fixtures / CALL).read_bytes(), origin=CALL)
    flags = flag_document(document, topics=library)
    return document.text, flags, unsure_flags(document.text, topics=library)


def _cli(*args: str, env: dict[str, str]) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(cli, ["flag", *args], env=env)
    return result.exit_code, [json.loads(x) for x in result.stdout.splitlines() if x.strip()], result.stderr


@pytest.mark.fixtures
def test_recorded_answers_replay_to_the_same_findings_without_network(shared_fixtures: Path, tmp_path: Path) -> None:
    text, flags, extra = _document(shared_fixtures)
    model = ReadingChat(messages=iter(()), answer=_script)
    live = llm_judge.refine(flags, ask=Recorder(model_asker(model), tmp_path), text=text, extra=extra)
    assert live.added and live.dropped and live.usage["llm_requests"] == len(model.received) >= 2
    recorded = [json.loads(x) for x in (tmp_path / RECORD_FILE).read_text(encoding="utf-8").splitlines()]
    assert len(recorded) == len(model.received) and all(r["response"]["verdicts"] for r in recorded)

    replayed = llm_judge.refine(flags, ask=Replay(tmp_path), text=text, extra=extra)
    assert replayed.flags == live.flags and replayed.usage == live.usage

    again = tmp_path / "again"  # WATCHDESK_LLM_RECORD records through the CLI too, here a replay's answers
    env = {"WATCHDESK_MODEL": f"replay:{tmp_path / RECORD_FILE}", "WATCHDESK_LLM_RECORD": str(again)}
    code, out, err = _cli(str(shared_fixtures / CALL), env=env)
    assert code == 0, err
    rerecorded = [json.loads(x) for x in (again / RECORD_FILE).read_text(encoding="utf-8").splitlines()]
    assert [(r["key"], r["response"]) for r in rerecorded] == [(r["key"], r["response"]) for r in recorded]
    keys = ("topic", "polarity", "score", "start", "end")
    assert [tuple(o[k] for k in keys) for o in out] == [tuple(getattr(f, k) for k in keys) for f in live.flags]
    assert f"{len(live.added)} of {len(extra)} candidates added" in err


@pytest.mark.fixtures
def test_a_request_the_replay_lacks_is_an_error_naming_it(shared_fixtures: Path, tmp_path: Path) -> None:
    text, flags, extra = _document(shared_fixtures)
    model = ReadingChat(messages=iter(()), answer=_script)
    llm_judge.refine(flags[:5], ask=Recorder(model_asker(model), tmp_path), text=text)
    with pytest.raises(ReplayMissError, match=r"no recorded LLM answer .* for request [0-9a-f]{24} .*first: "):
        llm_judge.refine(flags, ask=Replay(tmp_path), text=text, extra=extra)  # more flags: another request
    code, out, err = _cli(str(shared_fixtures / CALL), env={"WATCHDESK_MODEL": f"replay:{tmp_path}"})
    assert code == 1 and not out
    assert "no recorded LLM answer" in err and "WATCHDESK_LLM_RECORD" in err and "Traceback" not in err
    code, out, err = _cli(str(shared_fixtures / CALL), env={"WATCHDESK_MODEL": f"replay:{tmp_path / 'absent'}"})
    assert code == 2 and not out and "absent does not exist" in err  # not a quiet offline run


@pytest.mark.fixtures
def test_llm_requests_follow_the_documented_schema_and_nothing_is_sent(shared_fixtures: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "requests.jsonl"
    env = {"WATCHDESK_MODEL": "no-such-provider:never-built"}  # --llm-requests sends nothing, builds no model
    code, out, err = _cli(str(shared_fixtures / CALL), "--llm-requests", str(out_file), env=env)
    assert code == 0 and out, err
    schema = json.loads((SCHEMAS / "llm_request.schema.json").read_text(encoding="utf-8"))
    lines = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        jsonschema.validate(line, schema)
    mentions = [m for line in lines for m in line["request"]["mentions"]]
    assert sum(m["flagged"] for m in mentions) == len(out)  # every offline flag goes, once
    assert any(not m["flagged"] for m in mentions) and any(m["question"] for m in mentions)
    assert all(len(line["request"]["mentions"]) <= llm_judge.BATCH for line in lines)


def test_the_documented_response_schema_is_the_one_the_judge_parses() -> None:
    documented = json.loads((SCHEMAS / "llm_response.schema.json").read_text(encoding="utf-8"))
    generated = Batch.model_json_schema()
    assert documented["$defs"] == generated["$defs"]
    assert documented["properties"]["response"]["properties"] == generated["properties"]
    jsonschema.validate({"key": "k", "response": {"verdicts": [{"id": 0, "polarity": "neutral", "score": 0}]}},
                        documented)  # fmt: skip


@pytest.mark.fixtures
@pytest.mark.parametrize("name", ["plaintext_2023_2025/MU_2025_Q2.txt", "motley_fool_json/MMM_q4_2021.json"])
def test_answers_built_from_the_labels_give_the_labels_verdicts(
    shared_fixtures: Path, tmp_path: Path, name: str
) -> None:
    """A response file answering every request as our labels do (two TEST calls, read whole by the labeller):
    every sentence sent comes back with exactly the labels' verdict (on topic with their polarity, or not)."""
    rows = {r["idx"]: r["topics"] for r in rows_for(shared_fixtures, "test") if r["file"] == name}
    text, starts = call_text(shared_fixtures, name)
    library = load_topics(CORE)
    flags, extra = flag_text(text, topics=library), unsure_flags(text, topics=library)
    planned, _ = llm_judge.plan(flags, text=text, extra=extra)

    def label(start: int, topic: str) -> str | None:
        return rows.get(bisect.bisect_right(starts, start) - 1, {}).get(topic)

    with (tmp_path / "answers.jsonl").open("w", encoding="utf-8") as out:
        for p in planned:
            verdicts = []
            for m in p.request["mentions"]:
                want = label(m["start"], m["topic"])
                score = {"positive": 0.5, "negative": -0.5}.get(want or "", 0.0)
                verdicts.append(
                    {"id": m["id"], "polarity": want or "neutral", "score": score, "about_topic": bool(want)}
                )
            out.write(json.dumps({"key": request_key(p.request), "response": {"verdicts": verdicts}}) + "\n")
    result = llm_judge.refine(flags, ask=Replay(tmp_path), text=text, extra=extra)
    sent = {(m["start"], m["topic"]) for p in planned for m in p.request["mentions"]}
    got = {(f.start, f.topic): f.polarity for f in result.flags}
    assert result.fallbacks == 0 and not result.errors
    for start, topic in sent:
        assert got.get((start, topic)) == label(start, topic), (start, topic)
    assert result.added  # the candidates the offline pass left out raise recall


PASSAGE = "Export controls cut our China sales. Channel inventory is lean. Supply stayed tight."


def _answers(folder: Path, edit: object) -> Path:
    """A replay file answering the requests for PASSAGE: every mention neutral and on topic, then `edit` (a
    function of the lines) applied."""
    folder.mkdir(exist_ok=True)
    requests = folder / "requests.jsonl"
    made = CliRunner().invoke(cli, ["flag", "--text", PASSAGE, "--llm-requests", str(requests)])
    assert made.exit_code == 0, made.output
    lines = []
    for row in map(json.loads, requests.read_text().splitlines()):
        verdicts = [{"id": m["id"], "polarity": "neutral", "score": 0.0, "about_topic": True}
                    for m in row["request"]["mentions"]]  # fmt: skip
        lines.append({"key": row["key"], "response": {"verdicts": verdicts}})
    answers = folder / "answers.jsonl"
    answers.write_text("\n".join(edit(lines) if callable(edit) else _dump(lines)) + "\n")
    return answers


def _dump(lines: list[dict]) -> list[str]:
    return [json.dumps(x) for x in lines]


def _verdicts(line: dict) -> list[dict]:
    return list(line["response"]["verdicts"])


@pytest.mark.parametrize(("edit", "said"), [
    (lambda ls: _dump([{**ls[0], "response": {"verdict": []}}]), "malformed answer"),
    (lambda ls: _dump([{**ls[0], "response": {"verdicts": _verdicts(ls[0])[1:]}}]), "no verdict for ids [0]"),
    (lambda ls: _dump([{**ls[0], "response": {"verdicts": [*_verdicts(ls[0]), {**_verdicts(ls[0])[0], "id": 99}]}}]),
     "out of range"),
    (lambda ls: [*_dump(ls), json.dumps({**ls[0], "response": {"verdicts": []}})], "answered twice, differently"),
    (lambda ls: [*_dump(ls), "not json"], "answers.jsonl:2: expected a JSON object"),
])  # fmt: skip
def test_a_replay_with_a_bad_answer_stops_and_names_it(tmp_path: Path, edit: object, said: str) -> None:
    """A review (session 22): a hand-made answer file with a wrong shape, a missing verdict or an id out of range
    fell back to the offline verdicts with exit 0; a request answered twice took the last answer; a bad JSON line
    was 'please report it'. A replay now stops with exit 2 naming the file, line and request."""
    bad = _answers(tmp_path / "bad", edit)
    result = CliRunner().invoke(cli, ["flag", "--text", PASSAGE], env={"WATCHDESK_MODEL": f"replay:{bad}"})
    assert result.exit_code == 2 and said in result.output and "answers.jsonl" in result.output, result.output
    good = _answers(tmp_path / "good", None)
    ok = CliRunner().invoke(cli, ["flag", "--text", PASSAGE], env={"WATCHDESK_MODEL": f"replay:{good}"})
    assert ok.exit_code == 0 and "fell back" in ok.output and " 0 fell back" in ok.output, ok.output


def test_llm_requests_into_a_missing_folder_is_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["flag", "--text", "Export controls cut our China sales.",
                                      "--llm-requests", str(tmp_path / "nope" / "r.jsonl")])  # fmt: skip
    assert result.exit_code == 2 and "does not exist" in result.output
