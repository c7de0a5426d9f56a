"""Hand-labelled financial news sentences (positive / negative / neutral for the company's investors).

SEC rows (public domain) keep their text in news_sentiment.jsonl. RSS rows keep only {"source", "sha", "label"}:
feed text is third-party copyrighted, so the loader rebuilds each feed's sentences from ../shared/fixtures and
matches them by the first 12 hex digits of the SHA-1 of the sentence.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from tests.labels.readme_split import digest, split

LABEL_FILE = Path(__file__).with_name("news_sentiment.jsonl")
LABELS = ("positive", "negative", "neutral")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class NewsSentence:
    text: str
    label: str
    source: str


def feed_sentences(path: Path) -> list[str]:
    """Sentences of every item's <title> then <description> (entities decoded, tags removed), first occurrence only."""
    root = ET.fromstring(path.read_bytes())
    seen: dict[str, None] = {}
    for item in root.iter("item"):
        for field in ("title", "description"):
            text = " ".join(_TAG.sub(" ", html.unescape(item.findtext(field) or "")).split())
            seen.update(dict.fromkeys(split(text)))
    return list(seen)


def load_news(fixtures: Path) -> list[NewsSentence]:
    """All labelled sentences of every news_sentiment*.jsonl, in file order; only the SEC rows without fixtures."""
    feeds: dict[str, dict[str, str]] = {}
    out: list[NewsSentence] = []
    for path in sorted(LABEL_FILE.parent.glob("news_sentiment*.jsonl")):
        out += _load(path, fixtures, feeds)
    return out


def _load(path: Path, fixtures: Path, feeds: dict[str, dict[str, str]]) -> list[NewsSentence]:
    out: list[NewsSentence] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row["label"] not in LABELS:
            raise ValueError(f"{path.name}:{n}: bad label {row['label']!r}")
        if "text" in row:
            out.append(NewsSentence(row["text"], row["label"], row["source"]))
            continue
        if not fixtures.is_dir():
            continue
        source = row["source"]
        if source not in feeds:
            feeds[source] = {digest(s): s for s in feed_sentences(fixtures / source)}
        text = feeds[source].get(row["sha"])
        if text is None:
            raise ValueError(f"{path.name}:{n}: sha {row['sha']} not found in {source}")
        out.append(NewsSentence(text, row["label"], source))
    return out
