"""user7's review, left: in NVDA_2026_Q1 (an unlabelled call, one line of speech-to-text) management's answers were
given to the analyst who asked. Aaron Rakers' question (asked by Jake, with no "?") ran on through Jensen's whole
answer to the end of the Q&A, and Ben Reitzes' answer began inside his question ("So first one for Colette ...").
The parser found an answer only after a "?" followed by an answer-like opening, or at "Thanks for the question".
Now a question with no "?" ends at "Yeah, thank you for that.", "Thanks, Ben, for the question" is an answer cue,
and such a cue two sentences after the question's "?" wins over the "?" when no answer-like sentence followed any.
Across the 24 unlabelled calls seven turns change (NVDA 2026-Q1 twice, 2026-Q2, AMD 2024-Q1, 2024-Q3, 2025-Q2, MU
2024-Q1), each now cut at the answer; none of the TEST calls changes.

Issue 10 (flagging v0.47), left by that fix: Timothy Arcuri's second question in NVDA 2026-Q1 ("And then you were sort
of run rating ... Can we get back to those sorts of quarterly run rates ...?") opened the answer turn, so the judge
read Jensen's answer under the wrong question. The parser ended a question at its first "?" when no opener followed
any "?" (he closed with "So whatever you can say there would be great. Thanks."), and looked for that "?" past the
operator's next introduction, so where the next asker's "?" met an opener a whole answer stayed with the question.
Now the asker goes on through a follow-on question ("And then ...?", "Is that ...?"), a request for colour ("Any
color here would be great.") and thanks, up to an opener within three sentences; a bare "Thanks." answered by name
("Thanks, Matt.") ends a question with no "?"; nothing past the next introduction is read. 40 turns of the 24
unlabelled calls change, each read (the commit message)."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.sources.transcripts import parse_transcript
from watchdesk.sources.transcripts.model import Statement


def _turns(shared_fixtures: Path, call: str) -> list[Statement]:
    path = shared_fixtures / "transcripts" / "plaintext_2023_2025" / call
    return parse_transcript(path.read_bytes(), origin=call).statements


def _answer_to(turns: list[Statement], analyst: str) -> tuple[Statement, Statement]:
    n = next(n for n, s in enumerate(turns) if s.speaker == analyst and s.kind == "analyst")
    return turns[n], turns[n + 1]


@pytest.mark.parametrize(("call", "analyst", "asked_ends", "answer_opens"), [
    ("NVDA_2026_Q1.txt", "Aaron Rakers", "network attach rates.", "Yeah, thank you for that."),
    ("NVDA_2026_Q1.txt", "Ben Reitzes", "Thanks so much.", "Thanks, Ben, for the question."),
    ("NVDA_2026_Q2.txt", "Stacy Raskin", "components?", "Thanks, Stacey, for the question."),
    ("AMD_2025_Q2.txt", "Thomas O'Malley", "ASPs.", "Sure, Tom. Thanks for the question."),
    ("NVDA_2026_Q1.txt", "Timothy Arcuri", "So whatever you can say there would be great. Thanks.",
     "The president has a plan."),
    ("AMD_2024_Q2.txt", "Harsh Kumar", "Just any color would be appreciated.", "Yeah, so Harsh"),
    ("MU_2025_Q2.txt", "Harlan Sir", "Any color here would be great.", "Sure, Harlan."),
    ("AMD_2024_Q2.txt", "Tom O'Malley", "a little bit better. Thank you.", "Sure, Tom."),
    ("AMD_2024_Q3.txt", "Timothy Arcuri", "Is that about right?", "So that's a pretty granular question, Timothy."),
    ("MU_2024_Q1.txt", "Timothy Akari", "And then I had a follow-up as well.", "So obviously, due to"),
    ("NVDA_2025_Q2.txt", "Matt Ramsey", "for that investment. Thanks.", "Thanks, Matt."),
    ("NVDA_2024_Q1.txt", "Vivek Arya", "over the next two to three years?", "Thanks for the question."),
])  # fmt: skip
def test_the_answer_is_cut_from_the_question(shared_fixtures: Path, call: str, analyst: str, asked_ends: str,
                                             answer_opens: str) -> None:
    asked, answer = _answer_to(_turns(shared_fixtures, call), analyst)
    assert asked.text.endswith(asked_ends), asked.text[-200:]
    assert answer.text.startswith(answer_opens) and answer.kind == "other" and answer.section == "qa", answer.text[:80]


def test_every_question_of_the_call_has_its_answer(shared_fixtures: Path) -> None:
    turns = _turns(shared_fixtures, "NVDA_2026_Q1.txt")
    following = [turns[n + 1].kind for n, s in enumerate(turns) if s.kind == "analyst"]
    assert following == ["other"] * 6


@pytest.mark.parametrize("call", ["AMD_2024_Q2.txt", "AMD_2024_Q3.txt", "AMD_2025_Q1.txt", "NVDA_2025_Q2.txt"])
def test_every_question_is_answered_before_the_next_is_called(shared_fixtures: Path, call: str) -> None:
    turns = _turns(shared_fixtures, call)
    following = [turns[n + 1].kind for n, s in enumerate(turns[:-1]) if s.kind == "analyst"]
    assert "operator" not in following, following
