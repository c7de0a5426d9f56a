"""A user's first `watchdesk flag` compiled every topic regex, the models' tables and, on a long filing, the
Hyperscan databases: about 2 s of CPU on a call and 6 s on a 10-K, against 0.3 s for the next command. The install
(the Makefile's stamp) warmed the cache by flagging README.md and a recorded 10-K, which hung on README's length and
covered the default topics only, and a pip user had no way but a first slow command. `watchdesk flag --warm-cache`
now fills it from texts of its own (agents/flagging/warm.py): the install runs it, a pip user can, and a folder
that cannot be written is said, never a crash."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import warmed_cache
from watchdesk.agents.flagging import multiscan, warm
from watchdesk.agents.flagging.document import load_document
from watchdesk.agents.flagging.topics import shipped_topics

REPO = Path(__file__).resolve().parents[2]
CALL = Path("transcripts") / "motley_fool_json" / "ACN_q1_2022.json"
TEN_K = Path("edgar") / "filings" / "TSLA_10-K_FY2024_filed-2025-01-30.html"


def watchdesk(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WATCHDESK_CACHE_DIR": str(cache)}
    env.pop("WATCHDESK_MODEL", None)
    return subprocess.run([sys.executable, "-m", "watchdesk.graph.cli", *args], env=env, capture_output=True,
                          text=True, check=False)  # fmt: skip


def kept(cache: Path) -> dict[str, bytes]:
    (path,) = (cache / "flagging").glob("regex-*.marshal")
    entries: dict[str, bytes] = marshal.loads(path.read_bytes())
    return entries


def test_the_install_runs_the_warm_up() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("$(STAMP): pyproject.toml") : makefile.index("touch $(STAMP)")]
    assert re.search(r"^\t-\$\(BIN\)/watchdesk flag --warm-cache$", recipe, re.MULTILINE)
    assert "watchdesk flag --warm-cache" in (REPO / "README.md").read_text(encoding="utf-8")


def test_the_warm_ups_texts_are_a_long_filing_and_a_call_mentioning_every_topic() -> None:
    filing = load_document(warm.filing_html(), origin="warm-up 10-K")
    assert filing.kind == "filing" and filing.form == "10-K" and len(filing.text) >= multiscan.MIN_CHARS
    assert {part.section for part in filing.parts} >= {"1 Business", "1A Risk Factors"}
    call = load_document(warm.call_text(), origin="warm-up call")
    assert call.kind == "transcript" and {part.section for part in call.parts} == {"prepared", "qa"}


def test_after_the_warm_up_a_first_flag_compiles_nothing_costly(tmp_path: Path, shared_fixtures: Path) -> None:
    # Under test workers the folder starts as the controller's `flag --warm-cache` left its own (tests/conftest.py),
    # so this warm-up finds its patterns compiled: the same command into the same kind of folder, without compiling
    # every regex and Hyperscan database a third time in the suite (~5 s of CPU). In one process it starts empty.
    warmed = watchdesk(warmed_cache(tmp_path), "flag", "--warm-cache")
    assert warmed.returncode == 0 and warmed.stdout == "", warmed.stderr[-800:]
    assert re.fullmatch(r"compiled patterns kept in .*regex-\w+\.marshal \(\d+\.\d MB\)\n", warmed.stderr)
    before = kept(tmp_path)
    assert sum(key.startswith("hsdb@") for key in before) >= 3  # the pre-scan of every topic (scanned.py), the cues'
    call = watchdesk(tmp_path, "flag", str(shared_fixtures / CALL))
    assert call.returncode == 0 and call.stdout, call.stderr[-800:]
    assert kept(tmp_path) == before  # a call's first flag: nothing new to compile
    for topics in ("inventory,supply_chain,geopolitical", ",".join(t.name for t in shipped_topics())):
        filing = watchdesk(tmp_path, "flag", str(shared_fixtures / TEN_K), "--topics", topics)
        assert filing.returncode == 0 and filing.stdout, filing.stderr[-800:]
    added = set(kept(tmp_path)) - set(before)
    # no Hyperscan database, table or model: at most the few small regexes of words only this 10-K holds
    assert not [key for key in added if not re.match(r"(c\d+:|(fold\d+|keys|first|flex|loose|heads)@)", key)], added
    assert sum(map(len, (kept(tmp_path)[key] for key in added))) < 0.02 * sum(map(len, before.values()))


def test_a_cache_folder_that_cannot_be_written_is_said_and_flagging_still_works(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    cache = tmp_path / "a-file" / "cache"
    warmed = watchdesk(cache, "flag", "--warm-cache")
    assert warmed.returncode == 0, warmed.stderr[-800:]
    assert warmed.stderr.startswith(f"warning: the compiled patterns could not be kept in {cache / 'flagging'}: ")
    assert "Not a directory" in warmed.stderr and "WATCHDESK_CACHE_DIR" in warmed.stderr
    assert "Traceback" not in warmed.stderr
    flagged = watchdesk(cache, "flag", "--text", "Channel inventory is now healthy. Export controls cut our sales.")
    assert flagged.returncode == 0 and '"topic": "inventory"' in flagged.stdout, flagged.stderr[-800:]


def test_the_warm_up_takes_no_file(tmp_path: Path) -> None:
    given = watchdesk(tmp_path, "flag", "--warm-cache", "call.txt")
    assert given.returncode == 2 and "--warm-cache flags nothing: give it no file and no --text" in given.stderr

