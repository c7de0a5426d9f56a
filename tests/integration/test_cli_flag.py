"""`watchdesk flag PATH`: any transcript or SEC filing to JSONL flags on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from watchdesk.graph.cli import cli

FIELDS = {"topic", "polarity", "score", "sentence", "start", "end", "section", "speaker", "sure"}
NVDA_CALL = "transcripts/plaintext_2023_2025/NVDA_2026_Q1.txt"
TEL_CALL = "transcripts/motley_fool_json/TEL_q3_2021.json"
NVDA_10K = "edgar/filings/NVDA_10-K_FY2025_filed-2025-02-26.html"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, ["flag", *args], env={"WATCHDESK_MODEL": "", **(env or {})})


def lines(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_a_call_with_speakers_gives_sections_speakers_and_offsets(shared_fixtures: Path) -> None:
    flags = lines(run(str(shared_fixtures / TEL_CALL)))
    assert flags and all(set(f) == FIELDS for f in flags)
    assert {f["topic"] for f in flags} <= {"inventory", "supply_chain", "geopolitical"}
    assert {f["section"] for f in flags} == {"prepared", "qa"}
    assert all(f["speaker"] for f in flags) and all(-1 <= f["score"] <= 1 for f in flags)
    from watchdesk.sources.transcripts import parse_transcript

    text = parse_transcript((shared_fixtures / TEL_CALL).read_bytes(), origin=TEL_CALL).joined()[0]
    assert all(text[f["start"] : f["end"]] == f["sentence"] for f in flags)  # offsets into Transcript.joined()[0]


def test_export_control_follow_ups_are_flagged_in_a_whole_call(shared_fixtures: Path) -> None:
    """"the new limits" after a sentence on export controls is a geopolitical flag only in context."""
    flags = lines(run(str(shared_fixtures / NVDA_CALL), "--topics", "geopolitical"))
    limits = [f for f in flags if "new set of limits" in f["sentence"]]
    assert limits and limits[0]["polarity"] == "negative"
    assert {f["topic"] for f in flags} == {"geopolitical"}


def test_a_10k_gives_items_as_sections(shared_fixtures: Path) -> None:
    flags = lines(run(str(shared_fixtures / NVDA_10K), "--topics", "geopolitical,supply_chain"))
    sections = {f["section"] for f in flags}
    assert "1A Risk Factors" in sections and any(s and s.startswith("7 ") for s in sections)
    assert all(f["speaker"] is None for f in flags)
    risky = [f for f in flags if f["section"] == "1A Risk Factors" and f["topic"] == "geopolitical"]
    assert sum(f["polarity"] == "negative" for f in risky) > len(risky) / 2  # risk factors read as warnings


def test_a_full_submission_txt_is_read_as_a_filing(shared_fixtures: Path) -> None:
    result = run(str(shared_fixtures / "edgar/filings/NVDA_8-K_2026-03_0001045810-26-000024.txt"), "--topics", "demand")
    flags = lines(result)
    assert all(f["section"] is None or f["section"][0].isdigit() for f in flags)


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("transcripts/fool_raw_html/html/2020-07-10-shaw-communications-inc-sjr-q3-2020-earnings-call.html", "html"),
        ("transcripts/motley_fool_json/IBM_q4_2021.json", "json"),
        ("transcripts/plaintext_2023_2025/MU_2025_Q2.txt", "text"),
    ],
)
def test_each_transcript_format(shared_fixtures: Path, path: str, fmt: str) -> None:
    flags = lines(run(str(shared_fixtures / path), "--format", fmt, "--topics", "supply_chain,inventory,demand"))
    assert flags and {f["section"] for f in flags} <= {"prepared", "qa"}


def test_errors_are_clear_and_exit_non_zero(shared_fixtures: Path, tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and "nope.txt: no such file" in missing.output
    unknown = run(str(shared_fixtures / TEL_CALL), "--topics", "inventory,tarrifs")
    assert unknown.exit_code == 2 and "unknown topic 'tarrifs' (known: inventory, supply_chain" in unknown.output
    stub = tmp_path / "stub.txt"
    stub.write_text("Thanks, operator.")
    short = run(str(stub))
    assert short.exit_code == 2 and "stub.txt: transcript too short" in short.output
    folder = run(str(tmp_path))
    assert folder.exit_code == 2 and "is a folder" in folder.output


def test_an_unusable_model_warns_and_keeps_rule_based_flags(shared_fixtures: Path) -> None:
    plain = lines(run(str(shared_fixtures / TEL_CALL)))
    with_model = run(str(shared_fixtures / TEL_CALL), env={"WATCHDESK_MODEL": "no-such-provider:some-model"})
    assert lines(with_model) == plain
    assert "LLM judge not used" in with_model.stderr


@pytest.mark.parametrize(
    "filing", [NVDA_10K, "edgar/filings/AAPL_10-K_FY2024_filed-2024-11-01.html"], ids=["NVDA", "AAPL"]
)
def test_government_securities_in_a_10k_are_not_geopolitics(shared_fixtures: Path, filing: str) -> None:
    """In a filing that discusses export rules at length, "U.S. government" counts as geopolitical, but not as the
    issuer of the bonds in the investment tables ("Debt securities issued by U.S. government agencies | 2,775")."""
    flags = lines(run(str(shared_fixtures / filing), "--topics", "geopolitical"))
    assert flags
    assert not [f["sentence"] for f in flags if "government securities" in f["sentence"].lower()]
    assert not [f["sentence"] for f in flags if "issued by U.S. government" in f["sentence"]]


PASSAGE = "Channel inventory is now healthy. Export controls cut our China sales."


def test_a_passage_given_with_text_is_flagged_without_a_file() -> None:
    """A few sentences (a quote, a news paragraph) are flagged as one statement: no transcript parsing, no minimum
    length; offsets are into the text given, and stdin works the same."""
    flags = lines(run("--text", PASSAGE))
    assert [(f["topic"], f["polarity"]) for f in flags] == [("inventory", "positive"), ("geopolitical", "negative")]
    assert all(PASSAGE[f["start"]:f["end"]] == f["sentence"] and f["section"] is None for f in flags)
    piped = CliRunner().invoke(cli, ["flag", "--text", "-"], input=PASSAGE, env={"WATCHDESK_MODEL": ""})
    assert lines(piped) == flags


def test_text_without_a_mention_gives_no_lines_and_says_so_on_stderr() -> None:
    result = run("--text", "The weather was fine and the room was full.", "--topics", "inventory,geopolitical")
    assert lines(result) == []
    assert result.stderr.strip() == "no mention of inventory, geopolitical found"


def test_text_and_file_are_one_or_the_other_and_a_short_file_names_text(tmp_path: Path) -> None:
    stub = tmp_path / "stub.txt"
    stub.write_text(PASSAGE)
    both = run(str(stub), "--text", PASSAGE)
    assert both.exit_code == 2 and "or --text, not both" in both.output
    neither = run()
    assert neither.exit_code == 2 and "--text 'a passage'" in neither.output
    empty = run("--text", "  ")
    assert empty.exit_code == 2 and "--text is empty" in empty.output
    formatted = run("--text", PASSAGE, "--format", "json")
    assert formatted.exit_code == 2 and "--format applies to a file" in formatted.output
    short = run(str(stub))
    assert short.exit_code == 2 and "transcript too short" in short.output and "pass them with --text" in short.output


def test_a_10ks_risk_factors_read_neutral_stock_and_supply_as_warnings(shared_fixtures: Path) -> None:
    """risk_reading.py: "Our expanding product portfolio ... may lead to increased inventory levels." is a warning
    in Item 1A; the same kind of sentence in MD&A keeps the refiner's reading."""
    flags = lines(run(str(shared_fixtures / NVDA_10K)))
    core = [f for f in flags if f["topic"] in {"inventory", "supply_chain"}]
    risk = [f for f in core if f["section"].startswith("1A ")]
    assert len(risk) > 20 and all(f["polarity"] != "neutral" for f in risk)
    portfolio = [f for f in risk if f["sentence"].startswith("Our expanding product portfolio")]
    assert [f["polarity"] for f in portfolio] == ["negative"]
    assert any(f["polarity"] == "neutral" and f["section"].startswith("7 ") for f in core)
    # table_rows.py: the financial statements' rows of figures are not flags, their notes' sentences are
    statements = [f["sentence"] for f in core if f["section"].startswith("15 ")]
    assert [s for s in statements if " | " in s] == []
    assert any(s.startswith("In fiscal years 2025 and 2024, we recorded an inventory provision") for s in statements)


def test_a_10ks_accounts_read_stock_by_the_filings_choices(shared_fixtures: Path) -> None:
    """filing_reading.py: in MD&A a provision release is good news and provisions totalled a warning; in the notes
    the valuation policy is neutral."""
    flags = lines(run(str(shared_fixtures / NVDA_10K), "--topics", "inventory"))


    def read(item: str, opening: str) -> list[str]:
        here = [f for f in flags if f["section"].split(" ", 1)[0] == item]
        return [f["polarity"] for f in here if f["sentence"].startswith(opening)]

    assert read("7", "Sales of previously reserved inventory and settlements") == ["positive"]
    assert read("7", "Provisions for inventory and excess inventory purchase obligations totaled") == ["negative"]
    assert read("15", "Inventory cost is computed on an adjusted standard basis") == ["neutral"]
    # these two the refiner read the other way (neutral, and a warning at -0.70)
    assert read("15", "In fiscal years 2025 and 2024, we recorded an inventory provision") == ["negative"]
    assert read("7", "We charge cost of sales for inventory provisions to write-down") == ["neutral"]


@pytest.mark.parametrize(
    "data",
    [PASSAGE.encode("utf-16"), PASSAGE.encode("utf-8-sig"), PASSAGE.replace("our", "our\u2019").encode("cp1252")],
    ids=["utf-16", "utf-8-bom", "cp1252"],
)  # fmt: skip
def test_text_from_stdin_is_decoded_as_a_text_file_is(data: bytes) -> None:
    result = CliRunner().invoke(cli, ["flag", "--text", "-"], input=data, env={"WATCHDESK_MODEL": ""})
    flags = lines(result)
    assert [(f["topic"], f["polarity"]) for f in flags] == [("inventory", "positive"), ("geopolitical", "negative")]
    assert "\ufffd" not in result.stdout


def test_binary_on_stdin_for_text_and_a_sentence_given_as_path_are_clear_errors() -> None:
    binary = CliRunner().invoke(cli, ["flag", "--text", "-"], input=bytes(range(256)) * 4, env={"WATCHDESK_MODEL": ""})
    assert binary.exit_code == 2 and "binary data, not text" in binary.output
    sentence = run("Channel inventory is now healthy.")
    assert sentence.exit_code == 2 and "no such file" in sentence.output and "--text" in sentence.output
