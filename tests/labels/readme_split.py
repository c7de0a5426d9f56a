"""The sentence lists of fixtures/labels/README.md section 4, rebuilt exactly, and its candidate pattern (section 3).

Our own labelled calls (tests/labels/*.jsonl) use the same `idx` as the dev set, so one loader reads both and no
transcript text has to be stored in the repository: a row keeps the file, the index and a hash of the sentence.
Run `python -m tests.labels.readme_split FILE [FILE ...]` to print candidate rows (with context) for labelling.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import cache
from pathlib import Path

_ABBREVIATIONS = (
    "mr mrs ms dr prof sr jr st vs etc inc co corp ltd no approx dept est fig jan feb mar apr jun jul aug sep sept oct "
    "nov dec mt ft u.s u.k e.g i.e a.m p.m n.a s.a u.s.a"
)
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
_BOUNDARY = re.compile(r"([.!?]+)([\"'\u201d\u2019)]*)(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9$\u00c0-\u017f])")
_LAST_WORD = re.compile(r"[A-Za-z][A-Za-z.]*$")

# The words README section 3 lists, as written there. Rebuilt from the prose, it is close to the dev set's own
# pattern, not exact: 12 of its 635 rows disagree on `manual`, and it matches 8 sentences of those calls with no row.
SECTION3 = re.compile(
    r"inventor|stocking|destock|restock|digest|channel|sell-through|sell-in|sell through|sell in\b|\bDIO\b|\bDOI\b|"
    r"pull-in|pull in|pull-forward|pull forward|pre-buy|prebuy|build-ahead|build ahead|buffer|replenish|"
    r"suppl|shortage|constrain|capacity|lead time|allocation|backlog|foundr|sourcing|logistic|freight|\bports?\b|ocean|"
    r"raw material|commodit|expedit|availab|\blean|resilien|underutili|under-utili|"
    r"tariff|export|sanction|licen[cs]|trade|china|chinese|taiwan|india|vietnam|mexico|malaysia|\bwar\b|conflict|"
    r"russia|ukraine|israel|middle east|\brules?\b|regulat|administration|commerce|reshor|onshor|decoupl|de-risk|"
    r"chips act",
    re.IGNORECASE,
)
# For labelling: section 3's words and a few more, so that a labeller reading candidates sees a wider net.
CANDIDATE = re.compile(SECTION3.pattern + r"|stock|\bpull|de-?risk|manufactur", re.IGNORECASE)


def split(text: str) -> list[str]:
    text = " ".join(text.split())
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start(3)
        if m.group(1).startswith("."):
            before = text[start : m.start(1)]
            if before and before[-1].isalpha():
                w = _LAST_WORD.search(before)
                if w:
                    word = w.group(0).lower().rstrip(".")
                    if word in ABBREVIATIONS or (len(w.group(0)) == 1 and w.group(0).isupper()):
                        continue
        piece = text[start:end]
        if piece:
            out.append(piece)
        start = m.end(3)
    if text[start:]:
        out.append(text[start:])
    return out


@cache
def speeches(root: Path, name: str) -> tuple[tuple[str, str | None], ...]:
    """(speech, speaker) in order: JSON files by their entries, .html pages by the statements the project's
    transcript parser reads from them (an extension of section 4 for pages; each split on its own, like JSON),
    any other file as one text."""
    path = root / "transcripts" / name
    if name.endswith(".json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple((e["speech"], e.get("speaker")) for e in data["prepared_remarks"] + data["q_and_a"])
    if name.endswith(".html"):
        from watchdesk.sources.transcripts.detect import parse_transcript

        call = parse_transcript(path.read_bytes(), format="html", origin=name)
        return tuple((st.text, st.speaker) for st in call.statements)
    return ((path.read_text(encoding="utf-8"), None),)


@cache
def sentences(root: Path, name: str) -> tuple[tuple[str, str | None], ...]:
    """(sentence, speaker) in `idx` order for a file relative to fixtures/transcripts/."""
    return tuple((s, speaker) for speech, speaker in speeches(root, name) for s in split(speech))


def digest(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
    for name in argv:
        sents = sentences(root, name)
        for i, (s, speaker) in enumerate(sents):
            print(json.dumps({
                "file": name, "idx": i, "candidate": bool(CANDIDATE.search(s)), "speaker": speaker, "sentence": s,
            }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
