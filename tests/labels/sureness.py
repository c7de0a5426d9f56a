"""How far the refiner's "sure" mark (refine.is_sure) can be trusted: precision and polarity of the flags it is sure
of, beside the others, per topic.

    PYTHONPATH=. .venv/bin/python -m tests.labels.sureness [test|fresh|tune|dev|filings|risk|notes|prior|other] [-v]
    PYTHONPATH=. .venv/bin/python -m tests.labels.sureness [test|fresh|tune|dev] --by-company

A labelled set (default `test`) is flagged whole, call by call, as tests.labels.calls scores it (`filings`: the
labelled SEC filing sentences, each in its passage, split as flagging splits a filing; `risk`, `notes`, `prior`: the
held-out sentences of tests/labels/filings_risk/, filings_notes/ and filings_risk_prior/, alike; `risk-unseen`: those
of filings_risk/ no training row of filings/ repeats; `other`: the held-out part of tests/labels/filings_other/,
`other-tune` its TUNE part, `other-all` both; P / R / polarity of all flags printed first; `-v` lists the rows
flagged otherwise than labelled, for `filings` and `other-tune` only); `--by-company` scores leave-companies-out
instead (train_refiner's folds, each company's calls held out together, trained on the rest; about 4 min): the proxy
the thresholds were chosen on. A flag on a sentence the labels do not list counts against precision only where the
set lists every sentence read (our own calls), as the "P strict" of calls.py.
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from tests.labels.calls import CORE, call_text, dev_rows, rows_for
from watchdesk.agents.flagging.filing_reading import read_in_filing
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.refine import Refiner, _read_closer, is_sure
from watchdesk.agents.flagging.refine_tables import softmax_judged
from watchdesk.agents.flagging.topics import load_topics

if TYPE_CHECKING:
    from tests.packs.train_refiner import Example

# (topic, sure, is a mention, polarity right)
Mark = tuple[str, bool, bool, bool]


def labelled_marks(part: str) -> Iterator[Mark]:
    from tests.conftest import SHARED_FIXTURES

    rows = rows_for(SHARED_FIXTURES, part)
    core = load_topics(CORE)
    strict = part != "dev"  # the dev set's annotator read only near its candidates
    for name in sorted({r["file"] for r in rows}):
        labelled = {r["idx"]: r["topics"] for r in rows if r["file"] == name}
        text, starts = call_text(SHARED_FIXTURES, name)
        for flag in flag_text(text, topics=core):
            idx = bisect.bisect_right(starts, flag.start) - 1
            gold = labelled.get(idx)
            if gold is None and not strict:
                continue
            want = (gold or {}).get(flag.topic)
            yield flag.topic, bool(flag.sure), want is not None, want == flag.polarity


RISK = Path(__file__).resolve().parent / "filings_risk"  # held-out risk-factor sentences (their README.md)
NOTES = Path(__file__).resolve().parent / "filings_notes"  # held-out sentences of notes, MD&A, Business (README.md)
PRIOR = Path(__file__).resolve().parent / "filings_risk_prior"  # held-out risk factors of two earlier 10-Ks
# Candidates of Business items, the remaining MD&A and a 20-F (filings_other/README.md): Tesla's and Alphabet's rows
# are its TUNE part (rules may be written from their misses), NVIDIA's, Apple's and Plymouth Rock's are held out.
OTHER = Path(__file__).resolve().parent / "filings_other"
OTHER_TUNE = ("TSLA_", "GOOG_")


def other_part(part: str) -> Callable[[dict], bool]:
    """filings_other's rows of `part`: "tune" (Tesla, Alphabet), "held" (the rest) or "all"."""
    return lambda r: part == "all" or r["doc"].startswith(OTHER_TUNE) == (part == "tune")


def filing_marks(
    folder: Path | None = None,
    missed: Counter[str] | None = None,
    keep: Callable[[dict], bool] | None = None,
    misses: list[str] | None = None,
) -> Iterator[Mark]:
    """Labelled SEC filing sentences (default tests/labels/filings/, which v0.13 trains polarity on; RISK is held
    out), each flagged in its passage; the flags on the labelled sentence count, and `missed` counts per topic the
    labelled mentions not flagged; `keep` chooses rows, and `misses` collects each row whose flags differ from its
    labels, with the sentence."""
    from tests.labels.filings import FOLDER, filing_rows, filing_split

    core = load_topics(CORE)
    for r in filing_rows(folder or FOLDER):
        if keep is not None and not keep(r):
            continue
        text = r["before"] + r["sentence"] + r["after"]
        a, b = len(r["before"]), len(r["before"]) + len(r["sentence"])
        section = "1A Risk Factors" if r["section"] == "1A" else r["section"]  # the rows name the kind of section
        flagged: dict[str, str] = {}
        spans = filing_split(text, r["doc"])  # as flagging splits a filing (v0.40), not as it splits a call
        for flag in (read_in_filing(f, section) for f in flag_text(text, topics=core, spans=spans)):
            if flag is not None and flag.start < b and flag.end > a:
                flagged[flag.topic] = flag.polarity
                want = r["topics"].get(flag.topic)
                yield flag.topic, bool(flag.sure), want is not None, want == flag.polarity
        if missed is not None:
            missed.update(t for t in r["topics"] if t not in flagged)
        if misses is not None and flagged != r["topics"]:
            misses.append(f"{r['doc']} {r['section']} {r['at']} want {r['topics']} got {flagged}\n    {r['sentence']}")


def filing_scores(
    folder: Path | None = None, keep: Callable[[dict], bool] | None = None, misses: list[str] | None = None
) -> tuple[dict[str, tuple[float, float, float]], list[Mark]]:
    """Per topic (precision, recall, polarity) of all flags on labelled filing sentences, and the marks."""
    missed: Counter[str] = Counter()
    marks = list(filing_marks(folder, missed, keep, misses))
    scores = {}
    for topic in CORE:
        found = [m for m in marks if m[0] == topic and m[2]]
        flags = sum(m[0] == topic for m in marks)
        scores[topic] = (
            len(found) / max(1, flags),
            len(found) / max(1, len(found) + missed[topic]),
            sum(m[3] for m in found) / max(1, len(found)),
        )
    return scores, marks


def fold_flags(by_company: bool = True) -> Iterator[tuple[Mark, str, list[str]]]:
    """train_refiner's folds (leaving companies out, or calls out): each fold's model scores its held-out calls (our
    own calls, every looked-at sentence); per flag its mark, its polarity and the sentence's feature names."""
    from tests.conftest import SHARED_FIXTURES
    from tests.packs import train_refiner as tr

    data = tr.examples(SHARED_FIXTURES)
    dev_calls = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    for fold in tr.folds(data, by_company=by_company):
        refiner = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
        yield from example_flags(refiner, [e for e in data if e.call in fold and e.call not in dev_calls])


def example_flags(refiner: Refiner, examples: Iterable[Example]) -> Iterator[tuple[Mark, str, list[str]]]:
    """The flags `refiner` puts on train_refiner examples (looked-at ones only): per flag its mark, its polarity and
    the sentence's feature names."""
    for e in examples:
        if not e.looked:
            continue
        for topic, model in refiner.topics.items():
            p = model.present(e.names[topic])
            if p < model.threshold:
                continue
            weights = filter(None, map(model.polarity.get, e.names[topic]))
            verdict, confidence = softmax_judged(model.polarity_bias, weights)
            closer = _read_closer(e.text, verdict, topic)
            want = e.gold.get(topic)
            sure = is_sure(p, confidence, settled=closer != verdict)
            yield (topic, sure, want is not None, want == closer[0]), closer[0], e.names[topic]


def held_out_marks() -> Iterator[Mark]:
    """Leave-companies-out: each fold's model scores its held-out calls (our own calls, every looked-at sentence)."""
    return (mark for mark, _, _ in fold_flags(by_company=True))


def table(marks: list[Mark]) -> list[str]:
    lines = []
    for topic in CORE:
        mine = [m for m in marks if m[0] == topic]
        for label, sure in (("sure", True), ("unsure", False)):
            part = [m for m in mine if m[1] == sure]
            found = [m for m in part if m[2]]
            right = sum(m[3] for m in found)
            lines.append(
                f"{topic:13s} {label:6s} flags {len(part):4d} ({len(part) / max(1, len(mine)):4.0%})  "
                f"precision {len(found) / max(1, len(part)):.2f}  polarity {right / max(1, len(found)):.2f}"
            )
    return lines


def main(argv: list[str]) -> int:
    part = next((a for a in argv if not a.startswith("-")), "test")
    if "--by-company" in argv:
        marks, label = list(held_out_marks()), "leave-companies-out (our calls)"
    elif part in ("filings", "risk", "risk-unseen", "notes", "prior", "other", "other-tune", "other-all"):
        if "-v" in argv and part not in ("filings", "other-tune"):
            print("-v lists misses of training rows only: filings or other-tune", file=sys.stderr)
            return 2
        misses: list[str] = []
        folder = {"risk": RISK, "risk-unseen": RISK, "notes": NOTES, "prior": PRIOR}.get(
            part, OTHER if part.startswith("other") else None
        )
        keep = other_part(part.partition("-")[2] or "held") if folder == OTHER else None
        if part == "risk-unseen":  # the held-out risk factors no training row of ../filings/ repeats
            from tests.labels.filings import filing_rows

            trained = {r["sentence"] for r in filing_rows()}
            keep = lambda r: r["sentence"] not in trained  # noqa: E731
        scores, marks = filing_scores(folder, keep, misses)
        label = {
            "risk": "held-out SEC risk-factor sentences",
            "risk-unseen": "held-out SEC risk-factor sentences that no training row repeats",
            "notes": "held-out SEC sentences of notes, MD&A and Business",
            "prior": "held-out risk-factor sentences of two earlier 10-Ks",
            "other": "held-out candidates of Business, MD&A and a 20-F (NVIDIA, Apple, Plymouth Rock)",
            "other-tune": "candidates of Business and MD&A (Tesla, Alphabet: the TUNE part)",
            "other-all": "candidates of Business, MD&A and a 20-F (all of filings_other)",
        }.get(part, "labelled SEC filing sentences")  # fmt: skip
        for topic, (p, r, a) in scores.items():  # all flags, as tests.labels.calls prints them
            print(f"{part} {topic:13s} P {p:.2f}  R {r:.2f}  polarity {a:.2f}")
        if "-v" in argv:
            print("\n".join(misses))
    else:
        if part not in ("test", "fresh", "tune", "dev", "ours"):
            sets = "test, fresh, tune, dev, ours, filings, risk(-unseen), notes, prior, other(-tune, -all)"
            print(f"unknown set {part!r}: give {sets}", file=sys.stderr)
            return 2
        marks, label = list(labelled_marks(part)), part
    print(label)
    print("\n".join(table(marks)))
    counts = Counter(m[1] for m in marks)
    print(f"{counts[True]} sure, {counts[False]} unsure")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
