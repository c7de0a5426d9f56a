"""Does the answer to an analyst's topic question name the topic? A rule's own precision (issue 10, flagging v0.37)

    PYTHONPATH=. .venv/bin/python -m tests.packs.answer_study [--by-company]

Keyword-less mentions (no word of the dev set's candidate list) are 15-20% of the team's mentions and the offline
default finds 0.12 / 0.37 / 0.43 of them. A narrow rule was proposed: an executive's answer takes the topic of the
analyst's question when the question is a sure flag of it. Two readings, both skipping openers (under five words,
thanks, "question", greetings) and sentences that are themselves questions:
- `speech`: the first such sentence of the next speech, after a speech ending in "?" holding a sure flag of the topic
  (the JSON calls, whose speeches are apart; the plain-text calls are one paragraph);
- `sentence`: the first such sentence of the three after a question sentence that is a sure flag of the topic (any
  call).
Each candidate not already flagged for the topic is counted as a labelled mention of it or not, on our TUNE calls and
the team's dev calls (there only near its rows, as its annotator read). Default: flagged whole with train_refiner's
leave-calls-out folds' refiners (each held-out call read by a refiner trained on the other calls); `--by-company`
leaves companies out. Measured 2026-12-06 (QUALITY.md, "Measured and dropped"), over the three topics: the next
speech 1 of 22 candidates a mention leaving calls out, 1 of 24 leaving companies out; the sentences after a question 2
of 49 and 2 of 45. Not shipped.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, defaultdict
from unittest import mock

from tests.labels.calls import CORE, call_text, dev_rows, own_rows
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging import flag as flagging
from watchdesk.agents.flagging.carry import blocks_of
from watchdesk.agents.flagging.refine import Refiner
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import load_topics

_OPENER = re.compile(r"\b(?:thanks?|thank you|question|operator|good (?:morning|afternoon|evening))\b", re.IGNORECASE)


def _answers(sentences: list[str], sure: dict[int, bool], blocks: list[int]) -> dict[int, set[str]]:
    """Candidate answer sentence -> the readings ("speech", "sentence") that name it, for one topic's flags."""

    def first(indices: range) -> int | None:
        s = sentences
        return next((k for k in indices if len(s[k].split()) >= 5 and not _OPENER.search(s[k]) and "?" not in s[k]),
                    None)  # fmt: skip

    out: dict[int, set[str]] = defaultdict(set)
    n = len(sentences)
    for q, is_sure in sure.items():
        if is_sure and sentences[q].rstrip().endswith("?") and (k := first(range(q + 1, min(n, q + 4)))) is not None:
            out[k].add("sentence")
    starts = [k for k in range(n) if k == 0 or blocks[k] != blocks[k - 1]]
    for b in range(len(starts) - 1):
        question = range(starts[b], starts[b + 1])
        if not sentences[question[-1]].rstrip().endswith("?") or not any(sure.get(k) for k in question):
            continue
        end = starts[b + 2] if b + 2 < len(starts) else n
        if (k := first(range(starts[b + 1], min(end, starts[b + 1] + 4)))) is not None:
            out[k].add("speech")
    return out


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    core = load_topics(CORE)
    rows = own_rows(SHARED_FIXTURES, "tune") + dev_rows(SHARED_FIXTURES)
    dev_files = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    data = tr.examples(SHARED_FIXTURES)
    counts: Counter[tuple[str, str, bool]] = Counter()
    for fold in tr.folds(data, by_company="--by-company" in argv):
        refiner = Refiner.from_json(tr.train([e for e in data if e.call not in fold], tr.L2, tr.THRESHOLD))
        for name in sorted(set(fold) & {r["file"] for r in rows}):
            text, starts = call_text(SHARED_FIXTURES, name)
            spans = split_sentences(text)
            begins = [a for a, _ in spans]
            sentences = [text[a:b] for a, b in spans]
            gold = {bisect.bisect_right(begins, starts[r["idx"]]) - 1: r["topics"] for r in rows if r["file"] == name}
            with mock.patch.object(flagging, "default_refiner", lambda refiner=refiner: refiner):
                flags = flagging.flag_text(text, topics=core, spans=spans)
            sure: dict[str, dict[int, bool]] = defaultdict(dict)
            for f in flags:
                sure[f.topic][bisect.bisect_right(begins, f.start) - 1] = bool(f.sure)
            blocks = blocks_of(text, spans)
            for topic in CORE:
                for k, readings in _answers(sentences, sure[topic], blocks).items():
                    if k in sure[topic] or (name in dev_files and not {k - 1, k, k + 1} & set(gold)):
                        continue
                    for reading in readings:
                        counts[topic, reading, topic in gold.get(k, {})] += 1
    kind = "leave-companies-out" if "--by-company" in argv else "leave-calls-out"
    for topic in CORE:
        for reading in ("speech", "sentence"):
            hit, miss = counts[topic, reading, True], counts[topic, reading, False]
            print(f"{kind} {topic:13s} {reading:8s} candidates {hit + miss:3d}  mentions {hit:2d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
