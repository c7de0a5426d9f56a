"""Reading a sentence's speech and neighbours as refiner features: measured no-gos (issue 10; context_study.md).

Run: PYTHONPATH=. .venv/bin/python -m tests.packs.context_study [VARIANT ...]

VARIANT is one of (default: all):
- base: train_refiner's examples as they are;
- statements: the plain-text calls read as `watchdesk flag` reads them (the transcript parser's statements apart
  by blank lines) instead of as one text; every variant below reads them so too;
- no-word: a presence feature for a rule flag on a sentence without a candidate word (refine_score.rule_names's
  "R" without "C"), which the polarity models do not learn from;
- neighbour-tone: the sentence sentiment label of the sentence before and of the one after, in the same speech;
- answers: the sentence opens its speech, sits in a speech holding a question, answers a speech holding one, and
  whether the rules flag that question's speech for the topic (and with which polarities);
- same-speech: the rules flag another sentence of the same speech for the topic;
- doc-density: the share of the call's sentences the rules flag for the topic, in four bins (session 14);
- tone-bins, tone-strength: the sentence's own sentiment score (P(positive) - P(negative)) beside its label, in
  five bins, or as the label with "hi" above 0.6 in size and "lo" below;
- polarity-l2x3: no new feature; the polarity models' L2 on words three times higher (the rule, sentiment and
  reading features' as before);
- masked-tone: the sentence sentiment label read with the topics' own nouns masked (MASK: inventory, supply, chain,
  export, tariff, China ...), in place of the label of the whole sentence; masked-tone-extra: beside it. These two
  read the plain-text calls as one text, as base does.
Each prints train_refiner's leave-companies-out and leave-calls-out counts and figures on our held-out calls.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np

from tests.conftest import SHARED_FIXTURES
from tests.labels.calls import CORE, call_text, dev_rows
from tests.labels.readme_split import speeches, split
from tests.packs import train_refiner as tr
from watchdesk.agents.flagging.carry import blocks_of
from watchdesk.agents.flagging.sentences import Span
from watchdesk.agents.flagging.sentiment import score_one

Verdicts = dict[str, dict[int, tuple[str, float]]]
NO_WORD = "X:noC"


def statements_text(root: Path, name: str) -> tuple[str, tuple[int, ...]]:
    """calls.call_text, but a plain-text call (one text in the labels' split) as the parser's statements apart by
    a blank line, as `watchdesk flag` reads it; each labelled sentence found in order in that text."""
    if name.endswith((".json", ".html")):
        return call_text(root, name)
    from watchdesk.sources.transcripts.detect import parse_transcript

    call = parse_transcript((root / "transcripts" / name).read_bytes(), origin=name)
    text = "\n\n".join(" ".join(st.text.split()) for st in call.statements)
    ((speech, _),) = speeches(root, name)
    starts, at = [], 0
    for sentence in split(speech):
        words = sentence.split()
        # a sentence the parser cut at a speaker's name is found by its tail
        found = next((k for cut in range(len(words)) if (k := text.find(" ".join(words[cut:]), at)) >= 0), -1)
        if found < 0:
            raise ValueError(f"{name}: sentence {len(starts)} not found in the parser's statements")
        starts.append(found)
        at = found + 1
    return text, tuple(starts)


@cache
def _blocks(text: str, spans: tuple[Span, ...]) -> tuple[list[int], dict[int, list[int]]]:
    blocks = blocks_of(text, spans)
    members: dict[int, list[int]] = {}
    for k, b in enumerate(blocks):
        members.setdefault(b, []).append(k)
    return blocks, members


def _tone(sentence: str) -> str:
    return _scored(sentence)[0]


def neighbour_tone(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    blocks, _ = _blocks(text, tuple(spans))
    out = []
    if i > 0 and blocks[i - 1] == blocks[i]:
        out.append(f"X:pS:{_tone(text[slice(*spans[i - 1])])}")
    if i + 1 < len(spans) and blocks[i + 1] == blocks[i]:
        out.append(f"X:nS:{_tone(text[slice(*spans[i + 1])])}")
    return out


def answers(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    blocks, members = _blocks(text, tuple(spans))
    here, before = members[blocks[i]], members.get(blocks[i] - 1, [])
    out = [] if i > 0 and blocks[i - 1] == blocks[i] else ["X:first"]
    asks = any("?" in text[slice(*spans[k])] for k in here)
    if asks:
        out.append("X:inQ")
    elif any("?" in text[slice(*spans[k])] for k in before):
        out.append("X:ans")
        flagged = {verdicts[topic][k][0] for k in before if k in verdicts[topic]}
        out += ["X:ansR", *(f"X:ansR:{p}" for p in sorted(flagged))] if flagged else []
    return out


def same_speech(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    blocks, members = _blocks(text, tuple(spans))
    return ["X:blkR"] if any(k in verdicts[topic] for k in members[blocks[i]] if k != i) else []


@cache
def _scored(sentence: str) -> tuple[str, float]:
    return score_one(sentence)


def tone_bins(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    s = _scored(text[slice(*spans[i])])[1]
    return [f"X:tone{-2 if s < -0.6 else -1 if s < -0.2 else 0 if s <= 0.2 else 1 if s <= 0.6 else 2}"]


def tone_strength(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    label, s = _scored(text[slice(*spans[i])])
    return [f"X:{label}:{'hi' if abs(s) > 0.6 else 'lo'}"]


def no_word(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    from watchdesk.agents.flagging.candidate import is_candidate

    return [NO_WORD] if i in verdicts[topic] and not is_candidate(text[slice(*spans[i])]) else []


def run(label: str, data: list[tr.Example]) -> None:
    dev = {r["file"] for r in dev_rows(SHARED_FIXTURES)}
    for by_company in (True, False):
        total = {t: Counter() for t in CORE}
        for fold in tr.folds(data, by_company=by_company):
            held = set(fold)
            model = tr.train([e for e in data if e.call not in held], tr.L2, tr.THRESHOLD)
            ours = [e for e in data if e.call in held and e.call not in dev and e.call != "written"]
            for t, c in tr.score(model, ours).items():
                total[t].update(c)
        counts = "  ".join(f"{t[:5]} {c['tp']}/{c['fp']}/{c['fn']}/{c['ok']}" for t, c in total.items())
        name = "leave-companies-out" if by_company else "leave-calls-out"
        figures = "  ".join(
            f"{t[:5]} P {c['tp'] / max(1, c['tp'] + c['fp']):.3f} R {c['tp'] / max(1, c['tp'] + c['fn']):.3f} "
            f"pol {c['ok'] / max(1, c['tp']):.3f}" for t, c in total.items()
        )  # fmt: skip
        print(f"{label:15s} {name:19s} tp/fp/fn/polarity right {counts}\n{'':35s} {figures}", flush=True)


FIT, POLARITY_ROWS, POLARITY_L2 = tr.fit, tr._polarity_rows, tr.POLARITY_L2


def _presence_only_rows(mentioned: list[tuple[tr.Example, str]], topic: str) -> list[list[str]]:
    """train_refiner's polarity rows without NO_WORD: a presence feature only."""
    return [[n for n in row if n != NO_WORD] for row in POLARITY_ROWS(mentioned, topic)]


def _heavier_words(
    x: list[list[str]], y: np.ndarray, classes: int, l2: float, cue: float = 1.0, weights: np.ndarray | None = None
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """train_refiner.fit, the polarity models' cue features (scaled by CUE) at the L2 they had before it was
    tripled: only the words' L2 is three times higher."""
    return FIT(x, y, classes, l2, cue / 3 if classes == 3 else cue, weights)


# The topics' own nouns: the sentiment model learnt from news, where "inventory" or "export" lean negative whatever
# the sentence says ("Channel inventory is healthy." reads -0.59); masked, its label would be the rest's tone.
MASK = re.compile(
    r"\b(?:inventor\w*|stock\w*|destock\w*|restock\w*|suppl(?:y|ies|ier|iers)|supply-chain|chains?|exports?|tariffs?|"
    r"sanctions?|china|chinese|taiwan|channel|trade|geopolitic\w*|controls?|regulat\w*|shortages?)\b",
    re.IGNORECASE,
)


@cache
def masked_tone(sentence: str) -> tuple[str, float]:
    """score_one() of `sentence` with MASK's words taken out (the sentence itself when nothing is left)."""
    rest = " ".join(MASK.sub(" ", sentence).split())
    return score_one(rest or sentence)


def masked_tone_extra(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    return [f"X:mt:{masked_tone(text[slice(*spans[i])])[0]}"]


def doc_density(text: str, spans: list[Span], verdicts: Verdicts, i: int, topic: str) -> list[str]:
    """How much of the whole call the rules flag for the topic (share of its sentences, in four bins): a call about
    the topic might make a doubtful sentence likelier a mention (session 14)."""
    share = len(verdicts[topic]) / max(1, len(spans))
    return [f"X:dd{0 if share < 0.005 else 1 if share < 0.02 else 2 if share < 0.05 else 3}"]


EXTRAS: dict[str, Callable[..., list[str]]] = {
    "no-word": no_word, "neighbour-tone": neighbour_tone, "answers": answers, "same-speech": same_speech,
    "tone-bins": tone_bins, "tone-strength": tone_strength, "doc-density": doc_density,
}  # fmt: skip
VARIANTS = ("base", "statements", *EXTRAS, "polarity-l2x3", "masked-tone", "masked-tone-extra")


def main(argv: list[str]) -> int:
    unknown = [a for a in argv if a not in VARIANTS]
    if unknown:
        print(f"unknown variant {unknown[0]!r}; one of: {', '.join(VARIANTS)}", file=sys.stderr)
        return 2
    for variant in argv or VARIANTS:
        if variant == "base":
            run(variant, tr.examples(SHARED_FIXTURES))
            continue
        if variant == "masked-tone":
            tr.score_one = masked_tone
            try:
                run(variant, tr.examples(SHARED_FIXTURES))
            finally:
                tr.score_one = score_one
            continue
        if variant == "masked-tone-extra":
            run(variant, tr.examples(SHARED_FIXTURES, extra=masked_tone_extra))
            continue
        data = tr.examples(SHARED_FIXTURES, read=statements_text, extra=EXTRAS.get(variant))
        if variant == "no-word":
            tr._polarity_rows = _presence_only_rows
        if variant == "polarity-l2x3":
            tr.POLARITY_L2, tr.fit = POLARITY_L2 * 3, _heavier_words
        try:
            run(variant, data)
        finally:
            tr.fit, tr._polarity_rows, tr.POLARITY_L2 = FIT, POLARITY_ROWS, POLARITY_L2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
