"""One topic's polarity misses in leave-companies-out (or leave-calls-out), on the training calls only.

    PYTHONPATH=. .venv/bin/python -m tests.labels.polarity_misses [TOPIC|all] [--by-calls] [--top N] [--questions]

train_refiner's folds (each company's calls held out together; `--by-calls`: the five leave-calls-out folds),
trained on the other calls, and each held-out mention of TOPIC found but given the wrong polarity listed with its
sentence, label, prediction and the features that pushed the prediction most against the label. The examples are
train_refiner's: the team's dev calls, our TUNE calls and the written TUNE cases; our TEST calls are never among
them, so this never lists a TEST miss (tests/labels/calls.py: TEST is scored only). Then a confusion table.
`all`: every core topic. `--questions`: only questions (a sentence with "?", or one read as a question), the
misses listed for the TUNE calls only (dev and written ones are counted, not listed).
"""

from __future__ import annotations

import sys
from collections import Counter

from tests.labels.calls import CORE, dev_rows
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import POLARITIES, Refiner, _read_closer


def _pushes(model: Refiner, topic: str, names: list[str], have: str, want: str, top: int) -> str:
    """The features whose weights favour `have` over `want` most, with that margin."""
    weights = model.topics[topic].polarity
    h, w = POLARITIES.index(have), POLARITIES.index(want)
    margins = sorted(((weights[n][h] - weights[n][w], n) for n in set(names) if n in weights), reverse=True)
    return " ".join(f"{n}{m:+.2f}" for m, n in margins[:top] if m > 0)


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    topics = list(CORE) if "all" in argv else [next((a for a in argv if a in CORE), "inventory")]
    questions = "--questions" in argv
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 6
    data = tr.examples(SHARED_FIXTURES)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    confusion: Counter[tuple[str, str]] = Counter()
    for fold in tr.folds(data, by_company="--by-calls" not in argv):
        model = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
        for topic in topics:
            _fold_misses(model, topic, [e for e in data if e.call in fold], dev_calls, confusion, questions, top)
    for part in ("tune", "dev", "written"):
        cells = {k: v for (p, k), v in confusion.items() if p == part}
        ok = sum(v for k, v in cells.items() if k.split("->")[0] == k.split("->")[1])
        print(f"{part}: {ok}/{sum(cells.values())} right; " + ", ".join(f"{k} {v}" for k, v in sorted(cells.items())))
    return 0


def _is_question(e: tr.Example, topic: str) -> bool:
    return "?" in e.text or any(n.startswith("K:question") for n in e.names[topic])


def _fold_misses(
    model: Refiner,
    topic: str,
    held: list[tr.Example],
    dev_calls: set[str],
    confusion: Counter[tuple[str, str]],
    questions: bool,
    top: int,
) -> None:
    """Count (and print) the held-out mentions of `topic` found but given the wrong polarity."""
    tm = model.topics[topic]
    for e in (e for e in held if topic in e.gold and (not questions or _is_question(e, topic))):
        if not (e.looked and tm.present(e.names[topic]) >= tm.threshold):
            continue
        raw = tm.judge(e.names[topic])
        have, want = _read_closer(e.text, raw, topic)[0], e.gold[topic]
        part = "written" if e.call == "written" else "dev" if e.call in dev_calls else "tune"
        confusion[part, f"{want}->{have}"] += 1
        if have != want and (part == "tune" or not questions):
            settled = " (settled by reading)" if have != raw[0] else ""
            print(f"[{part} {topic}] {e.call.rsplit('/', 1)[-1]} want {want} got {have}{settled}\n    {e.text[:300]}")
            print(f"    pushes: {_pushes(model, topic, e.names[topic], have, want, top)}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
