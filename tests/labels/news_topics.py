"""Hand-labelled news items (tests/labels/news_topics/, see its README.md) scored the way the flagging agent reads
a news document: its headline and summary, flagged whole.

    PYTHONPATH=. .venv/bin/python -m tests.labels.news_topics [held|tune|agreement] [-v]

prints precision, recall and polarity per topic, counted per item (a topic the item's flags name, with the polarity
most of them give; the first on a tie). `-v` lists the items flagged otherwise than labelled, on `tune` only.
`agreement` compares the second reader's labels of the held-out items with the first's. The item text is
third-party: the rows hold the feed file, the link and the SHA-1 of the text, which is rebuilt from
fixtures/feeds/ with the news agent's own parser and checked.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

from tests.labels.calls import CORE

FOLDER = Path(__file__).resolve().parent / "news_topics"
Verdicts = dict[str, str]


def rows(part: str) -> list[dict]:
    path = FOLDER / f"{part}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def item_texts(fixtures: Path, feed: str) -> dict[str, str]:
    """link -> the text a news document holds (agents/news.py: the headline, a blank line and the summary)."""
    from watchdesk.sources.news.feeds import parse_feed

    items = parse_feed((fixtures / "feeds" / feed).read_bytes(), feed_url=feed)
    return {it.link: it.title if not it.summary else f"{it.title}\n\n{it.summary}" for it in items}


def text_of(fixtures: Path, row: dict) -> str:
    text = item_texts(fixtures, row["feed"])[row["link"]]
    if hashlib.sha1(text.encode()).hexdigest()[:12] != row["sha"]:
        raise ValueError(f"{row['feed']} {row['link']}: the item's text is not the one labelled")
    return text


def flagged(text: str) -> Verdicts:
    """Per topic, the polarity most of the item's flags give (the first on a tie)."""
    from watchdesk.agents.flagging.flag import flag_text
    from watchdesk.agents.flagging.topics import load_topics

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for flag in flag_text(text, topics=load_topics(CORE)):
        votes[flag.topic][flag.polarity] += 1
    return {topic: c.most_common(1)[0][0] for topic, c in votes.items()}


def scores(pairs: list[tuple[Verdicts, Verdicts]]) -> dict[str, tuple[float, float, float, int]]:
    """Per topic (precision, recall, polarity right among the found, mentions) from (labels, flags) pairs."""
    out = {}
    for topic in CORE:
        tp = sum(topic in want and topic in have for want, have in pairs)
        fp = sum(topic not in want and topic in have for want, have in pairs)
        fn = sum(topic in want and topic not in have for want, have in pairs)
        right = sum(topic in want and want[topic] == have.get(topic) for want, have in pairs)
        out[topic] = (tp / max(1, tp + fp), tp / max(1, tp + fn), right / max(1, tp), tp + fn)
    return out


def measured(fixtures: Path, part: str, misses: list[str] | None = None) -> dict[str, tuple[float, float, float, int]]:
    pairs = []
    for row in rows(part):
        text = text_of(fixtures, row)
        have = flagged(text)
        pairs.append((row["topics"], have))
        if misses is not None and have != row["topics"]:
            misses.append(f"want {row['topics']} got {have}\n    {text[:300]!r}")
    return scores(pairs)


def main(argv: list[str]) -> int:
    from tests.conftest import SHARED_FIXTURES

    part = next((a for a in argv if not a.startswith("-")), "held")
    if part == "agreement":
        first, second = rows("held"), rows("held_second_reader")
        assert [r["sha"] for r in first] == [r["sha"] for r in second]
        pairs = [(x["topics"], y["topics"]) for x, y in zip(first, second, strict=True)]
        for topic, (p, r, a, n) in scores(pairs).items():
            print(f"second reader vs first, {topic:13s} n {n:3d}  P {p:.2f}  R {r:.2f}  polarity {a:.2f}")
        return 0
    if part not in ("held", "tune", "blind") or ("-v" in argv and part != "tune"):
        print("give held, tune, blind or agreement; -v lists misses of tune only", file=sys.stderr)
        return 2
    misses: list[str] = []
    for topic, (p, r, a, n) in measured(SHARED_FIXTURES, part, misses).items():
        print(f"news {part:5s} {topic:13s} n {n:3d}  P {p:.2f}  R {r:.2f}  polarity {a:.2f}")
    if "-v" in argv:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
