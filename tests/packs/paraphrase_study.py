"""Real call sentences reworded (issue 10; paraphrase_study.md): as extra refiner training rows (a measured no-go),
and as a yardstick of how much the offline reading rests on the calls' exact words.

    PYTHONPATH=. .venv/bin/python -m tests.packs.paraphrase_study prep DIR [--test]
    PYTHONPATH=. .venv/bin/python -m tests.packs.paraphrase_study run DIR [VARIANT ...]
    PYTHONPATH=. .venv/bin/python -m tests.packs.paraphrase_study reworded DIR
    PYTHONPATH=. .venv/bin/python -m tests.packs.paraphrase_study test DIR

`prep` writes DIR/in_*.jsonl (each looked-at sentence of the TUNE and dev calls with its source call, the sentence
before and after it and its labels) and DIR/task_*.jsonl (the same without call or labels: what the paraphrase
writers were given). Writers answer DIR/out_*.jsonl, one `{"id", "p1", "p2"}` per task line (paraphrase_study.md has
the instructions used). The paraphrases restate third-party transcript text, so they live outside the repository.

`run` prints train_refiner's leave-companies-out and leave-calls-out figures on our held-out calls with each
paraphrase read in its source sentence's place (between the real sentences before and after) and labelled as that
sentence. A paraphrase belongs to its source call: it is trained on exactly when that call is, so no fold learns a
held-out call's sentences reworded. VARIANT is base, both, presence or polarity (default: all), as in
passages_study: both teaches presence and polarity, presence or polarity one of them.

`reworded` scores the leave-calls-out folds on the held-out calls' sentences as said and as paraphrased, and the
shipped refiner on its own training sentences both ways. `prep --test` writes the same task files for our TEST calls
(to score, never to train on), and `test` scores the shipped refiner on them as said and as paraphrased.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, call_text, dev_rows
from tests.labels.sureness import example_flags
from tests.packs import passages_study as ps
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.refine import Refiner
from watchdesk.agents.flagging.sentences import split_sentences

PREFIX = ps.PREFIX + "paraphrase:"  # Example.call of a paraphrase row: PREFIX + its source call
BATCHES = 8


def prep(out: Path, part: str = "tune") -> int:
    data = tr.examples(SHARED_FIXTURES, part=part)
    calls = [e for e in data if e.call != "written" and not e.call.startswith(tr.FILING)]
    texts = {}
    for name in sorted({e.call for e in calls}):
        text, _ = call_text(SHARED_FIXTURES, name)
        texts[name] = [text[a:b] for a, b in split_sentences(text)]
    rows = []
    for k, e in enumerate(calls):
        if not e.looked:
            continue
        sents = texts[e.call]
        i = sents.index(e.text)
        before, after = sents[i - 1] if i else "", sents[i + 1] if i + 1 < len(sents) else ""
        rows.append({"id": k, "call": e.call, "before": before[-400:], "sentence": e.text, "after": after[:300],
                     "topics": e.gold})  # fmt: skip
    out.mkdir(parents=True, exist_ok=True)
    for j in range(BATCHES):
        part = rows[j::BATCHES]
        (out / f"in_{j}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        tasks = [{k: v for k, v in r.items() if k not in ("call", "topics")} for r in part]
        (out / f"task_{j}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in tasks), encoding="utf-8")
    print(f"{len(rows)} sentences in {BATCHES} batches under {out}")
    return 0


def paraphrase_examples(folder: Path) -> list[tr.Example]:
    source = {}
    for path in sorted(folder.glob("in_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            source[row["id"]] = row
    out = []
    for path in sorted(folder.glob("out_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            answer = json.loads(line)
            row = source[answer["id"]]
            before = row["before"] + " " if row["before"] else ""
            after = " " + row["after"] if row["after"] else ""
            for key in ("p1", "p2"):
                if text := (answer.get(key) or "").strip():
                    out.append(tr.passage_example(PREFIX + row["call"], before, text, after, row["topics"]))
    return out


def run(folder: Path, names: list[str]) -> int:
    data = tr.examples(SHARED_FIXTURES)
    paraphrases = paraphrase_examples(folder)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    print(f"{len(data)} examples, {len(paraphrases)} paraphrases", flush=True)
    for name in names or ["base", "both", "presence", "polarity"]:
        options = ps.VARIANTS[name]
        for by_company in (True, False):
            counts: dict[str, Counter[str]] = defaultdict(Counter)
            for fold in tr.folds(data, by_company=by_company):
                rest = [e for e in data if e.call not in fold]
                if options is None:
                    model = tr.train(rest, tr.L2, tr.THRESHOLD)
                else:
                    kept = [e for e in paraphrases if e.call.removeprefix(PREFIX) not in fold]
                    model = ps.train(rest + kept, **options)
                ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written"]
                for t, c in tr.score(model, ours).items():
                    counts[t].update(c)
            part = "leave-companies-out" if by_company else "leave-calls-out"
            print(f"{name:9s} {part:19s} {tr._figures(counts)}", flush=True)
            tallies = "  ".join(
                f"{t[:5]} tp {c['tp']} fp {c['fp']} fn {c['fn']} ok {c['ok']}" for t, c in counts.items()
            )
            print(f"{'':9s} {'':19s} {tallies}", flush=True)
    return 0


def sure_counts(model: dict, data: list[tr.Example]) -> dict[str, Counter[str]]:
    """Per topic, the flags the refiner is sure of (refine.is_sure): how many, on a mention, with its polarity."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in CORE}
    for (topic, sure, mention, right), _, _ in example_flags(Refiner.from_json(model), data):
        if sure:
            counts[topic].update(sure=1, right=mention, ok=right)
    return counts


def _sure_figures(counts: dict[str, Counter[str]]) -> str:
    return "  ".join(
        f"{t[:5]} sure {c['sure']} P {c['right'] / max(1, c['sure']):.2f} pol {c['ok'] / max(1, c['right']):.2f}"
        for t, c in counts.items()
    )


def reworded(folder: Path) -> int:
    """The refiner's figures on held-out calls' sentences as said and as paraphrased (trained without either), and the
    shipped refiner's on the sentences it was trained on, as said and as paraphrased: how much of its reading rests
    on the calls' exact wording."""
    data = tr.examples(SHARED_FIXTURES)
    paraphrases = paraphrase_examples(folder)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    looked = {(e.call, e.text) for e in data if e.looked}
    said: dict[str, Counter[str]] = defaultdict(Counter)
    again: dict[str, Counter[str]] = defaultdict(Counter)
    sure_said: dict[str, Counter[str]] = defaultdict(Counter)
    sure_again: dict[str, Counter[str]] = defaultdict(Counter)
    for fold in tr.folds(data, by_company=False):
        model = tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD)
        ours = [e for e in data if e.call in fold and e.call not in dev_calls and e.call != "written" and e.looked]
        for t, c in tr.score(model, ours).items():
            said[t].update(c)
        held = [e for e in paraphrases if e.call.removeprefix(PREFIX) in set(fold) - dev_calls]
        for t, c in tr.score(model, held).items():
            again[t].update(c)
        for t, c in sure_counts(model, ours).items():
            sure_said[t].update(c)
        for t, c in sure_counts(model, held).items():
            sure_again[t].update(c)
    shipped = json.loads(tr.OUT.read_text(encoding="utf-8"))
    trained = [
        e for e in data if (e.call, e.text) in looked and e.call != "written" and not e.call.startswith(tr.FILING)
    ]
    print(f"leave-calls-out, held-out sentences as said:        {tr._figures(said)}")
    print(f"leave-calls-out, the same sentences paraphrased x2: {tr._figures(again)}")
    print(f"leave-calls-out, sure flags, as said:               {_sure_figures(sure_said)}")
    print(f"leave-calls-out, sure flags, paraphrased:           {_sure_figures(sure_again)}")
    print(f"shipped refiner, its training sentences as said:    {tr._figures(tr.score(shipped, trained))}")
    print(f"shipped refiner, the same sentences paraphrased x2: {tr._figures(tr.score(shipped, paraphrases))}")
    return 0


def held_out(folder: Path) -> int:
    """The shipped refiner (never trained on our TEST calls) on their looked-at sentences as said and as
    paraphrased (answers to `prep --test`)."""
    data = [e for e in tr.examples(SHARED_FIXTURES, part="test") if e.looked]
    paraphrases = paraphrase_examples(folder)
    shipped = json.loads(tr.OUT.read_text(encoding="utf-8"))
    print(f"{len(data)} TEST sentences, {len(paraphrases)} paraphrases")
    print(f"shipped refiner, TEST sentences as said:            {tr._figures(tr.score(shipped, data))}")
    print(f"shipped refiner, the same sentences paraphrased x2: {tr._figures(tr.score(shipped, paraphrases))}")
    print(f"sure flags, TEST sentences as said:                 {_sure_figures(sure_counts(shipped, data))}")
    print(f"sure flags, the same sentences paraphrased x2:      {_sure_figures(sure_counts(shipped, paraphrases))}")
    return 0


def main(argv: list[str]) -> int:
    commands = {
        "prep": lambda f: prep(f, "test" if "--test" in argv else "tune"),
        "run": lambda f: run(f, [a for a in argv[2:] if not a.startswith("--")]),
        "reworded": reworded,
        "test": held_out,
    }
    if len(argv) < 2 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    return commands[argv[0]](Path(argv[1]))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
