"""The judge's Hyperscan pre-scan (heads.py, cuescan.py) only ever skips work: every regex it knows, tried only
where one of its heads starts, finds what it finds tried everywhere, on a 10-K, calls and odd characters; and the
rules' verdicts on a long text are the same with the pre-scan and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchdesk.agents.flagging import multiscan, polarity
from watchdesk.agents.flagging.casefold import fold
from watchdesk.agents.flagging.cuescan import SentenceStarts, sentence_starts
from watchdesk.agents.flagging.flag import rule_verdicts
from watchdesk.agents.flagging.heads import heads
from watchdesk.agents.flagging.sentences import split_sentences
from watchdesk.agents.flagging.topics import load_topics
from watchdesk.sources.html_text import html_to_text

hyperscan = pytest.importorskip("hyperscan", reason="the pre-scan needs hyperscan (Linux x86-64 wheel)")

ODD = [
    "We don't, but NOT seeing any shortage.",
    "Not only tight, but: no shortage",
    "CAN YOU TALK ABOUT IT?",
    "I'm Curious whether supply is tight",
    "Could you talk about ŝupply’s ÉTÉ?",
    "Thé export\u00a0controls eased\u2003a lot.",
    "cannot",
    "x" * 90 + "not tight",
    "été: ban—no  longer\tan option, 159\u00a0days, down from 170 days",
    "Pull-ins éased; in\u2009the event of in line with",
    "Inventory 1,234 days, a decline of ten days",
    "¹²³ days",
]


@pytest.fixture(scope="module")
def text(shared_fixtures: Path) -> str:
    calls = sorted((shared_fixtures / "transcripts" / "plaintext_2023_2025").glob("*.txt"))[:4]
    filing = shared_fixtures / "edgar" / "filings" / "NVDA_10-K_FY2025_filed-2025-02-26.html"
    body = "\n\n".join([html_to_text(filing.read_bytes()), *(p.read_text(encoding="utf-8") for p in calls), *ODD])
    assert fold(body) is not None
    return body


@pytest.fixture(scope="module")
def starts(text: str) -> list[tuple[str, SentenceStarts]]:
    """Each sentence of `text` and where the heads of every shipped topic's regexes start in it: the one database a
    flag of any selection scans with (scanned.py), which the warm-up compiles; more heads than a topic's own only
    add places where its regexes are tried."""
    spans = split_sentences(text)
    folded = fold(text)
    assert folded is not None and len(folded) == len(text)
    found = sentence_starts(folded, spans, range(len(spans)), polarity.twin_regexes(load_topics().names))
    assert found is not None
    return [(text[a:b], found[i]) for i, (a, b) in enumerate(spans)]


def _readings(starts: list[tuple[str, SentenceStarts]], topic: str) -> list[tuple[polarity._Reading, ...]]:
    """(without, with the pre-scan) of every sentence of the text."""
    return [(polarity._reading(text, topic), polarity._reading(text, topic, where)) for text, where in starts]


@pytest.mark.parametrize("topic", ["supply_chain", "inventory", "geopolitical", "demand"])
def test_each_regex_tried_at_its_heads_finds_what_it_finds_everywhere(
    starts: list[tuple[str, SentenceStarts]], topic: str
) -> None:
    regexes = polarity.twin_regexes([topic])
    assert all(heads(regex.pattern) is not None for regex in regexes)  # each one is pre-scanned
    found = skipped = 0
    for plain, scanned in _readings(starts, topic):
        assert isinstance(scanned.starts, SentenceStarts) and scanned.text == plain.text
        for regex in regexes:
            expected = [m.span() for m in regex.finditer(plain.text)]
            assert [m.span() for m in polarity._matches(scanned, regex)] == expected, (regex.pattern[:60], plain.text)
            assert polarity._search(scanned, regex) == bool(expected)
            found += len(expected)
            skipped += scanned.starts.may_match(regex) is False
    assert found > 1000 and skipped > 1000


def test_judge_and_contributions_are_the_same_with_the_prescan(starts: list[tuple[str, SentenceStarts]]) -> None:
    for topic in ("supply_chain", "geopolitical"):
        for plain, scanned in _readings(starts, topic):
            sentence = plain.text  # folded: the judge folds it again, to the same
            assert scanned.starts is not None
            with_starts = polarity.judge(sentence, topic=topic, starts=scanned.starts)
            assert with_starts == polarity.judge(sentence, topic=topic)


def test_rule_verdicts_are_the_same_with_and_without_the_prescan(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    library = load_topics()
    spans = split_sentences(text)
    monkeypatch.setattr(multiscan, "MIN_CHARS", 0)
    scanned = rule_verdicts(text, spans, library)
    monkeypatch.setattr(multiscan, "MIN_CHARS", 10**12)
    assert scanned == rule_verdicts(text, spans, library)
    assert sum(map(len, scanned.values())) > 1000


def test_heads_of_patterns_they_cannot_bound() -> None:
    assert heads(r"(?<!\w)(?:a*|b)") is None  # may match nothing
    assert heads(r"(a)\1") is None  # a back-reference
    assert heads(r"(?<!\w)risk\w*") == ((r"\b\x72\x69\x73\x6b", 0),)
    # a digit may be non-ASCII ("?" to Hyperscan), which \b cannot tell from a word start: the character before is read
    assert heads(r"(?<!\w)\d+ days") == ((r"[^0-9A-Za-z_][\x30\x31\x32\x33\x34\x35\x36\x37\x38\x39\x3f]", 1),)
