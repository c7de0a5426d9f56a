"""The goal as the parsers share it: the words, which of them a parser has used, and the notes it keeps."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

# A word is letters and digits of any script ("Nestlé", "Hermès", "Zürich" are one word each), joined by & . - '
_TOKEN = re.compile(r"\$?[^\W_]+(?:[&.\-'’][^\W_]+)*|&")
_BREAK = re.compile(r"[,;:!?()\"\[\]|\n]|\.(?:\s|$)")


# Typed or pasted characters that stand for ASCII ones the parsers read: curly quotes and apostrophes, hyphens
# (an en dash between two letters or digits, "10–Q", is one too; an em dash, "NVIDIA—AMD", is a break), and marks
# and invisible characters that are no part of a word ("NVIDIA®", a zero-width space, a direction mark).
_TYPOGRAPHY = str.maketrans({
    "‘": "'", "’": "'", "‛": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"',
    "»": '"', "‐": "-", "‑": "-", "‒": "-", "−": "-",
})  # fmt: skip
_NO_PART_OF_A_WORD = re.compile("[™℠®©\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_DASH_IN_A_WORD = re.compile(r"(?<=[^\W_])–(?=[^\W_])")
# Letters NFKD does not split into an ASCII letter and an accent
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def normalize(goal: str) -> str:
    """The goal as the parsers read it: full-width and compatibility forms as their plain characters (NFKC), any
    space as a space, typographic quotes, apostrophes and hyphens as ASCII ones. Letters keep their accents."""
    text = unicodedata.normalize("NFKC", _NO_PART_OF_A_WORD.sub("", goal)).translate(_TYPOGRAPHY)
    return _DASH_IN_A_WORD.sub("-", text)


def fold(text: str) -> str:
    """Lower case without accents, for comparing words: "Nestlé" -> "nestle", "Straße" -> "strasse"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    chunk: int  # tokens of one chunk have no punctuation between them
    initial: bool  # first word of a sentence: its capital letter says nothing

    @property
    def capitalized(self) -> bool:
        return self.text.lstrip("$")[:1].isupper()

    @property
    def word(self) -> str:
        """The token without a possessive ("Nvidia's" -> "Nvidia")."""
        return re.sub(r"['’]s$", "", self.text)


@dataclass
class Notes:
    """What the parser decided, and what it did not understand, in words a person reads."""

    decisions: list[str] = field(default_factory=list)
    not_understood: list[str] = field(default_factory=list)

    def decide(self, message: str) -> None:
        self.decisions.append(message)

    def unclear(self, message: str) -> None:
        if message not in self.not_understood:
            self.not_understood.append(message)


class Text:
    """The goal with a mask of the characters some parser has already read."""

    def __init__(self, goal: str) -> None:
        self.raw = goal
        self._used = [False] * len(goal)
        self._negated: list[tuple[int, int, str]] = []  # scopes of "but not ...", "excluding ...": (start, end, phrase)

    def negate(self, start: int, end: int, phrase: str) -> None:
        self._negated.append((start, end, phrase))

    def negation(self, start: int, end: int) -> str | None:
        """The negation ("but not news") whose scope holds raw[start:end], if any."""
        return next((phrase for s, e, phrase in self._negated if s <= start and end <= e), None)

    def use(self, start: int, end: int) -> None:
        for i in range(start, end):
            self._used[i] = True

    def release(self, start: int, end: int) -> None:
        """Give raw[start:end] back to the parsers that come after ("Apple" in "for Apple demand", read as context)."""
        for i in range(start, end):
            self._used[i] = False

    def is_free(self, start: int, end: int) -> bool:
        return not any(self._used[start:end])

    def masked(self) -> str:
        """The goal with used characters replaced by '|', which every parser reads as a boundary."""
        return "".join("|" if used else ch for ch, used in zip(self.raw, self._used, strict=True))

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of `pattern` that lie wholly in text no parser has used yet."""
        for m in pattern.finditer(self.masked()):
            if m.end() > m.start():
                yield m

    def tokens(self) -> list[Token]:
        masked = self.masked()
        out: list[Token] = []
        chunk, last = 0, 0
        for m in _TOKEN.finditer(masked):
            gap = masked[last : m.start()]
            if out and _BREAK.search(gap):
                chunk += 1
            initial = not out or bool(re.search(r"[.!?\n:]", gap))
            out.append(Token(m.group(), m.start(), m.end(), chunk, initial))
            last = m.end()
        return out
