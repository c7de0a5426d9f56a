"""The LLM judge measured on labelled calls: write its requests for a set of calls, then replay answers to them
and score the result against the labels beside the offline default.

    PYTHONPATH=. .venv/bin/python -m tests.labels.llm_eval requests PART OUT_DIR
    PYTHONPATH=. .venv/bin/python -m tests.labels.llm_eval score PART ANSWERS [ANSWERS ...]

PART is `test` (our six TEST calls), `fresh`, or a comma-separated list of call files (relative to
fixtures/transcripts/). `requests` writes one `req_<call>.jsonl` per call (the lines `watchdesk flag PATH
--llm-requests` writes); answer them with any model, one `{"key", "response"}` line per request
(agents/flagging/llm_response.schema.json). `score` runs each call the way `WATCHDESK_MODEL=replay:ANSWERS watchdesk
flag PATH` does (ANSWERS: a file or a directory of them) and prints precision / recall / polarity per topic, for
the offline flags and for the judged ones. A request without an answer is an error, as in any replay.

Recorded answers live in tests/labels/llm_answers/ (see its README.md for who answered and how).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from tests.labels.calls import CORE, TEST_CALLS, Verdicts, report, rows_for, tally
from tests.labels.readme_split import sentences
from watchdesk.agents.flagging.document import flag_document, load_document
from watchdesk.agents.flagging.flag import Flag, unsure_flags
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.errors import ConfigError, ReplayMissError

ANSWERS = Path(__file__).resolve().parent / "llm_answers"


def call_files(root: Path, part: str) -> list[str]:
    if part == "test":
        return sorted(TEST_CALLS)
    if part == "fresh":
        return sorted({r["file"] for r in rows_for(root, "fresh")})
    return [name.strip() for name in part.split(",") if name.strip()]


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].split(".", 1)[0]


def _flagged(root: Path, name: str) -> tuple[list[Flag], list[Flag], str]:
    """The offline flags of a call as `watchdesk flag` makes them, its unsure candidates, and its text."""
    path = root / "transcripts" / name
    library = load_topics(CORE)
    document = load_document(path.read_bytes(), format="auto", origin=str(path))
    return flag_document(document, topics=library), unsure_flags(document.text, topics=library), document.text


def write_requests(root: Path, names: Iterable[str], out: Path) -> dict[str, int]:
    from watchdesk.agents.flagging.llm_judge import plan
    from watchdesk.agents.flagging.llm_record import write_requests as write

    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name in names:
        flags, extra, text = _flagged(root, name)
        planned, _withheld = plan(flags, text=text, extra=extra)
        counts[name] = write((p.request for p in planned), out / f"req_{_stem(name)}.jsonl")
    return counts


def judged(root: Path, name: str, answers: Path) -> tuple[list[Flag], list[Flag]]:
    """(offline flags, flags after the recorded judge) of one call."""
    from watchdesk.agents.flagging.llm_judge import refine
    from watchdesk.agents.flagging.llm_record import Replay

    flags, extra, text = _flagged(root, name)
    return flags, refine(flags, ask=Replay(answers), text=text, extra=extra).flags


def by_sentence(root: Path, name: str, flags: Sequence[Flag]) -> dict[int, Verdicts]:
    """README sentence index -> the topics flagged there. The parsed document and the README's list split alike
    and in the same order, so flags, taken in text order, are placed from where the previous one was: a sentence
    said twice in a call goes to the copy that was flagged. A sentence split differently goes to the README sentence
    that holds it, or that it holds when that one is at least half its length ("Is that correct?" alone does not
    take a long question ending with it)."""
    listed = [" ".join(s.split()) for s, _ in sentences(root, name)]
    found: dict[int, Verdicts] = defaultdict(dict)
    at = 0
    for f in sorted(flags, key=lambda f: f.start):
        if f.topic not in CORE:
            continue
        s = " ".join(f.sentence.split())
        i = _place(listed, s, at)
        if i is None:
            i = _place(listed, s, 0)  # the two lists disagree on order here: anywhere in the call
        if i is None:
            raise ValueError(f"{name}: no README sentence holds the flagged {s[:80]!r}")
        found[i][f.topic] = f.polarity
        at = i
    return found


def _place(listed: Sequence[str], s: str, start: int) -> int | None:
    rest = range(start, len(listed))
    exact = next((j for j in rest if listed[j] == s), None)
    if exact is not None:
        return exact
    return next(
        (j for j in rest if listed[j] and (s in listed[j] or (listed[j] in s and 2 * len(listed[j]) >= len(s)))), None
    )


def score(root: Path, part: str, answers: Path) -> dict[str, dict[str, Counter[str]]]:
    """Counts per topic ("offline" and "judged"), as tests.labels.calls tallies them."""
    rows = rows_for(root, part if part in ("test", "fresh") else "ours")
    totals: dict[str, dict[str, Counter[str]]] = {"offline": defaultdict(Counter), "judged": defaultdict(Counter)}
    for name in call_files(root, part):
        labelled = {r["idx"]: r["topics"] for r in rows if r["file"] == name}
        for which, flags in zip(("offline", "judged"), judged(root, name, answers), strict=True):
            found = by_sentence(root, name, flags)
            pairs = [(labelled.get(i), found.get(i, {})) for i in sorted(set(labelled) | set(found))]
            for topic, c in tally(pairs).items():
                totals[which][topic].update(c)
    return totals


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    if len(argv) < 3 or argv[0] not in ("requests", "score"):
        print(__doc__)
        return 2
    command, part, paths = argv[0], argv[1], [Path(p) for p in argv[2:]]
    if command == "requests":
        for name, n in write_requests(SHARED_FIXTURES, call_files(SHARED_FIXTURES, part), paths[0]).items():
            print(f"{name}: {n} requests")
        return 0
    for answers in paths:
        try:
            totals = score(SHARED_FIXTURES, part, answers)
        except (ConfigError, ReplayMissError, ValueError) as exc:  # no answers there, one missing, a stray flag
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for which, counts in totals.items():
            report(f"{part[:12]} {which}", counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
