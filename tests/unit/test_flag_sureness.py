"""The "sure" mark on each flag (refine.is_sure): how it is decided, that it reaches the store and the briefing, and
that it still separates better verdicts from worse on our TEST calls (the figures the briefing's Method text cites)."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_FIXTURES
from watchdesk.agents.briefing.render import SURENESS
from watchdesk.agents.flagging.flag import flag_text
from watchdesk.agents.flagging.refine import SURE_POLARITY, SURE_PRESENCE, is_sure
from watchdesk.agents.flagging.topics import load_topics


def test_sure_needs_both_a_likely_mention_and_a_confident_polarity() -> None:
    assert is_sure(SURE_PRESENCE, SURE_POLARITY)
    assert not is_sure(SURE_PRESENCE - 0.01, 0.99)
    assert not is_sure(0.99, SURE_POLARITY - 0.01)
    assert is_sure(0.99, 0.4, settled=True)  # a rubric relation settled the polarity
    assert not is_sure(0.5, 0.99, settled=True)


def test_only_the_learned_pass_marks_flags() -> None:
    text = "Channel inventory came down to healthy levels this quarter. Supply remains tight for our newest parts."
    core = load_topics(("inventory", "supply_chain"))
    refined = flag_text(text, topics=core)
    assert refined and all(f.sure is not None for f in refined)
    assert all(f.sure is None for f in flag_text(text, topics=core, refine=False))


@pytest.mark.skipif(not (SHARED_FIXTURES / "transcripts").is_dir(), reason="needs ../shared/fixtures (transcripts)")
def test_sure_flags_are_read_better_on_the_test_calls() -> None:
    from tests.labels.sureness import labelled_marks, table

    marks = list(labelled_marks("test"))
    lines = table(marks)
    unsure = sum(not m[1] for m in marks) / len(marks)
    assert f"{unsure:.0%} of the flags" in SURENESS
    for topic in ("inventory", "supply_chain", "geopolitical"):
        sure = next(line for line in lines if line.startswith(f"{topic:13s} sure "))
        other = next(line for line in lines if line.startswith(f"{topic:13s} unsure"))
        pol_sure, pol_other = float(sure.rsplit(" ", 1)[1]), float(other.rsplit(" ", 1)[1])
        assert pol_sure > pol_other, (topic, sure, other)
        assert f"{pol_other:.2f}" in SURENESS and f"{pol_sure:.2f}" in SURENESS
